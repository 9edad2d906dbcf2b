import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';

/**
 * Who did what to whose data, and when. Subjects are referenced by id only: the log never
 * copies a name, a code, an address or a search term.
 * The log sits below the modules that write to it, staff included: `staff_id` names the person without a
 * foreign key (accounts are deactivated, never deleted).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    staffId: integer('staff_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: integer('subject_id'),
    /** A count, for searches and exports: how many records were shown. */
    resultCount: integer('result_count'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('audit_log_organisation_at_idx').on(table.organisationId, table.at)],
);
