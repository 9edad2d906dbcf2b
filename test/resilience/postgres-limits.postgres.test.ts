import { type Socket, connect, createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { databaseCause, isDatabaseUnavailable } from '../../src/db/errors.js';
import { openTestDatabase } from '../helpers/db.js';

// PostgreSQL only (see vitest.config.ts): these limits are settings of a real server and its connections.

/** A TCP proxy to PostgreSQL that can stop passing bytes on, like a frozen server or a lost network. */
async function freezableProxy(targetPort: number) {
  let frozen = false;
  const pairs: Array<[Socket, Socket]> = [];
  const join = ([a, b]: [Socket, Socket]) => (a.pipe(b), b.pipe(a));
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) socket.on('error', () => {});
    pairs.push([client, upstream]);
    if (!frozen) join([client, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freeze() {
      frozen = true;
      for (const [a, b] of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) join(pair);
    },
    close() {
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      server.close();
    },
  };
}

describe('bounded waiting on PostgreSQL', () => {
  it('gives up on a server that stops answering after the deadline, for queries and transactions', async () => {
    const test = await openTestDatabase();
    const proxy = await freezableProxy(Number(new URL(test.url!).port));
    const url = new URL(test.url!);
    url.port = String(proxy.port);
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 2, deadlineMs: 1000 });
    await database.db.execute(sql`select 1`);
    proxy.freeze();
    for (const work of [
      () => database.db.execute(sql`select 1`),
      () => database.db.transaction(async (tx) => tx.execute(sql`select 1`)),
    ]) {
      const started = performance.now();
      const error = await work().catch((e: unknown) => e);
      const waited = performance.now() - started;
      expect(databaseCause(error)?.code).toBe('DATABASE_DEADLINE');
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(waited).toBeGreaterThan(900);
      expect(waited).toBeLessThan(3000);
    }
    proxy.thaw();
    await expect(database.db.execute(sql`select 1`)).resolves.toBeDefined();
    await database.close();
    proxy.close();
    await test.close();
  });

  it('limits statements and idle transactions on PostgreSQL, but not migrations', async () => {
    const test = await openTestDatabase();
    const database = await openDatabase({ kind: 'postgres', url: test.url!, maxConnections: 1 });
    const rows = await database.db.execute(sql`
      select current_setting('statement_timeout') as statement,
             current_setting('idle_in_transaction_session_timeout') as idle,
             current_setting('application_name') as name`);
    await database.close();
    const [settings] = rows as unknown as Array<Record<string, string>>;
    expect(settings).toEqual({ statement: '15s', idle: '30s', name: 'familientag' });

    // Migrations may build an index on a big table: their connection has no limit.
    const migrating = await openDatabase({ kind: 'postgres', url: test.url!, maxConnections: 1, forMigrations: true });
    const [unlimited] = (await migrating.db.execute(sql`select current_setting('statement_timeout') as statement`)) as unknown as Array<Record<string, string>>;
    await migrating.close();
    await test.close();
    expect(unlimited).toEqual({ statement: '0' });
  });
});
