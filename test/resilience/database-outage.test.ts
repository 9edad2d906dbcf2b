import { type Socket, createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { databaseCause, isDatabaseUnavailable } from '../../src/db/errors.js';
import { loggableError } from '../../src/lib/logging.js';
import { openTestDatabase } from '../helpers/db.js';
import { createOrganisation } from '../helpers/fixtures.js';

/** A port on which nothing listens: every connection is refused at once, as while PostgreSQL restarts. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What the real driver throws (wrapped by drizzle) when PostgreSQL does not answer. */
async function refusedDatabase(): Promise<Database> {
  const database = await openDatabase({ kind: 'postgres', url: `postgres://postgres@127.0.0.1:${await closedPort()}/none`, maxConnections: 2 });
  // The app listens for queue signals at start; this database never answers, so that part is left out.
  return { ...database, listen: async () => async () => {} };
}

describe('telling a database outage from other errors', () => {
  it('recognises the refused connection of the real driver, and logs its code without the parameters', async () => {
    const database = await refusedDatabase();
    const error = await database.db.execute(sql`select ${'Aylin Kaya'}::text`).catch((e: unknown) => e);
    await database.close();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(databaseCause(error)).toEqual({ code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
    const logged = JSON.stringify(loggableError(error));
    expect(logged).toContain('"cause":{"code":"ECONNREFUSED"');
    expect(logged).not.toContain('Aylin');
  });

  it('counts restarts, shutdowns, lost connections and time limits as outages, and nothing else', () => {
    const coded = (code: string, wrapped = true) => {
      const error = Object.assign(new Error('driver'), { code });
      return wrapped ? Object.assign(new Error('Failed query: select 1\nparams: x'), { cause: error }) : error;
    };
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300', '57014', 'ECONNRESET', 'CONNECT_TIMEOUT',
      'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(true);
      expect(isDatabaseUnavailable(coded(code, false)), code).toBe(true);
    }
    // Node wraps the refusals of several addresses (IPv4 and IPv6 of "localhost") in one AggregateError.
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED', false)]))).toBe(true);
    for (const code of ['23505', '22P02', '40001', '42P01', 'FST_CSRF_INVALID_TOKEN']) {
      expect(isDatabaseUnavailable(coded(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
  });

  it('does not count a real constraint violation of this database as an outage', async () => {
    const database = await openTestDatabase();
    await createOrganisation(database.db);
    const error = await createOrganisation(database.db).catch((e: unknown) => e);
    await database.close();
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('bounded waiting', () => {
  it('gives up connecting to a server that accepts but never answers after 5 s, as an outage', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const database = await openDatabase({ kind: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/none`, maxConnections: 1 });
    const started = performance.now();
    const error = await database.db.execute(sql`select 1`).catch((e: unknown) => e);
    const waited = performance.now() - started;
    await database.close();
    for (const socket of sockets) socket.destroy();
    silent.close();
    expect(databaseCause(error)?.code).toBe('CONNECT_TIMEOUT');
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(waited).toBeGreaterThan(4000);
    expect(waited).toBeLessThan(8000);
  });
});

describe('pages while the database is down', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let database: Database;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await refusedDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', PUBLIC_URL: 'http://familientag.test' });
    app = await buildApp({ config, database, logStream: { write: (line) => void logLines.push(line) } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers a translated 503 page with Retry-After at once, in German and English', async () => {
    for (const [url, title] of [['/de/wmk', 'Gerade nicht erreichbar'], ['/en/wmk/events/1', 'Unavailable for a moment'], ['/de', 'Gerade nicht erreichbar']]) {
      const started = performance.now();
      const response = await app.inject(url!);
      expect(performance.now() - started, url).toBeLessThan(2000);
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['retry-after']).toBe('10');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain(title);
      expect(response.body).toContain(`href="${url}"`);
    }
  });

  it('logs one line per failed request with the driver\'s code and the redacted address', async () => {
    logLines.length = 0;
    await app.inject('/de/wmk/booking/Abcdefghijklmnopqrstuv');
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      msg: 'database unavailable',
      cause: { code: 'ECONNREFUSED', syscall: 'connect' },
      req: { method: 'GET', url: '/de/wmk/booking/[token]' },
    });
  });

  it('reports 503 on the health check', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(503);
  });
});
