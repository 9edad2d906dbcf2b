import { type SQL, and, asc, count, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingItems, bookings } from '../booking/booking.table.js';
import { topics } from '../organisations/organisations.table.js';
import { staff } from '../staff/staff.table.js';
import { visits } from '../queue/queue.table.js';
import { deskTopics, desks, events, slots } from '../events/events.table.js';
import type { DeskFormData } from './planning.forms.js';
import { createDeskWithSlots } from '../events/events.service.js';
import { generateSlots } from '../events/slots.rules.js';

/** A booking that a desk change would leave without its slot or its topic. */
export type AffectedBooking = { code: string; startsAt: Date; topicName: { de: string } & Partial<Record<string, string>> };

export class DeskChangeRefused extends Error {
  constructor(
    readonly reason: 'bookedSlots' | 'dayStarted' | 'expertBusy' | 'unknownTopic' | 'notExpert' | 'copySource' | 'copyTarget',
    readonly bookings: AffectedBooking[] = [],
  ) {
    super(reason);
  }
}

type Target = { organisationId: number; eventId: number; localDate: string };

/**
 * Creates a desk or changes one, and brings its slots in line: slots at times that still exist are kept
 * (with their bookings), new times are added, vanished times are removed. If that would remove a booked
 * slot, or a topic that a family booked at this desk, nothing changes and the bookings are named.
 */
export function saveDesk(db: Db, target: Target, deskId: number | undefined, form: DeskFormData): Promise<number> {
  return db.transaction((tx) => saveDeskIn(tx, target, deskId, form));
}

/**
 * Gives an event without desks the desks of another event of the organisation: names, topics, experts,
 * hours, breaks and walk-in share, with fresh slots on its own date. Pass the transaction it belongs to.
 */
export async function copyDesksIn(tx: Db, target: Target, fromEventId: number): Promise<number> {
  const [source] = await tx.select({ id: events.id, startsLocal: events.startsLocal }).from(events)
    .where(and(eq(events.id, fromEventId), eq(events.organisationId, target.organisationId)));
  const sourceDesks = source ? await tx.select().from(desks).where(eq(desks.eventId, source.id)).orderBy(asc(desks.id)) : [];
  if (sourceDesks.length === 0) throw new DeskChangeRefused('copySource');
  const [event] = await tx.select({ startsLocal: events.startsLocal }).from(events).where(eq(events.id, target.eventId)).for('update');
  // Desks keep their place in the day: a 14:00 desk of a 14:00 event opens at 10:00 on a 10:00 event.
  const shift = (time: string) => shiftLocalTime(time, minutesOf(event!.startsLocal) - minutesOf(source!.startsLocal));
  const [existing] = await tx.select({ n: count() }).from(desks).where(eq(desks.eventId, target.eventId));
  if ((existing?.n ?? 0) > 0) throw new DeskChangeRefused('copyTarget');
  const links = await tx.select().from(deskTopics).where(inArray(deskTopics.deskId, sourceDesks.map((d) => d.id)));
  for (const desk of sourceDesks) {
    const expert = desk.expertId === null ? [] : await tx.select({ id: staff.id }).from(staff)
      .where(and(eq(staff.id, desk.expertId), eq(staff.active, true), eq(staff.role, 'expert')));
    await saveDeskIn(tx, target, undefined, {
      label: desk.label, startsLocal: shift(desk.startsLocal), endsLocal: shift(desk.endsLocal), slotMinutes: desk.slotMinutes,
      breaks: desk.breaks.map((b) => ({ start: shift(b.start), end: shift(b.end) })), walkInPercent: desk.walkInPercent,
      expertId: expert.length ? desk.expertId : null,
      topicIds: links.filter((link) => link.deskId === desk.id).map((link) => link.topicId),
    });
  }
  return sourceDesks.length;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** "14:30" moved by -240 minutes is "10:30"; kept within the day. */
function shiftLocalTime(time: string, minutes: number): string {
  const total = Math.min(Math.max(minutesOf(time) + minutes, 0), 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

async function saveDeskIn(tx: Db, target: Target, deskId: number | undefined, form: DeskFormData): Promise<number> {
  // The event row's lock serialises desk changes against bookings being made for this event.
  await tx.select({ id: events.id }).from(events).where(eq(events.id, target.eventId)).for('update');
  await assertTopicsAndExpert(tx, target, deskId, form);
  // A new desk has no slots to keep: it is made as every desk is made.
  if (!deskId) return createDeskWithSlots(tx, { eventId: target.eventId, localDate: target.localDate, ...form });
  const id = deskId;
  const generated = generateSlots({ localDate: target.localDate, ...form });
  const existing = await tx.select().from(slots).where(eq(slots.deskId, id));
  const wanted = new Map(generated.map((slot) => [slot.startsAt.getTime(), slot]));
  const dropped = existing.filter((slot) => {
    const next = wanted.get(slot.startsAt.getTime());
    return !next || next.endsAt.getTime() !== slot.endsAt.getTime();
  });
  const affected = [
    ...await bookedAt(tx, dropped.map((s) => s.id)),
    ...await bookedTopicsOutside(tx, id, form.topicIds),
  ];
  if (affected.length) throw new DeskChangeRefused('bookedSlots', uniqueByCodeAndTime(affected));

  await tx.update(desks).set(deskColumns(form)).where(eq(desks.id, id));
  await tx.delete(deskTopics).where(eq(deskTopics.deskId, id));
  await tx.insert(deskTopics).values(form.topicIds.map((topicId) => ({ deskId: id, topicId })));
  await removeSlots(tx, dropped.map((s) => s.id));
  const kept = new Set(existing.filter((s) => !dropped.includes(s)).map((s) => s.startsAt.getTime()));
  for (const slot of existing.filter((s) => kept.has(s.startsAt.getTime()))) {
    const next = wanted.get(slot.startsAt.getTime())!;
    if (next.walkInOnly !== slot.walkInOnly) await tx.update(slots).set({ walkInOnly: next.walkInOnly }).where(eq(slots.id, slot.id));
  }
  const added = generated.filter((slot) => !kept.has(slot.startsAt.getTime()));
  if (added.length) await tx.insert(slots).values(added.map((slot) => ({ ...slot, eventId: target.eventId, deskId: id })));
  return id;
}

/** Removes a desk that has no bookings and no one in its queue. */
export async function deleteDesk(db: Db, eventId: number, deskId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).for('update');
    const deskSlots = await tx.select({ id: slots.id }).from(slots).where(eq(slots.deskId, deskId));
    const affected = await bookedAt(tx, deskSlots.map((s) => s.id));
    if (affected.length) throw new DeskChangeRefused('bookedSlots', affected);
    const [queued] = await tx.select({ n: count() }).from(visits).where(eq(visits.deskId, deskId));
    if ((queued?.n ?? 0) > 0) throw new DeskChangeRefused('dayStarted');
    await removeSlots(tx, deskSlots.map((s) => s.id));
    await tx.delete(desks).where(and(eq(desks.id, deskId), eq(desks.eventId, eventId)));
  });
}

const deskColumns = (form: DeskFormData) => ({
  label: form.label, expertId: form.expertId, startsLocal: form.startsLocal, endsLocal: form.endsLocal,
  slotMinutes: form.slotMinutes, breaks: form.breaks, walkInPercent: form.walkInPercent,
});


async function assertTopicsAndExpert(tx: Db, target: Target, deskId: number | undefined, form: DeskFormData) {
  const known = await tx.select({ id: topics.id }).from(topics)
    .where(and(eq(topics.organisationId, target.organisationId), inArray(topics.id, form.topicIds)));
  if (known.length !== new Set(form.topicIds).size) throw new DeskChangeRefused('unknownTopic');
  if (form.expertId === null) return;
  const [expert] = await tx.select({ id: staff.id }).from(staff).where(and(
    eq(staff.id, form.expertId), eq(staff.organisationId, target.organisationId), eq(staff.role, 'expert'), eq(staff.active, true),
  ));
  if (!expert) throw new DeskChangeRefused('notExpert');
  const otherDesks = await tx.select({ id: desks.id }).from(desks)
    .where(and(eq(desks.eventId, target.eventId), eq(desks.expertId, form.expertId)));
  if (otherDesks.some((desk) => desk.id !== deskId)) throw new DeskChangeRefused('expertBusy');
}

/** Active bookings matching the condition, as the coordinator is shown them: code, time, topic. */
function activeBookingsWhere(tx: Db, condition: SQL | undefined): Promise<AffectedBooking[]> {
  return tx
    .select({ code: bookings.code, startsAt: slots.startsAt, topicName: topics.name })
    .from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .innerJoin(slots, eq(slots.id, bookingItems.slotId))
    .innerJoin(topics, eq(topics.id, bookingItems.topicId))
    .where(and(eq(bookingItems.active, true), condition))
    .orderBy(asc(slots.startsAt));
}

/** Bookings holding any of these slots. */
async function bookedAt(tx: Db, slotIds: number[]): Promise<AffectedBooking[]> {
  return slotIds.length ? activeBookingsWhere(tx, inArray(bookingItems.slotId, slotIds)) : [];
}

/** Bookings at this desk for a topic the desk would no longer serve. */
function bookedTopicsOutside(tx: Db, deskId: number, topicIds: number[]): Promise<AffectedBooking[]> {
  return activeBookingsWhere(tx, and(eq(slots.deskId, deskId), notInArray(bookingItems.topicId, topicIds)));
}

/** Released booking items keep pointing at their old slot for the record; they go with the slot. */
async function removeSlots(tx: Db, slotIds: number[]) {
  if (slotIds.length === 0) return;
  await tx.delete(bookingItems).where(and(inArray(bookingItems.slotId, slotIds), eq(bookingItems.active, false)));
  await tx.delete(slots).where(inArray(slots.id, slotIds));
}

function uniqueByCodeAndTime(list: AffectedBooking[]) {
  const seen = new Set<string>();
  return list.filter((b) => {
    const key = `${b.code}@${b.startsAt.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
