import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { venues } from './organisations.table.js';

export type VenueFields = Omit<typeof venues.$inferInsert, 'id' | 'organisationId'>;

export function listVenues(db: Db, organisationId: number) {
  return db.select().from(venues).where(eq(venues.organisationId, organisationId)).orderBy(asc(venues.town), asc(venues.name));
}

export async function findVenue(db: Db, organisationId: number, venueId: number) {
  const [venue] = await db.select().from(venues).where(and(eq(venues.id, venueId), eq(venues.organisationId, organisationId)));
  return venue;
}

export async function insertVenue(db: Db, organisationId: number, fields: VenueFields) {
  const [created] = await db.insert(venues).values({ organisationId, ...fields }).returning({ id: venues.id });
  return created!.id;
}

export async function updateVenue(db: Db, organisationId: number, venueId: number, fields: VenueFields) {
  await db.update(venues).set(fields).where(and(eq(venues.id, venueId), eq(venues.organisationId, organisationId)));
}
