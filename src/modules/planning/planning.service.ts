import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { berlinDate, inBerlin } from '../../lib/dates.js';
import { recordAudit } from '../audit/audit.js';
import { cancelBookingsOfEvent, confirmedBookingIds } from '../booking/booking.repository.js';
import { queueEventNotices } from '../booking/event-notices.js';
import {
  PlanningError, datesWithEvents, insertDraftEvent, lockPlannedEvent, markEventCancelled, moveEventTo,
} from '../events/event-plans.js';
import { upcomingDates } from '../events/rotation.rules.js';
import type { Organisation } from '../organisations/organisations.repository.js';
import { hasTickets } from '../queue/queue.repository.js';
import { copyDesksIn } from './desks.service.js';

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
    const taken = await datesWithEvents(tx, organisation.id, candidates);
    const created: string[] = [];
    for (const [index, localDate] of candidates.entries()) {
      if (taken.has(localDate)) continue;
      const place = { localDate, venueId: plan.venueIds[index % plan.venueIds.length]!, startsLocal: plan.startsLocal, endsLocal: plan.endsLocal };
      const draft = await insertDraftEvent(tx, organisation, place);
      if (plan.copyDesksFrom) await copyDesksIn(tx, { organisationId: organisation.id, eventId: draft, localDate }, plan.copyDesksFrom);
      created.push(localDate);
    }
    return { created, skipped: [...taken].sort() };
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
    const event = await lockPlannedEvent(tx, input.organisation.id, input.eventId);
    if (event.localDate === input.localDate && event.venueId === input.venueId) throw new PlanningError('unchanged');
    if (await hasTickets(tx, event.id)) throw new PlanningError('started');
    const revision = await moveEventTo(tx, input.organisation, event, { localDate: input.localDate, venueId: input.venueId });
    const families = await confirmedBookingIds(tx, event.id);
    const notices = await queueEventNotices(tx, {
      organisationId: input.organisation.id, eventId: event.id, revision, kind: 'event_moved', now: input.now,
      bookingIds: families,
    });
    await recordAudit(tx, { organisationId: input.organisation.id, staffId: input.staffId, action: 'event_moved', subjectType: 'event', subjectId: event.id, at: input.now });
    return notices;
  });
}

/** Cancels an event: its bookings are cancelled and their slots freed, and the families are told. */
export async function cancelEvent(db: Db, input: { organisationId: number; eventId: number; staffId: number; now: Date }) {
  return db.transaction(async (tx) => {
    const event = await lockPlannedEvent(tx, input.organisationId, input.eventId);
    if (await hasTickets(tx, event.id)) throw new PlanningError('started');
    const revision = await markEventCancelled(tx, event);
    const affected = await cancelBookingsOfEvent(tx, event.id, input.now);
    // Only the bookings cancelled by this change are told; someone who had cancelled earlier already knows.
    const notices = await queueEventNotices(tx, {
      organisationId: input.organisationId, eventId: event.id, revision, kind: 'event_cancelled', now: input.now,
      bookingIds: affected,
    });
    await recordAudit(tx, { organisationId: input.organisationId, staffId: input.staffId, action: 'event_cancelled', subjectType: 'event', subjectId: event.id, at: input.now });
    return notices;
  });
}
