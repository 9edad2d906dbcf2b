import {
  boolean, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { organisations, topics } from '../organisations/organisations.table.js';

export const STAFF_ROLES = ['coordinator', 'desk', 'expert'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRole = pgEnum('staff_role', STAFF_ROLES);

/** A person who works for one organisation: plans events, runs the front desk or advises at a desk. */
export const staff = pgTable(
  'staff',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: staffRole('role').notNull(),
    /** Argon2id in PHC format; the parameters travel inside the string. */
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Set for a one-time password (new account, reset): the person must choose their own before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('staff_organisation_email_uq').on(table.organisationId, table.email)],
);

/** The topics an expert advises on. */
export const staffTopics = pgTable(
  'staff_topics',
  {
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.topicId] })],
);

/** A signed-in browser. Only the SHA-256 of the cookie's 256-bit token is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id').notNull().references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('staff_sessions_staff_idx').on(table.staffId)],
);
