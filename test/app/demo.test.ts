import { and, count, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { LANGUAGES, translatorFor } from '../../src/lib/i18n.js';
import { TOPICS } from '../../src/modules/demo/demo.data.js';
import { seedDemo } from '../../src/modules/demo/demo.seed.js';
import { desks, events, slots } from '../../src/modules/events/events.table.js';
import { organisations, topics, venues } from '../../src/modules/organisations/organisations.table.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { staff } from '../../src/modules/staff/staff.table.js';
import { openTestDatabase } from '../helpers/db.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('demo data', () => {
  it('creates two counties with venues, topics, a practice day today and six months of events, demo staff and booked families, once', async () => {
    const now = new Date('2026-11-21T09:00:00Z');
    expect(await seedDemo(database.db, now)).toBe(true);
    expect(await seedDemo(database.db, now)).toBe(false);
    const { db } = database;
    const orgs = await db.select().from(organisations).orderBy(organisations.slug);
    expect(orgs.map((o) => o.slug)).toEqual(['kassel', 'wmk']);
    const [kassel, wmk] = orgs;
    expect(await db.select({ n: count() }).from(venues).where(eq(venues.organisationId, wmk!.id))).toEqual([{ n: 6 }]);
    expect(await db.select({ n: count() }).from(venues).where(eq(venues.organisationId, kassel!.id))).toEqual([{ n: 3 }]);
    expect((await db.select().from(topics).where(eq(topics.organisationId, wmk!.id))).map((t) => t.key)).toEqual(
      expect.arrayContaining(['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld', 'unterhaltsvorschuss', 'but', 'stromspar']),
    );
    // From today on; the twelve months of history before it are tested in demo-history.test.ts.
    const wmkEvents = await db.select().from(events).where(and(eq(events.organisationId, wmk!.id), gte(events.localDate, '2026-11-21'))).orderBy(events.localDate);
    expect(wmkEvents.map((e) => e.localDate)).toEqual(['2026-11-21', '2026-12-09', '2027-01-13', '2027-02-10', '2027-03-10', '2027-04-14', '2027-05-12']);
    expect(new Set(wmkEvents.map((e) => e.venueId)).size).toBe(6);
    expect(wmkEvents[0]).toMatchObject({ startsLocal: '08:00', endsLocal: '20:00', status: 'published' });
    const people = await db.select().from(staff).where(eq(staff.organisationId, wmk!.id)).orderBy(staff.role);
    expect(people.map((p) => [p.role, p.email])).toEqual([
      ['coordinator', 'koordination@wmk.demo'], ['desk', 'empfang@wmk.demo'], ['expert', 'beratung@wmk.demo'],
    ]);
    // Families booked for later today, at the expert's desk, without any contact data.
    const today = await db.select().from(bookings).where(eq(bookings.eventId, wmkEvents[0]!.id));
    expect(today).toHaveLength(5);
    expect(today.every((b) => b.email === null && b.phone === null)).toBe(true);
    const [expertDesk] = await db.select().from(desks).where(eq(desks.expertId, people[2]!.id)).limit(1);
    expect(expertDesk!.label).toBe('Tisch 1 · Familienkasse');
    expect(await db.select({ n: count() }).from(desks).where(eq(desks.eventId, wmkEvents[1]!.id))).toEqual([{ n: 5 }]);
    const firstSlots = await db.select().from(slots).where(eq(slots.eventId, wmkEvents[1]!.id));
    expect(firstSlots.some((s) => s.walkInOnly)).toBe(true);
    expect(firstSlots.some((s) => !s.walkInOnly)).toBe(true);
    // Topics of one county are never used by the other's desks.
    const kasselTopicIds = new Set((await db.select().from(topics).where(eq(topics.organisationId, kassel!.id))).map((t) => t.id));
    expect(kasselTopicIds.size).toBe(5);
  });
});

describe('the demo’s topic names', () => {
  it('name each benefit with the same words as the locales (and so the term lists), in every family language', () => {
    // "Kinderzuschlag" is one benefit: the pre-check's result and the booking's topics must not call it two names.
    const head = (name: string) => name.split(' (')[0]!.toLocaleLowerCase();
    const differ: string[] = [];
    for (const lang of LANGUAGES) {
      const names = translatorFor(lang)('benefits.names', { returnObjects: true }) as Record<string, string>;
      for (const topic of TOPICS.filter((t) => t.key in names)) {
        const name = topic.name[lang]!;
        if (head(name) !== head(names[topic.key]!)) differ.push(`${lang} ${topic.key}: ${name} ≠ ${names[topic.key]}`);
      }
    }
    expect(differ).toEqual([]);
  });
});
