import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { berlinDate, berlinInstant, inBerlin } from '../../lib/dates.js';
import { recordAudit } from '../audit/audit.js';
import { bookingItems, bookings } from '../booking/booking.table.js';
import { queueEventNotices } from '../booking/event-notices.js';
import type { Organisation } from '../organisations/organisations.repository.js';
import { tickets } from '../queue/queue.table.js';
import { events, slots } from '../events/events.table.js';
import { copyDesksIn } from './desks.service.js';
import { upcomingDates } from '../events/rotation.rules.js';

export class PlanningError extends Error {
  constructor(readonly reason: 'past' | 'started' | 'cancelled' | 'noSlots' | 'unchanged' | 'taken') {
    super(reason);
  }
}

type Place = { localDate: string; venueId: number; startsLocal: string; endsLocal: string };

/** When booking opens and closes for an event, from the organisation's settings. */
export function bookingWindow(
  organisation: Pick<Organisation, 'bookingOpensDaysBefore' | 'bookingClosesHoursBefore'>,
  place: Pick<Place, 'localDate' | 'startsLocal'>,
) {
  const start = berlinInstant(place.localDate, place.startsLocal);
  return {
    bookingOpensAt: start.minus({ days: organisation.bookingOpensDaysBefore }).toJSDate(),
    bookingClosesAt: start.minus({ hours: organisation.bookingClosesHoursBefore }).toJSDate(),
  };
}

export async function createDraftEvent(db: Db, organisation: Organisation, place: Place, now: Date): Promise<number> {
  if (place.localDate < berlinDate(now)) throw new PlanningError('past');
  const [created] = await db
    .insert(events)
    .values({ organisationId: organisation.id, ...place, ...bookingWindow(organisation, place), status: 'draft' })
    .returning({ id: events.id });
  return created!.id;
}

export type RotationPlan = {
  week: number; weekday: number; startsLocal: string; endsLocal: string; firstMonth: string; months: number; venueIds: number[];
  /** An event whose desks every new draft gets. */
  copyDesksFrom?: number;
};

/**
 * Draft events for every month of the plan, the venues taking turns in the given order. A month that has
 * no such day (a 5th Monday) is left out, and so is a date that already has an event, so that sending
 * the same plan twice creates nothing new.
 */
export async function planRotation(db: Db, organisation: Organisation, plan: RotationPlan, now: Date) {
  const from = DateTime.fromISO(`${plan.firstMonth}-01`, { zone: 'Europe/Berlin' });
  const firstAllowed = DateTime.max(from, inBerlin(now).startOf('day'));
  const candidates = upcomingDates(plan, firstAllowed, plan.months * 2)
    .filter((date) => date < from.plus({ months: plan.months }).toISODate()!);
  return db.transaction(async (tx) => {
    const existing = candidates.length
      ? await tx.select({ localDate: events.localDate }).from(events)
        .where(and(eq(events.organisationId, organisation.id), inArray(events.localDate, candidates)))
      : [];
    const taken = new Set(existing.map((e) => e.localDate));
    const created: string[] = [];
    for (const [index, localDate] of candidates.entries()) {
      if (taken.has(localDate)) continue;
      const place = { localDate, venueId: plan.venueIds[index % plan.venueIds.length]!, startsLocal: plan.startsLocal, endsLocal: plan.endsLocal };
      const [draft] = await tx.insert(events)
        .values({ organisationId: organisation.id, ...place, ...bookingWindow(organisation, place), status: 'draft' })
        .returning({ id: events.id });
      if (plan.copyDesksFrom) await copyDesksIn(tx, { organisationId: organisation.id, eventId: draft!.id, localDate }, plan.copyDesksFrom);
      created.push(localDate);
    }
    return { created, skipped: [...taken].sort() };
  });
}

async function slotCount(tx: Db, eventId: number) {
  const [row] = await tx.select({ n: count() }).from(slots).where(and(eq(slots.eventId, eventId), eq(slots.walkInOnly, false)));
  return row?.n ?? 0;
}

async function hasStarted(tx: Db, eventId: number) {
  const [row] = await tx.select({ n: count() }).from(tickets).where(eq(tickets.eventId, eventId));
  return (row?.n ?? 0) > 0;
}

async function lockedEvent(tx: Db, organisationId: number, eventId: number) {
  const [event] = await tx.select().from(events)
    .where(and(eq(events.id, eventId), eq(events.organisationId, organisationId))).for('update');
  if (!event) throw new PlanningError('unchanged');
  if (event.status === 'cancelled') throw new PlanningError('cancelled');
  return event;
}

/** Makes a draft visible and bookable. An event without bookable slots cannot be published. */
export async function publishEvent(db: Db, organisationId: number, eventId: number) {
  await db.transaction(async (tx) => {
    const event = await lockedEvent(tx, organisationId, eventId);
    if (event.status !== 'draft') throw new PlanningError('unchanged');
    if ((await slotCount(tx, eventId)) === 0) throw new PlanningError('noSlots');
    await tx.update(events).set({ status: 'published' }).where(eq(events.id, eventId));
  });
}

export async function changeEventHours(db: Db, organisation: Organisation, eventId: number, hours: { startsLocal: string; endsLocal: string }) {
  await db.transaction(async (tx) => {
    const event = await lockedEvent(tx, organisation.id, eventId);
    await tx.update(events).set({ ...hours, ...bookingWindow(organisation, { ...event, ...hours }) }).where(eq(events.id, eventId));
  });
}

/**
 * Moves an event to another date and/or venue. Every slot keeps its wall-clock time (14:30 stays 14:30,
 * also across a change to or from summer time), bookings stay with their slots, and every family with an
 * e-mail address gets a notice written in the same transaction.
 */
export async function moveEvent(
  db: Db,
  input: { organisation: Organisation; eventId: number; localDate: string; venueId: number; staffId: number; now: Date },
) {
  if (input.localDate < berlinDate(input.now)) throw new PlanningError('past');
  return db.transaction(async (tx) => {
    const event = await lockedEvent(tx, input.organisation.id, input.eventId);
    if (event.localDate === input.localDate && event.venueId === input.venueId) throw new PlanningError('unchanged');
    if (await hasStarted(tx, event.id)) throw new PlanningError('started');
    const [clash] = await tx.select({ id: events.id }).from(events).where(and(
      eq(events.organisationId, input.organisation.id), eq(events.localDate, input.localDate),
      eq(events.venueId, input.venueId), sql`${events.id} <> ${event.id}`, sql`${events.status} <> 'cancelled'`,
    ));
    if (clash) throw new PlanningError('taken');
    const eventSlots = await tx.select().from(slots).where(eq(slots.eventId, event.id));
    const shift = (instant: Date) => {
      const local = inBerlin(instant).toFormat('HH:mm');
      return berlinInstant(input.localDate, local).toJSDate();
    };
    // Two passes, so that moving by whole days never collides with the unique (desk, start) index midway.
    if (eventSlots.length) {
      await tx.update(slots).set({ startsAt: sql`${slots.startsAt} + interval '100 years'` }).where(eq(slots.eventId, event.id));
      for (const slot of eventSlots) {
        await tx.update(slots).set({ startsAt: shift(slot.startsAt), endsAt: shift(slot.endsAt) }).where(eq(slots.id, slot.id));
      }
    }
    const revision = event.revision + 1;
    const place = { localDate: input.localDate, venueId: input.venueId, startsLocal: event.startsLocal, endsLocal: event.endsLocal };
    await tx.update(events).set({ ...place, ...bookingWindow(input.organisation, place), revision }).where(eq(events.id, event.id));
    const families = await tx.select({ id: bookings.id }).from(bookings)
      .where(and(eq(bookings.eventId, event.id), eq(bookings.status, 'confirmed')));
    const notices = await queueEventNotices(tx, {
      organisationId: input.organisation.id, eventId: event.id, revision, kind: 'event_moved', now: input.now,
      bookingIds: families.map((family) => family.id),
    });
    await recordAudit(tx, { organisationId: input.organisation.id, staffId: input.staffId, action: 'event_moved', subjectType: 'event', subjectId: event.id, at: input.now });
    return notices;
  });
}

/** Cancels an event: its bookings are cancelled and their slots freed, and the families are told. */
export async function cancelEvent(db: Db, input: { organisationId: number; eventId: number; staffId: number; now: Date }) {
  return db.transaction(async (tx) => {
    const event = await lockedEvent(tx, input.organisationId, input.eventId);
    if (await hasStarted(tx, event.id)) throw new PlanningError('started');
    const revision = event.revision + 1;
    await tx.update(events).set({ status: 'cancelled', revision }).where(eq(events.id, event.id));
    const affected = await tx.update(bookings).set({ status: 'cancelled', cancelledAt: input.now })
      .where(and(eq(bookings.eventId, event.id), eq(bookings.status, 'confirmed')))
      .returning({ id: bookings.id });
    if (affected.length) {
      await tx.update(bookingItems).set({ active: false }).where(inArray(bookingItems.bookingId, affected.map((b) => b.id)));
    }
    // Only the bookings cancelled by this change are told; someone who had cancelled earlier already knows.
    const notices = await queueEventNotices(tx, {
      organisationId: input.organisationId, eventId: event.id, revision, kind: 'event_cancelled', now: input.now,
      bookingIds: affected.map((b) => b.id),
    });
    await recordAudit(tx, { organisationId: input.organisationId, staffId: input.staffId, action: 'event_cancelled', subjectType: 'event', subjectId: event.id, at: input.now });
    return notices;
  });
}
