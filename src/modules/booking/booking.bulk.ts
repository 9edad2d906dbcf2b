import type { Db } from '../../db/client.js';
import { bookingItems, bookings } from './booking.table.js';
import { bookingNeedsTallies } from './needs-tally.table.js';

// Bulk rows for the demo's past months (already anonymised); families book through booking.service.
export type NewBookingRow = typeof bookings.$inferInsert;
export type NewNeedsTallyRow = typeof bookingNeedsTallies.$inferInsert;

export const insertBookingRows = (tx: Db, rows: NewBookingRow[]) => tx.insert(bookings).values(rows).returning({ id: bookings.id });

export const insertBookingItemRows = (tx: Db, rows: Array<typeof bookingItems.$inferInsert>) => tx.insert(bookingItems).values(rows);

export const insertNeedsTallyRows = (tx: Db, rows: NewNeedsTallyRow[]) => tx.insert(bookingNeedsTallies).values(rows);
