import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, topics } from './organisations.table.js';

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
