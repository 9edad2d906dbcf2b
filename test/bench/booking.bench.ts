/**
 * `npm run bench`: how much the booking pages and the booking transaction cost compared with the raw
 * database work underneath them, measured in the same run on the same embedded database.
 * Ratios, not absolute times, are what to compare between runs and machines.
 */
import { performance } from 'node:perf_hooks';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { confirmBooking, itinerariesFor } from '../../src/modules/booking/booking.service.js';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { seedDemo } from '../../src/modules/demo/demo.seed.js';
import { listFreeSlots } from '../../src/modules/booking/availability.js';
import { events, slots } from '../../src/modules/events/events.table.js';
import { topics } from '../../src/modules/organisations/organisations.table.js';

const ROUNDS = 200;

async function timed(label: string, rounds: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await work(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) await work(i);
  const perCall = (performance.now() - start) / rounds;
  console.log(`  ${label.padEnd(52)} ${perCall.toFixed(3)} ms`);
  return perCall;
}

const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
await runMigrations(database);
const now = new Date();
await seedDemo(database.db, now);
const { db } = database;
// The first event whose online booking is open now (today's practice day closes for booking at 06:00).
const [event] = await db.select().from(events)
  .where(and(lte(events.bookingOpensAt, now), gt(events.bookingClosesAt, now)))
  .orderBy(events.localDate).limit(1);
const topicRows = await db.select().from(topics).where(eq(topics.organisationId, event!.organisationId));
const kindergeld = topicRows.find((t) => t.key === 'kindergeld')!;
const wohngeld = topicRows.find((t) => t.key === 'wohngeld')!;

const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database, clock: () => now });
await app.ready();

console.log('Event page and free times');
const rawSlots = await timed('baseline: raw select of the event’s slots', ROUNDS, () =>
  db.select().from(slots).where(eq(slots.eventId, event!.id)));
const eventPage = await timed('GET event page (render, free-slot count)', ROUNDS, () =>
  app.inject(`/de/wmk/events/${event!.id}`));
console.log(`  ratio event page / raw select: ${(eventPage / rawSlots).toFixed(1)}×`);

console.log('Booking transaction');
const kindergeldSlots = (await listFreeSlots(db, [event!.id], now)).filter((s) => s.topicIds.includes(kindergeld.id))
  .map((s) => ({ id: s.slotId }));
let rawIndex = 0;
const rawInsert = await timed('baseline: raw insert booking + item, then delete', 50, async () => {
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(bookings).values({
      organisationId: event!.organisationId, eventId: event!.id, code: `RAW${rawIndex++}`, manageTokenHash: `raw-${rawIndex}`,
      name: 'x', language: 'de', consentedAt: now,
    }).returning({ id: bookings.id });
    await tx.insert(bookingItems).values({ bookingId: row!.id, topicId: kindergeld.id, slotId: kindergeldSlots[0]!.id });
    await tx.execute(sql`delete from booking_items where booking_id = ${row!.id}`);
    await tx.execute(sql`delete from bookings where id = ${row!.id}`);
  });
});
const confirm = await timed('confirmBooking (checks, code, token, insert)', Math.min(20, kindergeldSlots.length - 1), async (i) => {
  const slot = kindergeldSlots[(i % (kindergeldSlots.length - 1)) + 1]!;
  await db.update(bookingItems).set({ active: false }).where(eq(bookingItems.slotId, slot.id));
  await confirmBooking(db, {
    event: event!, topicIds: [kindergeld.id], stops: [{ topicId: kindergeld.id, slotId: slot.id }],
    contact: { name: 'Bench', email: '', phone: '' }, needs: { language: 'de', interpreter: 'none', childcare: false, stepFree: false }, now,
    bookingsPerEmail: 2,
  });
});
console.log(`  ratio confirmBooking / raw insert: ${(confirm / rawInsert).toFixed(1)}×`);

console.log('Itinerary for two topics');
const itineraryPage = await timed('itineraries via service (Kindergeld + Wohngeld)', ROUNDS, async () => {
  return itinerariesFor(db, event!.id, [kindergeld.id, wohngeld.id], now);
});
console.log(`  ratio itineraries / raw select: ${(itineraryPage / rawSlots).toFixed(1)}×`);

await app.close();
await database.close();
