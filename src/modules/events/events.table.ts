import {
  boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { organisations, topics, venues } from '../organisations/organisations.table.js';
import { staff } from '../staff/staff.table.js';

export const eventStatus = pgEnum('event_status', ['draft', 'published', 'cancelled']);

/** One advice day. Hours are Europe/Berlin wall-clock times on localDate. */
export const events = pgTable(
  'events',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    venueId: integer('venue_id').notNull().references(() => venues.id),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    startsLocal: text('starts_local').notNull(),
    endsLocal: text('ends_local').notNull(),
    status: eventStatus('status').notNull().default('draft'),
    bookingOpensAt: timestamp('booking_opens_at', { withTimezone: true }).notNull(),
    bookingClosesAt: timestamp('booking_closes_at', { withTimezone: true }).notNull(),
    /** The last ticket number given out on the day; incremented under the event row's lock. */
    lastTicketNumber: integer('last_ticket_number').notNull().default(0),
    /** Counts the changes families are told about (moved, cancelled); part of each notice's idempotency key. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('events_organisation_date_idx').on(table.organisationId, table.localDate)],
);

export type DeskBreak = { start: string; end: string };

/** An expert's desk at an event: which topics, which hours, how long a slot, how much kept for walk-ins. */
export const desks = pgTable('desks', {
  id: serial('id').primaryKey(),
  eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  startsLocal: text('starts_local').notNull(),
  endsLocal: text('ends_local').notNull(),
  slotMinutes: integer('slot_minutes').notNull(),
  breaks: jsonb('breaks').$type<DeskBreak[]>().notNull().default([]),
  walkInPercent: integer('walk_in_percent').notNull().default(0),
  expertId: integer('expert_id').references(() => staff.id, { onDelete: 'set null' }),
});

export const deskTopics = pgTable(
  'desk_topics',
  {
    deskId: integer('desk_id').notNull().references(() => desks.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').notNull().references(() => topics.id),
  },
  (table) => [primaryKey({ columns: [table.deskId, table.topicId] })],
);

/** A bookable time at a desk, generated from the desk's hours. walkInOnly slots are never offered online. */
export const slots = pgTable(
  'slots',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    deskId: integer('desk_id').notNull().references(() => desks.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    walkInOnly: boolean('walk_in_only').notNull().default(false),
  },
  (table) => [
    unique('slots_desk_start_uq').on(table.deskId, table.startsAt),
    index('slots_event_idx').on(table.eventId),
  ],
);
