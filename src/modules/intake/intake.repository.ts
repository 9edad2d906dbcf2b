import { randomInt, randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { intakeOutcomes, intakeRecords } from './intake.table.js';

export type NewIntakeRecord = Omit<typeof intakeRecords.$inferInsert, 'id'>;
export type NewIntakeOutcome = Omit<typeof intakeOutcomes.$inferInsert, 'id' | 'recordId'>;
export type IntakeRecord = typeof intakeRecords.$inferSelect & { outcomes: Array<typeof intakeOutcomes.$inferSelect> };

/** Namespace of the advisory lock that lets one save per event at a time rewrite the event's records. */
const LOCK_NAMESPACE = 0x1a7a;

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Saves one checklist. The event's records are written anew, in random order, in the same transaction:
 * the table's physical order and the rows' transaction ids (xmin) would otherwise tell which record came
 * when, and so, next to the queue's times, whose it is.
 */
export async function saveIntakeRecord(db: Db, record: NewIntakeRecord, outcomes: NewIntakeOutcome[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${record.eventId})`);
    const existing = await tx.select().from(intakeRecords).where(eq(intakeRecords.eventId, record.eventId));
    const existingOutcomes = existing.length
      ? await tx.select().from(intakeOutcomes).where(inArray(intakeOutcomes.recordId, existing.map((r) => r.id)))
      : [];
    const id = randomUUID();
    if (existing.length) await tx.delete(intakeRecords).where(eq(intakeRecords.eventId, record.eventId));
    await tx.insert(intakeRecords).values(shuffled([...existing, { ...record, id }]));
    const newOutcomes = outcomes.map((o) => ({ ...o, id: randomUUID(), recordId: id }));
    const outcomeRows = shuffled([...existingOutcomes, ...newOutcomes]);
    if (outcomeRows.length) await tx.insert(intakeOutcomes).values(outcomeRows);
  });
}

/** Records of these events with their outcomes, for the evaluation. */
export async function intakeRecordsOfEvents(db: Db, eventIds: number[]): Promise<IntakeRecord[]> {
  if (eventIds.length === 0) return [];
  const records = await db.select().from(intakeRecords).where(inArray(intakeRecords.eventId, eventIds));
  const outcomes = records.length
    ? await db.select().from(intakeOutcomes).where(inArray(intakeOutcomes.recordId, records.map((r) => r.id)))
    : [];
  const byRecord = new Map<string, Array<typeof intakeOutcomes.$inferSelect>>();
  for (const outcome of outcomes) byRecord.set(outcome.recordId, [...(byRecord.get(outcome.recordId) ?? []), outcome]);
  return records.map((r) => ({ ...r, outcomes: byRecord.get(r.id) ?? [] }));
}
