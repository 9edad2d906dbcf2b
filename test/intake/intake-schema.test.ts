import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from '../helpers/db.js';

/**
 * Anonymity by construction, read from the real database catalog: the intake tables hold closed answers only,
 * with random ids, and nothing (column, key, foreign key, default sequence, time) that leads back to a
 * booking, ticket, visit or staff member. Adding such a column to intake.table.ts makes this test fail.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

const INTAKE_TABLES = ['intake_records', 'intake_outcomes'];
const ALLOWED_COLUMNS: Record<string, string[]> = {
  intake_records: ['id', 'event_id', 'topic_id', 'kind', 'without_ticket', 'duration_band', 'household', 'children', 'youngest_age', 'heard_via', 'first_visit', 'language', 'interpreter'],
  intake_outcomes: ['id', 'record_id', 'benefit_topic_id', 'outcome', 'referred_to'],
};
/** Where an intake row may point: the event (its day and venue), a topic, and its own record. */
const ALLOWED_TARGETS = ['events', 'topics', 'intake_records'];
/** Words of a column name that mean personal data, free text or a time. */
const PERSONAL_WORDS = ['name', 'email', 'mail', 'phone', 'birth', 'birthday', 'born', 'age', 'address', 'street', 'postcode', 'zip', 'town', 'city',
  'note', 'notes', 'comment', 'text', 'description', 'free', 'token', 'code', 'session', 'time', 'date', 'at', 'created', 'updated', 'hash'];
/** The only keys: the event, a topic, the record an outcome belongs to. A booking_id, ticket_id, visit_id or staff_id fails. */
const KEYS = ['event_id', 'topic_id', 'benefit_topic_id', 'record_id'];

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : result.rows ?? [];
}

describe('intake tables in the database catalog', () => {
  it('have only the known columns, none named after personal data or another record', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('intake_records', 'intake_outcomes') order by table_name, ordinal_position`);
    for (const table of INTAKE_TABLES) {
      const names = columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      expect(names.sort()).toEqual([...ALLOWED_COLUMNS[table]!].sort());
      for (const name of names) {
        const words = name.split('_');
        // "youngest_age" is the age band of the youngest child (a closed list), not a birth date.
        if (name !== 'youngest_age') expect(words.filter((w) => PERSONAL_WORDS.includes(w)), `${table}.${name}`).toEqual([]);
        if (name.endsWith('_id')) expect(KEYS, `${table}.${name}`).toContain(name);
      }
    }
  });

  it('store no free text, no time and no number that counts up: closed lists, booleans, small bands, random ids', async () => {
    const columns = await rows<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_identity: string }>(sql`
      select table_name, column_name, data_type, column_default, is_identity from information_schema.columns
      where table_schema = 'public' and table_name in ('intake_records', 'intake_outcomes')`);
    expect(columns.length).toBeGreaterThan(10);
    for (const column of columns) {
      const where = `${column.table_name}.${column.column_name}`;
      expect(['uuid', 'integer', 'smallint', 'boolean', 'USER-DEFINED'], where).toContain(column.data_type);
      expect(column.data_type, where).not.toMatch(/char|text|time|date|interval|json/);
      expect(column.is_identity, where).toBe('NO');
      expect(column.column_default ?? '', where).not.toMatch(/nextval|now|current_/);
      if (column.column_name === 'id') expect(column.data_type).toBe('uuid');
      if (column.data_type === 'integer') expect(column.column_name, where).toMatch(/^(event_id|topic_id|benefit_topic_id)$/);
    }
  });

  it('point only at the event, topics and their own record; no key leads to a booking, ticket, visit or staff member', async () => {
    const keys = await rows<{ table_name: string; target: string }>(sql`
      select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as target
      from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text in ('intake_records', 'intake_outcomes')`);
    expect(keys.length).toBe(4);
    for (const key of keys) expect(ALLOWED_TARGETS, `${key.table_name} → ${key.target}`).toContain(key.target);
    // Nor does any other table point at an intake row.
    const incoming = await rows<{ table_name: string }>(sql`
      select c.conrelid::regclass::text as table_name from pg_constraint c
      where c.contype = 'f' and c.confrelid::regclass::text in ('intake_records', 'intake_outcomes') and c.conrelid::regclass::text <> 'intake_outcomes'`);
    expect(incoming).toEqual([]);
  });

  it('have no sequence and no index that would keep the order in which checklists came', async () => {
    const sequences = await rows<{ name: string }>(sql`
      select s.relname as name from pg_class s join pg_depend d on d.objid = s.oid join pg_class t on t.oid = d.refobjid
      where s.relkind = 'S' and t.relname in ('intake_records', 'intake_outcomes')`);
    expect(sequences).toEqual([]);
    const indexes = await rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where tablename in ('intake_records', 'intake_outcomes')`);
    for (const index of indexes) expect(index.indexdef).toMatch(/\((id|event_id|record_id)\)/);
  });

  it('answers only from the closed lists (the enum types), and a declined record cannot hold answers', async () => {
    const enums = await rows<{ column_name: string; udt_name: string }>(sql`
      select column_name, udt_name from information_schema.columns where table_name = 'intake_records' and data_type = 'USER-DEFINED'`);
    expect(enums.map((e) => e.udt_name).sort()).toEqual(
      ['intake_children', 'intake_first_visit', 'intake_heard_via', 'intake_household', 'intake_kind', 'intake_language', 'intake_youngest_age'],
    );
    const checks = await rows<{ conname: string }>(sql`select conname from pg_constraint where contype = 'c' and conrelid = 'intake_records'::regclass`);
    expect(checks.map((c) => c.conname).sort()).toEqual(['intake_records_answers_ck', 'intake_records_duration_band_ck']);
  });
});

describe('the catalog check itself', () => {
  it('would catch a column that links back or dates a checklist', async () => {
    await database.db.execute(sql`alter table intake_records add column visit_id integer references visits(id), add column created_at timestamptz default now()`);
    try {
      const columns = await rows<{ column_name: string; data_type: string; column_default: string | null }>(sql`
        select column_name, data_type, column_default from information_schema.columns where table_name = 'intake_records'`);
      const keys = await rows<{ target: string }>(sql`
        select c.confrelid::regclass::text as target from pg_constraint c where c.contype = 'f' and c.conrelid = 'intake_records'::regclass`);
      const flagged = columns.filter((c) => !ALLOWED_COLUMNS.intake_records!.includes(c.column_name)
        || (c.column_name.endsWith('_id') && !KEYS.includes(c.column_name)) || /time|date/.test(c.data_type) || /now/.test(c.column_default ?? ''));
      expect(flagged.map((c) => c.column_name).sort()).toEqual(['created_at', 'visit_id']);
      expect(keys.map((k) => k.target).filter((t) => !ALLOWED_TARGETS.includes(t))).toEqual(['visits']);
    } finally {
      await database.db.execute(sql`alter table intake_records drop column visit_id, drop column created_at`);
    }
  });
});
