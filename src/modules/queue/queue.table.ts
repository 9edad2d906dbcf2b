import { sql } from 'drizzle-orm';
import {
  index, integer, pgEnum, pgTable, serial, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bookings } from '../booking/booking.table.js';
import { desks, events, slots } from '../events/events.table.js';
import { organisations, topics } from '../organisations/organisations.table.js';

export const ticketKind = pgEnum('ticket_kind', ['booked', 'walk_in']);

/**
 * A family's presence on the day: a number called out in the room instead of a name.
 * The live ticket page is reached by a 128-bit token, stored only as a hash.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: ticketKind('kind').notNull(),
    bookingId: integer('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    language: text('language').notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('tickets_event_number_uq').on(table.eventId, table.number),
    // A booking is checked in once, however many desks press the button.
    uniqueIndex('tickets_booking_uq').on(table.bookingId).where(sql`${table.bookingId} is not null`),
    uniqueIndex('tickets_token_hash_uq').on(table.tokenHash),
  ],
);

export const VISIT_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'sent_on'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const visitStatus = pgEnum('visit_status', VISIT_STATUSES);
export const visitKind = pgEnum('visit_kind', ['booked', 'walk_in', 'sent_on']);

/** One family waiting for (or seen at) one desk. A ticket has one visit per desk it needs. */
export const visits = pgTable(
  'visits',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    ticketId: integer('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    deskId: integer('desk_id').notNull().references(() => desks.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').references(() => topics.id),
    kind: visitKind('kind').notNull(),
    slotId: integer('slot_id').references(() => slots.id, { onDelete: 'set null' }),
    /** The booked slot's start; walk-ins and families sent on have none. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    status: visitStatus('status').notNull().default('waiting'),
    callCount: integer('call_count').notNull().default(0),
    calledAt: timestamp('called_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('visits_desk_status_idx').on(table.deskId, table.status),
    index('visits_ticket_idx').on(table.ticketId),
    index('visits_event_called_idx').on(table.eventId, table.calledAt),
  ],
);
