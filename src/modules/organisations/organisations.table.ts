import { boolean, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { LocalizedList, LocalizedText } from '../../lib/localized.js';

/** A county (tenant). Its slug appears in every public URL. */
export const organisations = pgTable('organisations', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  eventTitle: jsonb('event_title').$type<LocalizedText>().notNull(),
  contactPhone: text('contact_phone'),
  contactEmail: text('contact_email'),
  bookingOpensDaysBefore: integer('booking_opens_days_before').notNull().default(60),
  bookingClosesHoursBefore: integer('booking_closes_hours_before').notNull().default(2),
  /** How often a family is called before the expert may mark them as not there. */
  callsBeforeNoShow: integer('calls_before_no_show').notNull().default(3),
  /** How long before the first appointment the reminder mail goes out. */
  reminderHoursBefore: integer('reminder_hours_before').notNull().default(48),
  /** Days after its event that a booking keeps its personal data. */
  retentionDays: integer('retention_days').notNull().default(14),
  /** For the imprint and the privacy notice. */
  postalAddress: text('postal_address'),
  representedBy: text('represented_by'),
  dataProtectionContact: text('data_protection_contact'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A family centre or community centre where an event can take place. */
export const venues = pgTable('venues', {
  id: serial('id').primaryKey(),
  organisationId: integer('organisation_id').notNull().references(() => organisations.id),
  name: text('name').notNull(),
  street: text('street').notNull(),
  postcode: text('postcode').notNull(),
  town: text('town').notNull(),
  directions: jsonb('directions').$type<LocalizedText>(),
  stepFree: boolean('step_free').notNull().default(false),
});

/** An advice topic (Kindergeld, Wohngeld…) with what families should bring. */
export const topics = pgTable(
  'topics',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    key: text('key').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    defaultSlotMinutes: integer('default_slot_minutes').notNull().default(30),
    documents: jsonb('documents').$type<LocalizedList>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [unique('topics_organisation_key_uq').on(table.organisationId, table.key)],
);
