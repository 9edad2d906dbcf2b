import { integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { events } from '../events/events.table.js';

export const tallyNeed = pgEnum('tally_need', ['bookings', 'childcare', 'step_free', 'interpreter']);

/**
 * The needs of an event's confirmed bookings, counted when the retention job removes them from the bookings:
 * the evaluation still knows how many families asked for childcare or an interpreter (per language),
 * while no booking keeps them. `language` is '' except for interpreters.
 */
export const bookingNeedsTallies = pgTable(
  'booking_needs_tallies',
  {
    eventId: integer('event_id').notNull().references(() => events.id),
    need: tallyNeed('need').notNull(),
    language: text('language').notNull().default(''),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.need, table.language] })],
);
