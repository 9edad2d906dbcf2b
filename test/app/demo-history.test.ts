import { and, count, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { seedDemo } from '../../src/modules/demo/demo.seed.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { bookingNeedsTallies } from '../../src/modules/booking/needs-tally.table.js';
import { events } from '../../src/modules/events/events.table.js';
import { intakeRecords } from '../../src/modules/intake/intake.table.js';
import { organisations } from '../../src/modules/organisations/organisations.table.js';
import { tickets, visits } from '../../src/modules/queue/queue.table.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { signIn } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';

let database: Database;
let seededInMs = 0;
const NOW = '2026-11-21T09:00:00Z';
beforeAll(async () => {
  database = await openTestDatabase();
  const started = performance.now();
  await seedDemo(database.db, new Date(NOW));
  seededInMs = performance.now() - started;
});
afterAll(async () => database?.close());

describe('demo history', () => {
  it('adds twelve past months per county, anonymised, with visits, walk-ins, no-shows and checklists, quickly', async () => {
    const { db } = database;
    // Measured on the machine that runs the tests; the whole demo (two counties, a year each) stays small.
    console.log(`demo seed: ${Math.round(seededInMs)} ms on ${(database as { target?: string }).target}`);
    expect(seededInMs).toBeLessThan(15_000);
    for (const slug of ['wmk', 'kassel']) {
      const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
      const past = await db.select().from(events).where(and(eq(events.organisationId, org!.id), lt(events.localDate, '2026-11-01'), gte(events.localDate, '2025-11-01')));
      expect(past).toHaveLength(12);
      const ids = past.map((e) => e.id);
      const pastBookings = (await db.select().from(bookings).where(eq(bookings.organisationId, org!.id))).filter((b) => ids.includes(b.eventId));
      expect(pastBookings.length).toBeGreaterThan(100);
      expect(pastBookings.every((b) => b.anonymisedAt && b.name === '' && b.email === null && b.interpreterLanguage === null && !b.childcare)).toBe(true);
      const [tallied] = await db.select({ n: count() }).from(bookingNeedsTallies);
      expect(tallied!.n).toBeGreaterThan(0);
      const pastTickets = (await db.select().from(tickets).where(eq(tickets.organisationId, org!.id))).filter((t) => ids.includes(t.eventId));
      expect(pastTickets.some((t) => t.kind === 'walk_in')).toBe(true);
      // Some booked families never came: fewer booked tickets than bookings.
      expect(pastTickets.filter((t) => t.kind === 'booked').length).toBeLessThan(pastBookings.length);
      const pastVisits = (await db.select().from(visits)).filter((v) => ids.includes(v.eventId));
      expect(pastVisits.some((v) => v.kind === 'sent_on')).toBe(true);
      const records = (await db.select().from(intakeRecords)).filter((r) => ids.includes(r.eventId));
      expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['recorded', 'declined', 'skipped']));
      expect(records.some((r) => r.withoutTicket)).toBe(true);
    }
  });

  it('gives the coordinator a complete year of charts, tables and CSV on the first start', async () => {
    const app = await buildTestApp(database, testClock(NOW));
    try {
      const coordinator = await signIn(app, 'wmk', 'koordination@wmk.demo', 'familientag-demo');
      await coordinator.get('/de/wmk/staff/evaluation');
      expect(coordinator.last.statusCode).toBe(200);
      const html = coordinator.html();
      expect(html.querySelector('select[name="year"] option[selected]')!.text).toBe('Jahr 1: November 2025 bis Oktober 2026');
      expect(html.querySelectorAll('#table-trend tbody tr')).toHaveLength(12);
      expect(html.querySelectorAll('figure.evaluation-chart svg')).toHaveLength(3);
      const shown = html.querySelectorAll('td[data-kind="shown"]').map((td) => Number(td.text.replace(/\D/g, '')));
      expect(shown.length).toBeGreaterThan(30);
      expect(Math.min(...shown)).toBeGreaterThanOrEqual(5);
      const csv = await coordinator.get('/de/wmk/staff/evaluation/trend.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(13);
      const english = await coordinator.get('/en/wmk/staff/evaluation?topic=' + html.querySelector('select[name="topic"] option:nth-child(2)')!.getAttribute('value'));
      expect(english.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
