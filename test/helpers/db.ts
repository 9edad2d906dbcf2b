import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { organisationsChanged } from '../../src/modules/organisations/organisations.directory.js';

/**
 * One migrated database per test file: in-memory PGlite by default, or, with TEST_DATABASE_URL,
 * a fresh database on that PostgreSQL server (dropped again afterwards), so files can run in parallel.
 */
export async function openTestDatabase(): Promise<Database & { target: string; url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    await runMigrations(database);
    return { ...database, target: 'pglite' };
  }
  const name = `familientag_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  await runMigrations(database);
  return {
    ...database,
    target: 'postgres',
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Empties every table between tests; only ever called on the databases made above. */
export async function resetDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`
    truncate booking_items, bookings, slots, desk_topics, desks, events, topics, venues, organisations
    restart identity cascade`);
  await organisationsChanged(database);
}
