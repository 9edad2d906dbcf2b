import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hashToken, newManageToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.js';
import { bookingItems, bookings } from '../booking/booking.table.js';
import { deskTopics, events, slots } from '../events/events.table.js';
import { desksOfEvent, lockEvent, walkInStart } from './queue.repository.js';
import { tickets, visits } from './queue.table.js';

export class QueueError extends Error {
  constructor(readonly reason: 'notToday' | 'bookingNotFound' | 'noDeskForTopic' | 'wrongState' | 'tooFewCalls' | 'nobodyWaiting' | 'cannotUndo') {
    super(reason);
  }
}

export type IssuedTicket = { ticketId: number; number: number; token: string; alreadyCheckedIn: false } | {
  ticketId: number; number: number; alreadyCheckedIn: true;
};

type Actor = { organisationId: number; staffId: number; now: Date };

/** The next ticket number of the day. The caller holds the event row's lock, so no number is given twice. */
async function drawNumber(tx: Db, eventId: number, last: number): Promise<number> {
  await tx.update(events).set({ lastTicketNumber: last + 1 }).where(eq(events.id, eventId));
  return last + 1;
}

/**
 * Checks a booked family in: a ticket number for the day, and a place in the queue of every desk
 * they booked, due at their booked time. Checking in twice gives back the first ticket.
 */
export async function checkIn(db: Db, input: Actor & { eventId: number; bookingId: number }): Promise<IssuedTicket> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    if (!event || event.status !== 'published') throw new QueueError('notToday');
    const [booking] = await tx
      .select({ id: bookings.id, language: bookings.language })
      .from(bookings)
      .where(and(eq(bookings.id, input.bookingId), eq(bookings.eventId, event.id), eq(bookings.status, 'confirmed')));
    if (!booking) throw new QueueError('bookingNotFound');
    const [existing] = await tx.select().from(tickets).where(eq(tickets.bookingId, booking.id));
    if (existing) return { ticketId: existing.id, number: existing.number, alreadyCheckedIn: true as const };

    const number = await drawNumber(tx, event.id, event.lastTicketNumber);
    const token = newManageToken();
    const [ticket] = await tx.insert(tickets).values({
      organisationId: event.organisationId, eventId: event.id, number, kind: 'booked', bookingId: booking.id,
      tokenHash: hashToken(token), language: booking.language, arrivedAt: input.now,
    }).returning({ id: tickets.id });
    const items = await tx
      .select({ topicId: bookingItems.topicId, slotId: slots.id, deskId: slots.deskId, startsAt: slots.startsAt })
      .from(bookingItems)
      .innerJoin(slots, eq(slots.id, bookingItems.slotId))
      .where(and(eq(bookingItems.bookingId, booking.id), eq(bookingItems.active, true)));
    if (items.length) {
      await tx.insert(visits).values(items.map((item) => ({
        eventId: event.id, ticketId: ticket!.id, deskId: item.deskId, topicId: item.topicId, kind: 'booked' as const,
        slotId: item.slotId, dueAt: item.startsAt, queuedAt: input.now,
      })));
    }
    await recordAudit(tx, { ...input, action: 'check_in', subjectType: 'booking', subjectId: booking.id, at: input.now });
    return { ticketId: ticket!.id, number, token, alreadyCheckedIn: false as const };
  });
}

/**
 * Registers a family without a booking. For each topic they join the desk where their turn comes
 * soonest, planned into walk-in slots and gaps so that no booked family waits for them.
 */
export async function registerWalkIn(
  db: Db,
  input: Actor & { eventId: number; topicIds: number[]; language: string },
): Promise<IssuedTicket & { alreadyCheckedIn: false }> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    if (!event || event.status !== 'published') throw new QueueError('notToday');
    const desks = await desksOfEvent(tx, event.id);
    const offered = await tx.select().from(deskTopics).where(inArray(deskTopics.deskId, desks.map((d) => d.id).concat(-1)));
    const placements: Array<{ deskId: number; topicId: number }> = [];
    for (const topicId of input.topicIds) {
      const candidates = desks.filter((desk) => offered.some((o) => o.deskId === desk.id && o.topicId === topicId));
      if (candidates.length === 0) throw new QueueError('noDeskForTopic');
      let best: { deskId: number; startsAt: number } | undefined;
      for (const desk of candidates) {
        const startsAt = (await walkInStart(tx, desk, input.now))?.getTime() ?? Number.MAX_SAFE_INTEGER;
        if (!best || startsAt < best.startsAt) best = { deskId: desk.id, startsAt };
      }
      placements.push({ deskId: best!.deskId, topicId });
    }
    const number = await drawNumber(tx, event.id, event.lastTicketNumber);
    const token = newManageToken();
    const [ticket] = await tx.insert(tickets).values({
      organisationId: event.organisationId, eventId: event.id, number, kind: 'walk_in', tokenHash: hashToken(token),
      language: input.language, arrivedAt: input.now,
    }).returning({ id: tickets.id });
    await tx.insert(visits).values(placements.map((placement, index) => ({
      eventId: event.id, ticketId: ticket!.id, deskId: placement.deskId, topicId: placement.topicId, kind: 'walk_in' as const,
      // Several topics: the second desk sees them a moment later, so their first desk comes first.
      queuedAt: new Date(input.now.getTime() + index),
    })));
    await recordAudit(tx, { ...input, action: 'walk_in', subjectType: 'ticket', subjectId: ticket!.id, at: input.now });
    return { ticketId: ticket!.id, number, token, alreadyCheckedIn: false as const };
  });
}
