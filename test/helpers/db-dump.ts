import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client.js';

const rows = <T>(result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as T[];

async function baseTables(database: Database) {
  const tables = rows<{ schema: string; name: string }>(await database.db.execute(sql`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by table_schema, table_name`));
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['bookings', 'audit_log', 'benefit_authorities', 'staff_sessions', 'mail_jobs']));
  return tables;
}

const quoted = (table: { schema: string; name: string }) => `"${table.schema.replace(/"/g, '')}"."${table.name.replace(/"/g, '')}"`;

/** Every row of every table in every schema of the database (migrations' own bookkeeping included), as text. */
export async function wholeDatabaseAsText(database: Database): Promise<string> {
  const dumps: string[] = [];
  for (const table of await baseTables(database)) {
    const [dump] = rows<{ text: string }>(await database.db.execute(sql.raw(
      `select coalesce(string_agg(t::text, E'\\n'), '') as text from ${quoted(table)} t`,
    )));
    dumps.push(`${table.schema}.${table.name}: ${dump!.text}`);
  }
  return dumps.join('\n');
}

/** How many rows each table holds, by "schema.table". */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await baseTables(database)) {
    const [row] = rows<{ n: number | string }>(await database.db.execute(sql.raw(`select count(*) as n from ${quoted(table)}`)));
    counts[`${table.schema}.${table.name}`] = Number(row!.n);
  }
  return counts;
}
