import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { events, slots } from '../events/events.table.js';
import { organisations, topics } from '../organisations/organisations.table.js';

export const bookingStatus = pgEnum('booking_status', ['confirmed', 'cancelled']);

/**
 * A family's booking. The personal fields (name, email, phone, needs) exist only for the day itself
 * and are removed by the retention job after the event.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    eventId: integer('event_id').notNull().references(() => events.id),
    code: text('code').notNull(),
    /** SHA-256 of the private manage link's 128-bit token; the token itself is never stored. */
    manageTokenHash: text('manage_token_hash').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    language: text('language').notNull(),
    interpreterLanguage: text('interpreter_language'),
    childcare: boolean('childcare').notNull().default(false),
    stepFree: boolean('step_free').notNull().default(false),
    /** When the family confirmed having read the privacy notice (the booking itself rests on Art. 6(1)(e) GDPR). */
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    /** Explicit consent (Art. 9(2)(a) GDPR) to storing a health-related need: step-free access. Null without one. */
    healthConsentAt: timestamp('health_consent_at', { withTimezone: true }),
    status: bookingStatus('status').notNull().default('confirmed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When name, contact and needs were removed; only the anonymous facts of the booking remain. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('bookings_code_uq').on(table.code),
    uniqueIndex('bookings_manage_token_hash_uq').on(table.manageTokenHash),
    index('bookings_event_idx').on(table.eventId),
  ],
);

/** One topic of a booking at one slot. Released items stay for the record but free their slot. */
export const bookingItems = pgTable(
  'booking_items',
  {
    id: serial('id').primaryKey(),
    bookingId: integer('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').notNull().references(() => topics.id),
    slotId: integer('slot_id').notNull().references(() => slots.id),
    active: boolean('active').notNull().default(true),
    /** When a reschedule, cancellation or deletion freed the slot; items freed together share it. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (table) => [
    // The guarantee that no slot is ever given twice lives here, in the database.
    uniqueIndex('booking_items_active_slot_uq').on(table.slotId).where(sql`${table.active}`),
    index('booking_items_booking_idx').on(table.bookingId),
  ],
);
