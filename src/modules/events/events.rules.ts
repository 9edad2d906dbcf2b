export type EventWindow = {
  status: 'draft' | 'published' | 'cancelled';
  bookingOpensAt: Date;
  bookingClosesAt: Date;
};

export type BookingAvailability = 'open' | 'not-published' | 'cancelled' | 'not-yet-open' | 'closed';

/** Whether families may book (or change a booking) for this event at `now`. */
export function bookingAvailability(event: EventWindow, now: Date): BookingAvailability {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'not-published';
  if (now < event.bookingOpensAt) return 'not-yet-open';
  if (now >= event.bookingClosesAt) return 'closed';
  return 'open';
}
