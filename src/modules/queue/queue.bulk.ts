import type { Db } from '../../db/client.js';
import { tickets, visits } from './queue.table.js';

// Bulk rows for the demo's past months; the day itself goes through check-in and calling services.
export type NewTicketRow = typeof tickets.$inferInsert;
export type NewVisitRow = typeof visits.$inferInsert;

export const insertTicketRows = (tx: Db, rows: NewTicketRow[]) => tx.insert(tickets).values(rows).returning({ id: tickets.id });

export const insertVisitRows = (tx: Db, rows: NewVisitRow[]) => tx.insert(visits).values(rows);
