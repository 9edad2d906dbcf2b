import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type DeskBreak, deskTopics, desks, events, slots } from './events.table.js';

export type { DeskBreak };

/** A desk's settings as the coordinator edits them (its topics apart). */
export type DeskColumns = {
  label: string; expertId: number | null; startsLocal: string; endsLocal: string; slotMinutes: number; breaks: DeskBreak[]; walkInPercent: number;
};

/** Locks an event row exclusively for the rest of the transaction: desk changes take turns with bookings. */
export async function lockEventRow(tx: Db, eventId: number) {
  const [event] = await tx.select({ id: events.id, startsLocal: events.startsLocal }).from(events).where(eq(events.id, eventId)).for('update');
  return event;
}

export async function findEventOfOrganisation(tx: Db, organisationId: number, eventId: number) {
  const [event] = await tx.select({ id: events.id, startsLocal: events.startsLocal }).from(events)
    .where(and(eq(events.id, eventId), eq(events.organisationId, organisationId)));
  return event;
}

/** An event's desks in the order they were made. */
export async function desksInOrderMade(tx: Db, eventId: number) {
  return tx.select().from(desks).where(eq(desks.eventId, eventId)).orderBy(asc(desks.id));
}

export async function desksOfExpertAt(tx: Db, eventId: number, expertId: number) {
  return tx.select({ id: desks.id }).from(desks).where(and(eq(desks.eventId, eventId), eq(desks.expertId, expertId)));
}

export async function slotsOfDesk(tx: Db, deskId: number) {
  return tx.select().from(slots).where(eq(slots.deskId, deskId));
}

export async function updateDesk(tx: Db, deskId: number, columns: DeskColumns, topicIds: number[]) {
  await tx.update(desks).set(columns).where(eq(desks.id, deskId));
  await tx.delete(deskTopics).where(eq(deskTopics.deskId, deskId));
  await tx.insert(deskTopics).values(topicIds.map((topicId) => ({ deskId, topicId })));
}

export async function setSlotWalkInOnly(tx: Db, slotId: number, walkInOnly: boolean) {
  await tx.update(slots).set({ walkInOnly }).where(eq(slots.id, slotId));
}

export async function insertSlots(tx: Db, eventId: number, deskId: number, times: Array<{ startsAt: Date; endsAt: Date; walkInOnly: boolean }>) {
  if (times.length) await tx.insert(slots).values(times.map((slot) => ({ ...slot, eventId, deskId })));
}

export async function deleteSlots(tx: Db, slotIds: number[]) {
  if (slotIds.length) await tx.delete(slots).where(inArray(slots.id, slotIds));
}

export async function deleteDeskOfEvent(tx: Db, eventId: number, deskId: number) {
  await tx.delete(desks).where(and(eq(desks.id, deskId), eq(desks.eventId, eventId)));
}
