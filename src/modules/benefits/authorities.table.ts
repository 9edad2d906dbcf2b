import { integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';

/**
 * Where a county's families send each benefit's application: office, address, opening hours, contact and
 * online service. The county's coordinators keep it; the aids print it under "where to send it".
 */
export const benefitAuthorities = pgTable(
  'benefit_authorities',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    benefit: text('benefit').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    onlineService: text('online_service').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('benefit_authorities_organisation_benefit_uq').on(table.organisationId, table.benefit)],
);
