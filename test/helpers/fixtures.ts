import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { berlinInstant } from '../../src/lib/dates.js';
import { createDeskWithSlots } from '../../src/modules/events/events.service.js';
import { desks, events, slots } from '../../src/modules/events/events.table.js';
import { confirmBooking } from '../../src/modules/booking/booking.service.js';
import { hashPassword } from '../../src/modules/staff/passwords.js';
import { insertStaff } from '../../src/modules/staff/staff.repository.js';
import type { StaffRole } from '../../src/modules/staff/staff.table.js';
import { organisations, topics, venues } from '../../src/modules/organisations/organisations.table.js';

export type OrganisationFixture = Awaited<ReturnType<typeof createOrganisation>>;

/** An organisation with one venue and three topics: kindergeld, wohngeld, stromspar. */
export async function createOrganisation(db: Db, slug = 'wmk') {
  const [organisation] = await db.insert(organisations).values({
    slug, name: `Kreis ${slug}`, eventTitle: { de: 'Tag der Familienleistungen', en: 'Family Benefits Day' },
    contactPhone: '05651 302-0', contactEmail: 'info@example.org',
  }).returning();
  const [venue] = await db.insert(venues).values({
    organisationId: organisation!.id, name: `Familienzentrum ${slug}`, street: 'Marktplatz 1', postcode: '37269',
    town: 'Eschwege', stepFree: true, directions: { de: 'Bus 200 bis Markt', en: 'Bus 200 to Markt' },
  }).returning();
  const topicRows = await db.insert(topics).values([
    { key: 'kindergeld', name: { de: 'Kindergeld', en: 'Child benefit' }, documents: { de: ['Steuer-ID jedes Kindes'], en: ['Tax ID of each child'] }, sortOrder: 1 },
    { key: 'wohngeld', name: { de: 'Wohngeld', en: 'Housing benefit' }, documents: { de: ['Mietvertrag'], en: ['Tenancy agreement'] }, sortOrder: 2 },
    { key: 'stromspar', name: { de: 'Stromspar-Check', en: 'Energy-saving check' }, documents: { de: ['Stromrechnung'], en: ['Electricity bill'] }, sortOrder: 3 },
  ].map((t) => ({ ...t, organisationId: organisation!.id }))).returning();
  const topic = (key: string) => topicRows.find((t) => t.key === key)!;
  return { organisation: organisation!, venue: venue!, topic };
}

export type DeskSpec = {
  label: string;
  topicKeys: string[];
  startsLocal?: string;
  endsLocal?: string;
  slotMinutes?: number;
  walkInPercent?: number;
};

/**
 * A published event on 2027-03-10, 14:00–16:00 Berlin, bookable from 2027-01-01 until 12:00 that day.
 * By default one Kindergeld desk and one Wohngeld desk with 30-minute slots.
 */
export async function createEvent(
  db: Db,
  fixture: OrganisationFixture,
  options: { localDate?: string; status?: 'draft' | 'published' | 'cancelled'; desks?: DeskSpec[] } = {},
) {
  const localDate = options.localDate ?? '2027-03-10';
  const [event] = await db.insert(events).values({
    organisationId: fixture.organisation.id,
    venueId: fixture.venue.id,
    localDate,
    startsLocal: '14:00',
    endsLocal: '16:00',
    status: options.status ?? 'published',
    bookingOpensAt: new Date('2027-01-01T00:00:00Z'),
    bookingClosesAt: berlinInstant(localDate, '12:00').toJSDate(),
  }).returning();
  const desks = options.desks ?? [
    { label: 'Tisch 1', topicKeys: ['kindergeld'] },
    { label: 'Tisch 2', topicKeys: ['wohngeld'] },
  ];
  const deskIds: number[] = [];
  for (const desk of desks) {
    deskIds.push(await createDeskWithSlots(db, {
      eventId: event!.id,
      localDate,
      label: desk.label,
      startsLocal: desk.startsLocal ?? '14:00',
      endsLocal: desk.endsLocal ?? '16:00',
      slotMinutes: desk.slotMinutes ?? 30,
      breaks: [],
      walkInPercent: desk.walkInPercent ?? 0,
      topicIds: desk.topicKeys.map((key) => fixture.topic(key).id),
    }));
  }
  return { event: event!, deskIds };
}

export async function slotsOfDesk(db: Db, deskId: number) {
  return db.select().from(slots).where(eq(slots.deskId, deskId)).orderBy(slots.startsAt);
}

/** A moment before the default event: 2027-03-01 11:00 Berlin. */
export const BEFORE_EVENT = '2027-03-01T10:00:00Z';

export const STAFF_PASSWORD = 'correct horse battery staple';

/** A staff member of the fixture's organisation, password STAFF_PASSWORD. Experts may get desks. */
export async function createStaff(
  db: Db,
  fixture: OrganisationFixture,
  role: StaffRole,
  options: { email?: string; topicKeys?: string[] } = {},
) {
  const id = await insertStaff(db, {
    organisationId: fixture.organisation.id,
    email: options.email ?? `${role}@${fixture.organisation.slug}.example`,
    name: `${role} ${fixture.organisation.slug}`,
    role,
    passwordHash: await hashPassword(STAFF_PASSWORD),
    topicIds: (options.topicKeys ?? []).map((key) => fixture.topic(key).id),
  });
  return { id, email: options.email ?? `${role}@${fixture.organisation.slug}.example` };
}

export async function assignExpert(db: Db, deskId: number, staffId: number) {
  await db.update(desks).set({ expertId: staffId }).where(eq(desks.id, deskId));
}

/** A confirmed booking made through the booking service, at the given slots. */
export async function createBooking(
  db: Db,
  fixture: OrganisationFixture,
  event: typeof events.$inferSelect,
  stops: Array<{ topicKey: string; slotId: number }>,
  name = 'Familie Test',
  email = '',
) {
  const result = await confirmBooking(db, {
    event,
    topicIds: stops.map((s) => fixture.topic(s.topicKey).id),
    stops: stops.map((s) => ({ topicId: fixture.topic(s.topicKey).id, slotId: s.slotId })),
    contact: { name, email, phone: '' },
    needs: { language: 'de', interpreter: 'none', childcare: false, stepFree: false },
    now: new Date(BEFORE_EVENT),
    bookingsPerEmail: 2,
  });
  return result;
}
