import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { events, slots } from '../../src/modules/events/events.table.js';
import { openTestDatabase } from '../helpers/db.js';
import { createEvent, createOrganisation } from '../helpers/fixtures.js';
import { type Child, startServer, stop } from '../helpers/processes.js';
import { Family } from '../resilience/family.js';

/**
 * Scale-out as the README promises: two server processes on one PostgreSQL database, behind nothing
 * but the OS. 500 families who all want the same single slot confirm at once, half through each
 * process (each confirming on the process that did not serve its earlier steps): exactly one booking.
 */
const FAMILIES = 500;

describe('two server processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let servers: Child[];
  let dataDir: string;
  let book: string;
  let topicId: number;
  let slotId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    const org = await createOrganisation(database.db);
    const localDate = DateTime.now().setZone('Europe/Berlin').plus({ days: 30 }).toISODate()!;
    const { event, deskIds } = await createEvent(database.db, org, {
      localDate, desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'], startsLocal: '10:00', endsLocal: '10:30', slotMinutes: 30 }],
    });
    await database.db.update(events).set({ bookingOpensAt: new Date(Date.now() - 86_400_000) }).where(eq(events.id, event.id));
    const [slot] = await database.db.select().from(slots).where(eq(slots.deskId, deskIds[0]!));
    slotId = slot!.id;
    topicId = org.topic('kindergeld').id;
    book = `/de/wmk/events/${event.id}/book`;
    dataDir = mkdtempSync(path.join(tmpdir(), 'familientag-rush-'));
    const sessionKey = randomBytes(32).toString('hex');
    servers = await Promise.all([0, 1].map(() => startServer({ dataDir, url: database.url! }, sessionKey)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map(stop));
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function familyAtCheck(index: number): Promise<Family> {
    const family = new Family(servers[index % 2]!.url, `Familie ${index}`);
    await family.get(`${book}/topics`);
    await family.post(`${book}/topics`, { topics: String(topicId) });
    await family.post(`${book}/time`, { itinerary: `${topicId}.${slotId}` });
    await family.post(`${book}/contact`, { name: family.name, email: '', phone: '' });
    expect((await family.post(`${book}/needs`, { language: 'de', interpreter: 'none' })).status).toBe(303);
    return family;
  }

  it(`${FAMILIES} families confirm the same slot at once through both processes: exactly one booking`, async () => {
    const families: Family[] = [];
    for (let start = 0; start < FAMILIES; start += 25) {
      families.push(...(await Promise.all(Array.from({ length: 25 }, (_, i) => familyAtCheck(start + i)))));
    }
    // Each family confirms on the other process: the session cookie and the form token hold there too.
    const answers = await Promise.all(families.map((family, index) =>
      family.postTo(servers[(index + 1) % 2]!.url, `${book}/check`, { consent: 'yes' })));

    const booked = answers.filter((a) => a.headers.get('location')?.includes('/booking/'));
    expect(booked).toHaveLength(1);
    expect(answers.every((a) => a.status === 303)).toBe(true);
    // The others are sent back to choose another time, with the "just taken" notice.
    const sentBack = answers.filter((a) => a.headers.get('location')?.endsWith(`${book}/time?change=1`));
    expect(sentBack).toHaveLength(FAMILIES - 1);
    const taken = await families[answers.indexOf(sentBack[0]!)]!.get(`${book}/time?change=1`);
    expect(taken.text).toContain('gerade vergeben');

    const active = await database.db.select().from(bookingItems).where(and(eq(bookingItems.slotId, slotId), eq(bookingItems.active, true)));
    expect(active).toHaveLength(1);
    const rows = await database.db.select().from(bookings).where(eq(bookings.status, 'confirmed'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(active[0]!.bookingId);
  }, 180_000);
});
