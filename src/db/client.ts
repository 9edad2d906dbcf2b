import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { isDatabaseUnavailable } from './errors.js';
import { arrivalOrderQueue } from './request-order.js';
import * as schema from './schema.js';

/**
 * What repositories take: the database or a transaction. Under PGlite there is one connection,
 * so code inside a transaction must use the transaction it was given, never the global db.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /**
   * Cross-process signals. On PostgreSQL these are LISTEN/NOTIFY, so every server process on the
   * database hears them; on PGlite (one process by definition) they stay in-process.
   */
  notify: (channel: string, payload: string) => Promise<void>;
  listen: (channel: string, onMessage: (payload: string) => void) => Promise<() => Promise<void>>;
};

export type DatabaseTarget =
  /** `forMigrations`: no time limits, since building an index on a big table may well take minutes. */
  | { kind: 'postgres'; url: string; maxConnections?: number; deadlineMs?: number; forMigrations?: boolean }
  | { kind: 'pglite'; dataDir: string | 'memory' };

/**
 * Time limits, so a database that is down or stuck answers requests with an error (a 503 page)
 * within seconds instead of letting them hang. postgres.js would otherwise wait 30 s for a connection
 * and back off up to 20 s between attempts after repeated failures; the server ends statements and
 * idle transactions that run too long. PGlite runs in-process and cannot be cut off, so it needs none.
 */
const POSTGRES_LIMITS = {
  connect_timeout: 5,
  backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
  connection: {
    application_name: 'familientag',
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 30_000,
  },
} as const;

/**
 * How long a query, or a whole transaction, may take before the request gets its 503. The server's
 * statement_timeout cannot end a wait for a server that hangs without answering (a frozen host, a
 * lost network); this limit on our side can. The work itself is not undone: a transaction that still
 * commits later is a booking like any other, and a queued query that never started is withdrawn.
 */
const DEADLINE_MS = 20_000;

class DatabaseDeadlineError extends Error {
  readonly code = 'DATABASE_DEADLINE';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
  }
}

/**
 * PGlite's WebAssembly memory grows but never shrinks, and its defaults are a server's (128 MB of shared
 * buffers, 64 MB for index builds), while one county's data fits in a few MB. Server RSS on the demo,
 * idle after a restart: about 450 MB with the defaults, 265–300 MB with these (BENCHMARKS.md).
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=8MB', '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=8MB', '-c', 'temp_buffers=2MB'];

type PendingQuery = PromiseLike<unknown> & { values(): unknown; cancel(): unknown; state?: unknown };
type Method = (...args: unknown[]) => unknown;

/** The client with the named methods wrapped (each wrapper gets the original, bound); the rest passes through. */
function intercept<T extends object>(client: T, wrappers: Record<string, (original: Method) => Method>): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      const wrap = typeof property === 'string' ? wrappers[property] : undefined;
      return wrap ? wrap((...args) => (value as Method).apply(target, args)) : value;
    },
  });
}

/** drizzle calls `unsafe(...)` (awaited, or `.values()` first) and `begin(...)`; both get the deadline. */
function withDeadline<T extends object>(client: T, ms: number): T {
  const expire = <R>(work: PromiseLike<R>, onExpired = () => {}) =>
    new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        onExpired();
        reject(new DatabaseDeadlineError(ms));
      }, ms);
      work.then(
        (value) => (clearTimeout(timer), resolve(value)),
        (error: unknown) => (clearTimeout(timer), reject(error)),
      );
    });
  const bounded = (pending: PendingQuery) => {
    // Only a query still waiting for a connection is withdrawn: cancelling a running one opens another
    // connection to a server that is not answering, and postgres.js leaves that attempt's failure unhandled.
    const withdraw = () => {
      if (!pending.state) pending.cancel();
    };
    const wrapper = {
      values() {
        pending.values();
        return wrapper;
      },
      then<A, B>(onFulfilled?: (value: unknown) => A, onRejected?: (error: unknown) => B) {
        return expire(pending, withdraw).then(onFulfilled, onRejected);
      },
    };
    return wrapper;
  };
  return intercept(client, {
    unsafe: (original) => (...args) => bounded(original(...args) as PendingQuery),
    begin: (original) => (...args) => expire(original(...args) as Promise<unknown>),
  });
}

/**
 * drizzle sends every query it has not been asked to `.prepare()` with `prepare: false`, so postgres.js
 * parses and plans it again each time and needs an extra round of messages. Named statements are cached
 * per connection by their text, so every query (in transactions and savepoints too) is prepared instead.
 */
function preparedByDefault<T extends object>(client: T): T {
  const inPreparedScope = (original: Method): Method => (...args) => {
    const index = args.findIndex((arg) => typeof arg === 'function');
    const work = args[index] as (scope: object) => unknown;
    const wrapped = [...args];
    wrapped[index] = (scope: object) => work(preparedByDefault(scope));
    return original(...wrapped);
  };
  return intercept(client, {
    unsafe: (original) => (query, params, options) => original(query, params, { ...(options as object | undefined), prepare: true }),
    begin: inPreparedScope,
    savepoint: inPreparedScope,
  });
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      ...POSTGRES_LIMITS,
      ...(target.forMigrations ? { connection: { application_name: 'familientag-migrations' } } : {}),
    });
    // Migrations run once, each statement differently: nothing to gain from preparing them.
    const bounded = target.forMigrations ? client : withDeadline(preparedByDefault(client), target.deadlineMs ?? DEADLINE_MS);
    return {
      db: drizzle(bounded, { schema }) as unknown as Db,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
      notify: async (channel, payload) => {
        // A signal is sent after its change committed; losing it while the database is down only delays
        // a screen's refresh (they reload themselves), and must not turn the committed change into an error.
        await client.notify(channel, payload).catch((error: unknown) => {
          if (!isDatabaseUnavailable(error)) throw error;
        });
      },
      listen: async (channel, onMessage) => {
        const { unlisten } = await client.listen(channel, onMessage);
        return unlisten;
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let location: string | undefined;
  if (target.dataDir !== 'memory') {
    location = path.resolve(target.dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const options = { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] };
  const client = location ? new PGlite(location, options) : new PGlite(options);
  await client.waitReady;
  const inTurn = arrivalOrderQueue();
  const inTurnOf = (original: Method): Method => (...args) => inTurn(() => original(...args) as Promise<unknown>);
  const scheduled = intercept(client, { query: inTurnOf, exec: inTurnOf, transaction: inTurnOf });
  const signals = new EventEmitter().setMaxListeners(0);
  return {
    // A transaction takes one turn for all its statements: they go through its own handle, not this queue.
    db: drizzle(scheduled, { schema }) as unknown as Db,
    kind: 'pglite',
    close: () => client.close(),
    notify: async (channel, payload) => {
      signals.emit(channel, payload);
    },
    listen: async (channel, onMessage) => {
      signals.on(channel, onMessage);
      return async () => {
        signals.off(channel, onMessage);
      };
    },
  };
}
