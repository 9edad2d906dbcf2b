import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, smallint, uuid } from 'drizzle-orm/pg-core';
import { events } from '../events/events.table.js';
import { topics } from '../organisations/organisations.table.js';
import {
  CHILDREN, CONSULTATION_LANGUAGES, FIRST_VISIT, HEARD_VIA, HOUSEHOLDS, OUTCOMES, RECORD_KINDS, REFERRAL_TARGETS, YOUNGEST_AGES,
} from './intake.options.js';

export const intakeKind = pgEnum('intake_kind', RECORD_KINDS);
export const intakeHousehold = pgEnum('intake_household', HOUSEHOLDS);
export const intakeChildren = pgEnum('intake_children', CHILDREN);
export const intakeYoungestAge = pgEnum('intake_youngest_age', YOUNGEST_AGES);
export const intakeHeardVia = pgEnum('intake_heard_via', HEARD_VIA);
export const intakeFirstVisit = pgEnum('intake_first_visit', FIRST_VISIT);
export const intakeLanguage = pgEnum('intake_language', CONSULTATION_LANGUAGES);
export const intakeOutcome = pgEnum('intake_outcome', OUTCOMES);
export const intakeReferralTarget = pgEnum('intake_referral_target', REFERRAL_TARGETS);

/**
 * One consultation's anonymous checklist. Anonymous by construction: a random id, the event (which gives the
 * day, no finer time), the desk's topic and closed answers; no column, key or order that leads back to a
 * booking, ticket, visit or staff member (test/intake/intake-schema.test.ts reads the catalog to keep it so).
 * Declined and skipped consultations keep only their kind. Never deleted by the retention job.
 */
export const intakeRecords = pgTable(
  'intake_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: integer('event_id').notNull().references(() => events.id),
    topicId: integer('topic_id').notNull().references(() => topics.id),
    kind: intakeKind('kind').notNull(),
    /** A family who came straight to the table, without a ticket. */
    withoutTicket: boolean('without_ticket').notNull().default(false),
    /** Lower bound of the consultation's 5-minute band (0, 5, …, 60 = an hour or more). */
    durationBand: smallint('duration_band'),
    household: intakeHousehold('household'),
    children: intakeChildren('children'),
    youngestAge: intakeYoungestAge('youngest_age'),
    heardVia: intakeHeardVia('heard_via'),
    firstVisit: intakeFirstVisit('first_visit'),
    language: intakeLanguage('language'),
    interpreter: boolean('interpreter'),
  },
  (table) => [
    index('intake_records_event_idx').on(table.eventId),
    check('intake_records_duration_band_ck', sql`${table.durationBand} is null or (${table.durationBand} between 0 and 60 and ${table.durationBand} % 5 = 0)`),
    check('intake_records_answers_ck', sql`(${table.kind} = 'recorded') = (${table.household} is not null and ${table.children} is not null
      and ${table.youngestAge} is not null and ${table.heardVia} is not null and ${table.firstVisit} is not null
      and ${table.language} is not null and ${table.interpreter} is not null)`),
  ],
);

/** A benefit discussed in a recorded consultation and what came of it; referrals say where to. */
export const intakeOutcomes = pgTable(
  'intake_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id').notNull().references(() => intakeRecords.id, { onDelete: 'cascade' }),
    benefitTopicId: integer('benefit_topic_id').notNull().references(() => topics.id),
    outcome: intakeOutcome('outcome').notNull(),
    referredTo: intakeReferralTarget('referred_to'),
  },
  (table) => [
    index('intake_outcomes_record_idx').on(table.recordId),
    check('intake_outcomes_referral_ck', sql`(${table.outcome} = 'referred') = (${table.referredTo} is not null)`),
  ],
);
