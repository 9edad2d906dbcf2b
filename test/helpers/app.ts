import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from './db.js';

export type TestClock = { now: Date; set(iso: string): void; (): Date };

/** A clock the test moves by hand. */
export function testClock(iso: string): TestClock {
  const clock = (() => clock.now) as TestClock;
  clock.now = new Date(iso);
  clock.set = (value: string) => {
    clock.now = new Date(value);
  };
  return clock;
}

/** Mail files and the like go to a temporary folder, never into the repository's ./data. */
let testDataDir: string | undefined;
export const testDataDirectory = () => (testDataDir ??= mkdtempSync(path.join(tmpdir(), 'familientag-test-')));

export async function buildTestApp(
  database: Database,
  clock: TestClock,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://familientag.test',
    DATA_DIR: testDataDirectory(),
    RATE_LIMIT_BOOKINGS_PER_HOUR: '10000',
    RATE_LIMIT_LOOKUPS_PER_MINUTE: '10000',
    LOGIN_ATTEMPTS_PER_15_MINUTES: '10000',
    LOGIN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: '10000',
    ...env,
  });
  const app = await buildApp({ config, database, clock });
  await app.ready();
  return app;
}

/**
 * The usual per-file setup: one migrated test database and the real app on it, closed after the file.
 * Read `.app` and `.database` inside tests and hooks (they exist once beforeAll has run).
 */
export function useTestApp(startsAt: string) {
  const context = { clock: testClock(startsAt) } as { app: FastifyInstance; database: Database; clock: TestClock };
  beforeAll(async () => {
    context.database = await openTestDatabase();
    context.app = await buildTestApp(context.database, context.clock);
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}

/**
 * Like useTestApp, but logging at trace level into `lines`, for tests that search the log for what must not be in it.
 * `seed` fills the fresh database before the app starts.
 */
export function useLoggingTestApp(startsAt: string, seed: (database: Database) => Promise<void>) {
  const context = { lines: [] as string[] } as { app: FastifyInstance; database: Database; lines: string[] };
  beforeAll(async () => {
    context.database = await openTestDatabase();
    await seed(context.database);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace', PUBLIC_URL: 'http://familientag.test', DATA_DIR: testDataDirectory() });
    context.app = await buildApp({ config, database: context.database, clock: testClock(startsAt), logStream: { write: (line) => void context.lines.push(line) } });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}
