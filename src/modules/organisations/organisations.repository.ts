import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, topics, venues } from './organisations.table.js';

export type Organisation = typeof organisations.$inferSelect;
export type Topic = typeof topics.$inferSelect;

export async function findOrganisationBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const [found] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return found;
}

export function listOrganisations(db: Db): Promise<Organisation[]> {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

export async function topicsByIds(db: Db, organisationId: number, ids: number[]): Promise<Map<number, Topic>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(topics).where(inArray(topics.id, ids));
  return new Map(rows.filter((t) => t.organisationId === organisationId).map((t) => [t.id, t]));
}

export async function findOrganisation(db: Db, organisationId: number): Promise<Organisation | undefined> {
  const [found] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return found;
}

export type NewOrganisation = typeof organisations.$inferInsert;

export async function insertOrganisation(db: Db, organisation: NewOrganisation): Promise<Organisation> {
  const [created] = await db.insert(organisations).values(organisation).returning();
  return created!;
}

export type OrganisationSettings = Partial<Omit<NewOrganisation, 'id' | 'slug' | 'createdAt'>>;

export async function updateOrganisationSettings(db: Db, organisationId: number, settings: OrganisationSettings) {
  await db.update(organisations).set(settings).where(eq(organisations.id, organisationId));
}

/** Topics by id, whatever their organisation: for names and documents of what was booked. */
export async function topicsWithIds(db: Db, ids: number[]): Promise<Map<number, Topic>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(topics).where(inArray(topics.id, [...new Set(ids)]));
  return new Map(rows.map((t) => [t.id, t]));
}

export type Venue = typeof venues.$inferSelect;

/**
 * The venues as a subquery for another module's query to join, with its columns to select: events and their
 * venue in one query on every public page, while only this module reads the venues table.
 */
export function venuesToJoin(db: Db) {
  const venue = db.select().from(venues).as('venue');
  const names = Object.keys(venue._.selectedFields) as Array<keyof Venue>;
  const columns = Object.fromEntries(names.map((name) => [name, venue[name]])) as { [K in keyof Venue]: (typeof venue)[K] };
  return { venue, columns };
}
