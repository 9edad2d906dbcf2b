import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hashToken, newManageToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.js';
import { activeItemsWithSlots, findConfirmedBooking } from '../booking/booking.repository.js';
import { deskTopicLinks, desksOfEvent, drawTicketNumber, lockEvent } from '../events/events.repository.js';
import { walkInStart } from './queue.repository.js';
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

/**
 * Checks a booked family in: a ticket number for the day, and a place in the queue of every desk
 * they booked, due at their booked time. Checking in twice gives back the first ticket.
 */
export async function checkIn(db: Db, input: Actor & { eventId: number; bookingId: number }): Promise<IssuedTicket> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    if (!event || event.status !== 'published') throw new QueueError('notToday');
    const booking = await findConfirmedBooking(tx, event.id, input.bookingId);
    if (!booking) throw new QueueError('bookingNotFound');
    const [existing] = await tx.select().from(tickets).where(eq(tickets.bookingId, booking.id));
    if (existing) return { ticketId: existing.id, number: existing.number, alreadyCheckedIn: true as const };

    const number = await drawTicketNumber(tx, event.id, event.lastTicketNumber);
    const token = newManageToken();
    const [ticket] = await tx.insert(tickets).values({
      organisationId: event.organisationId, eventId: event.id, number, kind: 'booked', bookingId: booking.id,
      tokenHash: hashToken(token), language: booking.language, arrivedAt: input.now,
    }).returning({ id: tickets.id });
    const items = await activeItemsWithSlots(tx, [booking.id]);
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
    const offered = await deskTopicLinks(tx, desks.map((d) => d.id));
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
    const number = await drawTicketNumber(tx, event.id, event.lastTicketNumber);
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
