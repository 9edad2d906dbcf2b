import { index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bookings } from '../booking/booking.table.js';
import { organisations } from '../organisations/organisations.table.js';

export const MAIL_KINDS = ['event_moved', 'event_cancelled'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const mailJobStatus = pgEnum('mail_job_status', ['pending', 'sent', 'failed', 'skipped']);

/**
 * A mail that must reach a family, written in the same transaction as its cause.
 * The idempotency key (cause + booking) makes a second job for the same cause impossible.
 */
export const mailJobs = pgTable(
  'mail_jobs',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    bookingId: integer('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    kind: text('kind').$type<MailKind>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: mailJobStatus('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('mail_jobs_idempotency_key_uq').on(table.idempotencyKey),
    index('mail_jobs_status_idx').on(table.status),
  ],
);
