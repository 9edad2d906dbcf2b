import type { Db } from '../../db/client.js';
import { confirmedBookingCounts, heldSlotIds } from '../booking/availability.js';
import { slotsOfEvent } from '../events/events.repository.js';
import { deskCounts, listEventsBetween } from '../events/events.staff.repository.js';

/** Events from a date on, with how many desks, bookable slots and confirmed bookings each has. */
export async function eventsOverview(db: Db, organisationId: number, fromDate: string, toDate = '9999-12-31') {
  const rows = await listEventsBetween(db, organisationId, fromDate, toDate);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const desks = await deskCounts(db, ids);
  const bookings = await confirmedBookingCounts(db, ids);
  return rows.map((event) => ({ ...event, deskCount: desks.get(event.id) ?? 0, bookingCount: bookings.get(event.id) ?? 0 }));
}

/** Per desk: how many slots it has, how many are kept for walk-ins and how many are booked. */
export async function deskSlotCounts(db: Db, eventId: number) {
  const slots = await slotsOfEvent(db, eventId);
  const held = await heldSlotIds(db, slots.map((slot) => slot.id));
  const counts = new Map<number, { deskId: number; total: number; walkIn: number; booked: number }>();
  for (const slot of slots) {
    const desk = counts.get(slot.deskId) ?? { deskId: slot.deskId, total: 0, walkIn: 0, booked: 0 };
    desk.total += 1;
    if (slot.walkInOnly) desk.walkIn += 1;
    if (held.has(slot.id)) desk.booked += 1;
    counts.set(slot.deskId, desk);
  }
  return counts;
}
