import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activeItemsWithSlots, bookedFamiliesOfEvent, findBookingOfEvent } from '../booking/booking.repository.js';
import { tickets, visits } from './queue.table.js';

/** `missed`: never arrived; `noShow`: checked in, but not there when called (and not yet back in the queue). */
export type BoardStatus = 'expected' | 'late' | 'missed' | 'arrived' | 'noShow' | 'done';

export type BoardRow = {
  bookingId: number | null;
  code: string | null;
  name: string | null;
  phone: string | null;
  startsAt: Date | null;
  ticketId: number | null;
  ticketNumber: number | null;
  arrivedAt: Date | null;
  status: BoardStatus;
  needs: { interpreterLanguage: string | null; childcare: boolean; stepFree: boolean } | null;
};

/**
 * The front desk's view of a day: every booked family by time with where they are, and every walk-in.
 * With a search, only bookings whose code is the search, or whose name contains it.
 */
export async function boardOfEvent(db: Db, eventId: number, now: Date, search?: string): Promise<BoardRow[]> {
  const booked = await bookedFamiliesOfEvent(db, eventId, search);
  const ticketRows = await db
    .select({ ticket: tickets, openVisits: visits.status })
    .from(tickets)
    .leftJoin(visits, eq(visits.ticketId, tickets.id))
    .where(eq(tickets.eventId, eventId));
  const byTicket = new Map<number, { ticket: typeof tickets.$inferSelect; open: boolean; noShow: boolean }>();
  for (const row of ticketRows) {
    const entry = byTicket.get(row.ticket.id) ?? { ticket: row.ticket, open: false, noShow: false };
    if (row.openVisits && ['waiting', 'called', 'serving'].includes(row.openVisits)) entry.open = true;
    if (row.openVisits === 'no_show') entry.noShow = true;
    byTicket.set(row.ticket.id, entry);
  }
  const ticketStatus = (t: { open: boolean; noShow: boolean }): BoardStatus => (t.open ? 'arrived' : t.noShow ? 'noShow' : 'done');
  const ticketOfBooking = new Map([...byTicket.values()].filter((t) => t.ticket.bookingId).map((t) => [t.ticket.bookingId!, t]));
  const rows: BoardRow[] = booked.map((b) => {
    const ticket = ticketOfBooking.get(b.bookingId);
    const { startsAt, endsAt } = b;
    let status: BoardStatus;
    if (ticket) status = ticketStatus(ticket);
    else if (!startsAt || now < startsAt) status = 'expected';
    else if (endsAt && now < endsAt) status = 'late';
    else status = 'missed';
    return {
      bookingId: b.bookingId, code: b.code, name: b.name, phone: b.phone, startsAt,
      ticketId: ticket?.ticket.id ?? null, ticketNumber: ticket?.ticket.number ?? null, arrivedAt: ticket?.ticket.arrivedAt ?? null,
      status,
      needs: { interpreterLanguage: b.interpreterLanguage, childcare: b.childcare, stepFree: b.stepFree },
    };
  });
  if (search) return rows;
  const walkIns: BoardRow[] = [...byTicket.values()]
    .filter((t) => t.ticket.kind === 'walk_in')
    .sort((a, b) => a.ticket.number - b.ticket.number)
    .map((t) => ({
      bookingId: null, code: null, name: null, phone: null, startsAt: null, ticketId: t.ticket.id, ticketNumber: t.ticket.number,
      arrivedAt: t.ticket.arrivedAt, status: ticketStatus(t), needs: null,
    }));
  return [...rows, ...walkIns];
}

export async function bookingOfEvent(db: Db, eventId: number, bookingId: number) {
  const booking = await findBookingOfEvent(db, eventId, bookingId);
  if (!booking) return undefined;
  const items = (await activeItemsWithSlots(db, [booking.id]))
    .map((item) => ({ topicId: item.topicId, startsAt: item.startsAt, deskId: item.deskId }));
  const [ticket] = await db.select().from(tickets).where(eq(tickets.bookingId, booking.id));
  return { booking, items, ticket };
}
