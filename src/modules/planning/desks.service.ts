import type { Db } from '../../db/client.js';
import { activeBookingsAtSlots, forgetReleasedItemsAt } from '../booking/booking.repository.js';
import {
  deleteDeskOfEvent, deleteSlots, desksInOrderMade, desksOfExpertAt, findEventOfOrganisation, insertSlots, lockEventRow,
  setSlotWalkInOnly, slotsOfDesk, updateDesk,
} from '../events/desks.repository.js';
import { deskTopicLinks } from '../events/events.repository.js';
import { createDeskWithSlots } from '../events/events.service.js';
import { deskCounts } from '../events/events.staff.repository.js';
import { generateSlots } from '../events/slots.rules.js';
import { topicsByIds, topicsWithIds } from '../organisations/organisations.repository.js';
import { hasVisitsAtDesk } from '../queue/queue.repository.js';
import { findActiveExpert } from '../staff/staff.repository.js';
import type { DeskFormData } from './planning.forms.js';

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
  const source = await findEventOfOrganisation(tx, target.organisationId, fromEventId);
  const sourceDesks = source ? await desksInOrderMade(tx, source.id) : [];
  if (sourceDesks.length === 0) throw new DeskChangeRefused('copySource');
  const event = await lockEventRow(tx, target.eventId);
  // Desks keep their place in the day: a 14:00 desk of a 14:00 event opens at 10:00 on a 10:00 event.
  const shift = (time: string) => shiftLocalTime(time, minutesOf(event!.startsLocal) - minutesOf(source!.startsLocal));
  if (((await deskCounts(tx, [target.eventId])).get(target.eventId) ?? 0) > 0) throw new DeskChangeRefused('copyTarget');
  const links = await deskTopicLinks(tx, sourceDesks.map((d) => d.id));
  for (const desk of sourceDesks) {
    const expert = desk.expertId === null ? undefined : await findActiveExpert(tx, desk.expertId);
    await saveDeskIn(tx, target, undefined, {
      label: desk.label, startsLocal: shift(desk.startsLocal), endsLocal: shift(desk.endsLocal), slotMinutes: desk.slotMinutes,
      breaks: desk.breaks.map((b) => ({ start: shift(b.start), end: shift(b.end) })), walkInPercent: desk.walkInPercent,
      expertId: expert ? desk.expertId : null,
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
  await lockEventRow(tx, target.eventId);
  await assertTopicsAndExpert(tx, target, deskId, form);
  // A new desk has no slots to keep: it is made as every desk is made.
  if (!deskId) return createDeskWithSlots(tx, { eventId: target.eventId, localDate: target.localDate, ...form });
  const id = deskId;
  const generated = generateSlots({ localDate: target.localDate, ...form });
  const existing = await slotsOfDesk(tx, id);
  const wanted = new Map(generated.map((slot) => [slot.startsAt.getTime(), slot]));
  const dropped = existing.filter((slot) => {
    const next = wanted.get(slot.startsAt.getTime());
    return !next || next.endsAt.getTime() !== slot.endsAt.getTime();
  });
  const affected = [
    ...await bookedAt(tx, dropped),
    ...await bookedTopicsOutside(tx, existing, form.topicIds),
  ];
  if (affected.length) throw new DeskChangeRefused('bookedSlots', uniqueByCodeAndTime(affected));

  await updateDesk(tx, id, deskColumns(form), form.topicIds);
  await removeSlots(tx, dropped.map((s) => s.id));
  const kept = new Set(existing.filter((s) => !dropped.includes(s)).map((s) => s.startsAt.getTime()));
  for (const slot of existing.filter((s) => kept.has(s.startsAt.getTime()))) {
    const next = wanted.get(slot.startsAt.getTime())!;
    if (next.walkInOnly !== slot.walkInOnly) await setSlotWalkInOnly(tx, slot.id, next.walkInOnly);
  }
  await insertSlots(tx, target.eventId, id, generated.filter((slot) => !kept.has(slot.startsAt.getTime())));
  return id;
}

/** Removes a desk that has no bookings and no one in its queue. */
export async function deleteDesk(db: Db, eventId: number, deskId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockEventRow(tx, eventId);
    const deskSlots = await slotsOfDesk(tx, deskId);
    const affected = await bookedAt(tx, deskSlots);
    if (affected.length) throw new DeskChangeRefused('bookedSlots', affected);
    if (await hasVisitsAtDesk(tx, deskId)) throw new DeskChangeRefused('dayStarted');
    await removeSlots(tx, deskSlots.map((s) => s.id));
    await deleteDeskOfEvent(tx, eventId, deskId);
  });
}

const deskColumns = (form: DeskFormData) => ({
  label: form.label, expertId: form.expertId, startsLocal: form.startsLocal, endsLocal: form.endsLocal,
  slotMinutes: form.slotMinutes, breaks: form.breaks, walkInPercent: form.walkInPercent,
});


async function assertTopicsAndExpert(tx: Db, target: Target, deskId: number | undefined, form: DeskFormData) {
  const known = await topicsByIds(tx, target.organisationId, form.topicIds);
  if (known.size !== new Set(form.topicIds).size) throw new DeskChangeRefused('unknownTopic');
  if (form.expertId === null) return;
  const expert = await findActiveExpert(tx, form.expertId, target.organisationId);
  if (!expert) throw new DeskChangeRefused('notExpert');
  const otherDesks = await desksOfExpertAt(tx, target.eventId, form.expertId);
  if (otherDesks.some((desk) => desk.id !== deskId)) throw new DeskChangeRefused('expertBusy');
}

type DeskSlot = { id: number; startsAt: Date };

/** Active bookings at these slots (those of their topics that `held` keeps), as the coordinator is shown them: code, time, topic. */
async function bookingsAt(tx: Db, slots: DeskSlot[], held: (topicId: number) => boolean = () => true): Promise<AffectedBooking[]> {
  const items = (await activeBookingsAtSlots(tx, slots.map((s) => s.id))).filter((item) => held(item.topicId));
  const startsAt = new Map(slots.map((slot) => [slot.id, slot.startsAt]));
  const topics = await topicsWithIds(tx, items.map((item) => item.topicId));
  return items
    .map((item) => ({ code: item.code, startsAt: startsAt.get(item.slotId)!, topicName: topics.get(item.topicId)!.name }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Bookings holding any of these slots. */
function bookedAt(tx: Db, slots: DeskSlot[]): Promise<AffectedBooking[]> {
  return bookingsAt(tx, slots);
}

/** Bookings at this desk (these are its slots) for a topic the desk would no longer serve. */
function bookedTopicsOutside(tx: Db, deskSlots: DeskSlot[], topicIds: number[]): Promise<AffectedBooking[]> {
  return bookingsAt(tx, deskSlots, (topicId) => !topicIds.includes(topicId));
}

/** Released booking items keep pointing at their old slot for the record; they go with the slot. */
async function removeSlots(tx: Db, slotIds: number[]) {
  if (slotIds.length === 0) return;
  await forgetReleasedItemsAt(tx, slotIds);
  await deleteSlots(tx, slotIds);
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
