import { and, eq, gt, lte, ne } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../src/db/client.js';
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/modules/demo/demo.seed.js';
import { createDeskWithSlots } from '../../src/modules/events/events.service.js';
import { events, slots } from '../../src/modules/events/events.table.js';
import { organisations, topics, venues } from '../../src/modules/organisations/organisations.table.js';

/** demoEventId: the demo's next event open for booking, whose pages the bench loads. */
export type BenchData = { organisationId: number; rushEventId: number; topicId: number; slotIds: number[]; demoEventId: number };

/**
 * The demo (so the pages show what families see) plus one "rush" event of the Werra-Meißner-Kreis,
 * bookable now, with four Kindergeld desks of 2-minute slots: enough distinct times for every
 * booking the bench sends.
 */
export async function prepareBenchDatabase(target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }, minSlots: number): Promise<BenchData> {
  const database = await openDatabase(target.kind === 'pglite' ? target : { ...target, forMigrations: true });
  try {
    await runMigrations(database);
    const now = new Date();
    await seedDemo(database.db, now);
    return await addRushEvent(database.db, now, minSlots);
  } finally {
    await database.close();
  }
}

async function addRushEvent(db: Db, now: Date, minSlots: number): Promise<BenchData> {
  const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, 'wmk'));
  const [venue] = await db.select().from(venues).where(eq(venues.organisationId, organisation!.id)).limit(1);
  const [kindergeld] = await db.select().from(topics)
    .where(and(eq(topics.organisationId, organisation!.id), eq(topics.key, 'kindergeld')));
  // The demo's events are on the 2nd Wednesday; a Saturday three weeks ahead is free.
  let day = DateTime.now().setZone('Europe/Berlin').plus({ weeks: 3 });
  while (day.weekday !== 6) day = day.plus({ days: 1 });
  const localDate = day.toISODate()!;
  const [event] = await db.insert(events).values({
    organisationId: organisation!.id, venueId: venue!.id, localDate, startsLocal: '08:00', endsLocal: '18:40',
    status: 'published', bookingOpensAt: new Date(now.getTime() - 86_400_000), bookingClosesAt: day.set({ hour: 6 }).toJSDate(),
  }).returning();
  const desks = Math.ceil(minSlots / 320);
  for (let desk = 1; desk <= desks; desk++) {
    await createDeskWithSlots(db, {
      eventId: event!.id, localDate, label: `Tisch ${desk}`, startsLocal: '08:00', endsLocal: '18:40', slotMinutes: 2,
      breaks: [], walkInPercent: 0, topicIds: [kindergeld!.id],
    });
  }
  const slotIds = (await db.select({ id: slots.id }).from(slots).where(eq(slots.eventId, event!.id))).map((s) => s.id);
  const [demoEvent] = await db.select({ id: events.id }).from(events)
    .where(and(eq(events.organisationId, organisation!.id), eq(events.status, 'published'), ne(events.id, event!.id),
      lte(events.bookingOpensAt, now), gt(events.bookingClosesAt, now)))
    .orderBy(events.localDate).limit(1);
  return { organisationId: organisation!.id, rushEventId: event!.id, topicId: kindergeld!.id, slotIds, demoEventId: demoEvent!.id };
}
