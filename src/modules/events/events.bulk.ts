import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deskTopics, desks, events, slots } from './events.table.js';

// Bulk rows for the demo's past months (src/modules/demo/demo.history.ts); the product plans through its services.
export type NewEventRow = typeof events.$inferInsert;
export type NewDeskRow = typeof desks.$inferInsert;
export type NewSlotRow = typeof slots.$inferInsert;

export const insertEventRows = (tx: Db, rows: NewEventRow[]) =>
  tx.insert(events).values(rows).returning({ id: events.id, localDate: events.localDate });

export const insertDeskRows = (tx: Db, rows: NewDeskRow[]) => tx.insert(desks).values(rows).returning({ id: desks.id });

export const insertDeskTopicRows = (tx: Db, rows: Array<typeof deskTopics.$inferInsert>) => tx.insert(deskTopics).values(rows);

export const insertSlotRows = (tx: Db, rows: NewSlotRow[]) =>
  tx.insert(slots).values(rows).returning({ id: slots.id, deskId: slots.deskId, startsAt: slots.startsAt, walkInOnly: slots.walkInOnly });

export const setLastTicketNumber = (tx: Db, eventId: number, last: number) =>
  tx.update(events).set({ lastTicketNumber: last }).where(eq(events.id, eventId));
