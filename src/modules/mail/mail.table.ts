import { index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';

export const mailJobStatus = pgEnum('mail_job_status', ['pending', 'sent', 'failed', 'skipped']);

/**
 * The outbox: a mail that must reach a family, written in the same transaction as its cause.
 * The idempotency key (cause + booking) makes a second job for the same cause impossible.
 * The message is composed when it is sent, from the booking as it is then; the address and the
 * manage token are wiped as soon as the mail is out.
 * The outbox sits below the booking module, which writes and composes the families' mail: `booking_id` names
 * the booking a mail is about without a foreign key, and `kind` is the booking module's word for its cause.
 */
export const mailJobs = pgTable(
  'mail_jobs',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    bookingId: integer('booking_id'),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: mailJobStatus('status').notNull().default('pending'),
    recipient: text('recipient'),
    language: text('language').notNull().default('de'),
    /** Only in a confirmation, only until it is sent: the one place the family's manage link can come from. */
    manageToken: text('manage_token'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker holds the job until then; a crashed worker's jobs are taken up again afterwards. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('mail_jobs_idempotency_key_uq').on(table.idempotencyKey),
    index('mail_jobs_due_idx').on(table.status, table.nextAttemptAt),
  ],
);
