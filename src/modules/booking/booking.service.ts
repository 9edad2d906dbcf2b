import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { hashToken, newBookingCode, newManageToken } from '../../lib/tokens.js';
import { listFreeSlots } from './availability.js';
import { bookingAvailability, type EventWindow } from '../events/events.rules.js';
import { shareLockEvent } from '../events/events.repository.js';
import { enqueueMail } from '../mail/outbox.js';
import * as repository from './booking.repository.js';
import type { MailKind } from './family-mail.js';
import { bookings } from './booking.table.js';
import type { ChosenStops, ContactAnswers, NeedsAnswers } from './booking.forms.js';
import { buildItineraries, explainNoFit, type FreeSlot, type Itinerary, type NoFit } from './itinerary.rules.js';

/**
 * Waits between two appointments: up to 15 minutes counts as back to back; a start time without such a plan
 * is offered with waits of up to an hour (shown on the page), e.g. across the slots every desk keeps for walk-ins.
 */
const ITINERARY_OPTIONS = { shortGapMinutes: 15, longestGapMinutes: 60, maxProposals: 12 } as const;

export class SlotTakenError extends Error {
  constructor() {
    super('A chosen slot is no longer free');
  }
}

export class EmailLimitError extends Error {
  constructor() {
    super('This e-mail address already holds the allowed number of bookings for the event');
  }
}

export class BookingClosedError extends Error {
  constructor(readonly reason: ReturnType<typeof bookingAvailability>) {
    super(`Booking is not possible: ${reason}`);
  }
}

type BookableEvent = EventWindow & { id: number; organisationId: number };

export async function itinerariesFor(db: Db, eventId: number, topicIds: number[], now: Date): Promise<Itinerary[]> {
  const free = await listFreeSlots(db, [eventId], now);
  return buildItineraries(topicIds, free, ITINERARY_OPTIONS);
}

/** The proposals for the time page and, when none covers every topic, what does fit instead. */
export async function planVisit(db: Db, eventId: number, topicIds: number[], now: Date): Promise<{ itineraries: Itinerary[]; noFit?: NoFit }> {
  const free = await listFreeSlots(db, [eventId], now);
  const itineraries = buildItineraries(topicIds, free, ITINERARY_OPTIONS);
  return itineraries.length ? { itineraries } : { itineraries, noFit: explainNoFit(topicIds, free, ITINERARY_OPTIONS) };
}

/**
 * Checks the family's choice against what is free now: every topic exactly once, each at a free slot of
 * a desk that serves it, one after another. A slot taken meanwhile is the expected race, not an error.
 */
function assertBookable(current: EventWindow, topicIds: number[], stops: ChosenStops, freeChosen: FreeSlot[], now: Date) {
  const availability = bookingAvailability(current, now);
  if (availability !== 'open') throw new BookingClosedError(availability);
  const wanted = [...new Set(topicIds)].sort();
  const chosen = stops.map((s) => s.topicId).sort();
  if (wanted.join() !== chosen.join()) throw new SlotTakenError();
  const free = new Map(freeChosen.map((s) => [s.slotId, s]));
  let previousEnd = 0;
  for (const stop of stops) {
    const slot = free.get(stop.slotId);
    if (!slot || !slot.topicIds.includes(stop.topicId) || slot.startsAt.getTime() < previousEnd) {
      throw new SlotTakenError();
    }
    previousEnd = slot.endsAt.getTime();
  }
}

/**
 * The event under a shared lock, then the chosen slots that are free: read after the lock is held, so a
 * coordinator's desk change, move or cancellation (which lock the event exclusively) is either seen whole
 * or waits for this booking. Bookings hold the lock side by side.
 */
async function lockAndReadChoice(tx: Db, event: BookableEvent, stops: ChosenStops, now: Date) {
  const current = await shareLockEvent(tx, event.id);
  const freeChosen = await listFreeSlots(tx, [event.id], now, stops.map((s) => s.slotId));
  return { current: current ?? event, freeChosen };
}

/** `existing`: this draft had already been booked (a double tap, or the form sent again); nothing new was made. */
export type ConfirmedBooking = { bookingId: number; code: string; manageToken: string; existing: boolean };

/**
 * Books a family's draft. Idempotent per draft: the draft carries the private link's token from its start,
 * and the token's hash is unique, so the same draft confirmed twice (at once or one after the other) makes
 * one booking, and the second confirmation is led to it.
 */
export async function confirmBooking(
  db: Db,
  input: {
    event: BookableEvent; topicIds: number[]; stops: ChosenStops; contact: ContactAnswers; needs: NeedsAnswers; now: Date;
    bookingsPerEmail: number;
    /** The draft's token; a new one when the caller has no draft (fixtures, demo). */
    manageToken?: string;
  },
): Promise<ConfirmedBooking> {
  const manageToken = input.manageToken ?? newManageToken();
  const manageTokenHash = hashToken(manageToken);
  const alreadyBooked = async (): Promise<ConfirmedBooking | undefined> => {
    const found = await repository.findBookingIdentityByTokenHash(db, manageTokenHash);
    return found && { bookingId: found.id, code: found.code, manageToken, existing: true };
  };
  // A new code is drawn if it happens to exist already; three collisions in a row do not happen.
  for (let attempt = 1; ; attempt++) {
    const code = newBookingCode();
    try {
      const bookingId = await db.transaction(async (tx) => {
        // Sent together (Promise.all), these share round trips: the lock, the address's bookings and the new
        // id in the first, the chosen slots in the second (lockAndReadChoice reads them once the lock is held).
        const [{ current, freeChosen }, bookingsOfEmail, id] = await Promise.all([
          lockAndReadChoice(tx, input.event, input.stops, input.now),
          input.contact.email ? repository.countActiveBookingsByEmail(tx, input.event.id, input.contact.email) : 0,
          repository.newBookingId(tx),
        ]);
        assertBookable(current, input.topicIds, input.stops, freeChosen, input.now);
        if (bookingsOfEmail >= input.bookingsPerEmail) throw new EmailLimitError();
        // The unique indexes (one active holder per slot, one booking per draft) refuse what a concurrent
        // booking took in the meantime.
        await Promise.all([
          repository.insertBookingWithItems(tx, {
            id,
            organisationId: input.event.organisationId,
            eventId: input.event.id,
            code,
            manageTokenHash,
            name: input.contact.name,
            email: input.contact.email || null,
            phone: input.contact.phone || null,
            language: input.needs.language,
            interpreterLanguage: input.needs.interpreter === 'none' ? null : input.needs.interpreter,
            childcare: input.needs.childcare,
            stepFree: input.needs.stepFree,
            consentedAt: input.now,
            // The check page asks explicit consent for a health-related need before it confirms.
            healthConsentAt: input.needs.stepFree ? input.now : null,
          }, input.stops),
          input.contact.email && enqueueMail(tx, {
            organisationId: input.event.organisationId, bookingId: id, kind: 'booking_confirmed', idempotencyKey: `booking_confirmed:${id}`,
            recipient: input.contact.email, language: input.needs.language, manageToken, now: input.now,
          }),
        ]);
        return id;
      });
      return { bookingId, code, manageToken, existing: false };
    } catch (error) {
      // This draft was booked already (a double tap, at once or one after the other): its own booking now
      // holds the slots or the address's allowance, or its link's hash is taken. Lead to that booking.
      const taken = error instanceof SlotTakenError || isUniqueViolation(error, 'booking_items_active_slot_uq');
      const refused = taken || error instanceof EmailLimitError || error instanceof BookingClosedError;
      if (refused || isUniqueViolation(error, 'bookings_manage_token_hash_uq')) {
        const existing = await alreadyBooked();
        if (existing) return existing;
      }
      if (taken) throw new SlotTakenError();
      if (isUniqueViolation(error, 'bookings_code_uq') && attempt < 3) continue;
      throw error;
    }
  }
}

/** Moves a booking to new slots: the new ones are taken and the old ones freed together, or nothing changes. */
export async function rescheduleBooking(
  db: Db,
  input: { bookingId: number; event: BookableEvent; topicIds: number[]; stops: ChosenStops; now: Date },
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await repository.releaseItems(tx, input.bookingId, input.now);
      const { current, freeChosen } = await lockAndReadChoice(tx, input.event, input.stops, input.now);
      assertBookable(current, input.topicIds, input.stops, freeChosen, input.now);
      await repository.insertItems(tx, input.bookingId, input.stops);
      await notifyFamily(tx, input.bookingId, 'booking_rescheduled', `booking_rescheduled:${input.bookingId}:${input.now.getTime()}`, input.now);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'booking_items_active_slot_uq')) throw new SlotTakenError();
    throw error;
  }
}

export async function cancelBooking(db: Db, bookingId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await repository.releaseItems(tx, bookingId, now);
    await repository.markCancelled(tx, bookingId, now);
    await notifyFamily(tx, bookingId, 'booking_cancelled', `booking_cancelled:${bookingId}`, now);
  });
}

/** Writes a mail to the family about its booking, if it gave an address; inside the change's transaction. */
async function notifyFamily(tx: Db, bookingId: number, kind: MailKind, idempotencyKey: string, now: Date) {
  const [family] = await tx.select({ organisationId: bookings.organisationId, email: bookings.email, language: bookings.language })
    .from(bookings).where(eq(bookings.id, bookingId));
  if (!family?.email) return;
  await enqueueMail(tx, { organisationId: family.organisationId, bookingId, kind, idempotencyKey, recipient: family.email, language: family.language, now });
}
