import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/** Hits in the current window and the milliseconds until it ends (0: no window running). */
type WindowCount = { hits: number; ttlMs: number };

/** Counts hits per key in fixed windows that start with a key's first hit. */
export interface CounterStore {
  increment(key: string, windowMs: number): Promise<WindowCount>;
  read(key: string, windowMs: number): Promise<WindowCount>;
  /** Gives one hit back, for a request that turned out not to count. */
  decrement(key: string): Promise<void>;
}

/** PGlite serves one process, so the counters can stay in memory. */
function memoryCounterStore(now: () => number = Date.now): CounterStore {
  const windows = new Map<string, { hits: number; endsAt: number }>();
  const prune = () => {
    const at = now();
    for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
  };
  return {
    async increment(key, windowMs) {
      const at = now();
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        if (windows.size > 10_000) prune();
        window = { hits: 0, endsAt: at + windowMs };
        windows.set(key, window);
      }
      window.hits += 1;
      return { hits: window.hits, ttlMs: window.endsAt - at };
    },
    async read(key) {
      const at = now();
      const window = windows.get(key);
      return window && window.endsAt > at ? { hits: window.hits, ttlMs: window.endsAt - at } : { hits: 0, ttlMs: 0 };
    },
    async decrement(key) {
      const window = windows.get(key);
      if (window && window.hits > 0) window.hits -= 1;
    },
  };
}

/**
 * Several server processes on one PostgreSQL database share their counters in rate_limit_counters:
 * one upsert per hit, with the database's clock, so every process sees the same windows. Keys hold client
 * addresses and typed e-mail addresses, so only their SHA-256 is stored.
 */
export function databaseCounterStore(db: Db): CounterStore {
  let sinceCleanUp = 0;
  const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');
  return {
    async increment(plainKey, windowMs) {
      const key = hashed(plainKey);
      if (++sinceCleanUp >= 500) {
        sinceCleanUp = 0;
        await db.execute(sql`delete from rate_limit_counters where expires_at <= now()`);
      }
      const rows = await db.execute<{ hits: number; ttl_ms: number }>(sql`
        insert into rate_limit_counters as c (key, hits, expires_at)
        values (${key}, 1, now() + ${windowMs}::integer * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when c.expires_at <= now() then 1 else c.hits + 1 end,
          expires_at = case when c.expires_at <= now() then excluded.expires_at else c.expires_at end
        returning hits, ceil(extract(epoch from expires_at - now()) * 1000)::integer as ttl_ms`);
      const [row] = rowsOf<{ hits: number; ttl_ms: number }>(rows);
      return { hits: Number(row!.hits), ttlMs: Math.max(0, Number(row!.ttl_ms)) };
    },
    async read(plainKey) {
      const key = hashed(plainKey);
      const rows = await db.execute<{ hits: number; ttl_ms: number }>(sql`
        select hits, ceil(extract(epoch from expires_at - now()) * 1000)::integer as ttl_ms
        from rate_limit_counters where key = ${key} and expires_at > now()`);
      const [row] = rowsOf<{ hits: number; ttl_ms: number }>(rows);
      return row ? { hits: Number(row.hits), ttlMs: Math.max(0, Number(row.ttl_ms)) } : { hits: 0, ttlMs: 0 };
    },
    async decrement(plainKey) {
      const key = hashed(plainKey);
      await db.execute(sql`update rate_limit_counters set hits = hits - 1 where key = ${key} and hits > 0 and expires_at > now()`);
    },
  };
}


/** Shared counters on PostgreSQL (several processes may serve one database); in memory on PGlite. */
export function counterStoreFor(database: Database): CounterStore {
  return database.kind === 'postgres' ? databaseCounterStore(database.db) : memoryCounterStore();
}
