import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { databaseCounterStore } from '../../src/plugins/rate-limit.store.js';
import { rateLimitCounters } from '../../src/plugins/rate-limit.table.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';

let database: Database;
let eventId: number;
let kindergeld: number;
const clock = testClock(BEFORE_EVENT);
const defaults = loadConfig({ NODE_ENV: 'test' }).rateLimits;
const opened: FastifyInstance[] = [];
/** The tests' requests come from 127.0.0.1, a trusted proxy here, so X-Forwarded-For picks each client's address. */
const behindProxy = { TRUST_PROXY: '127.0.0.1' };

async function app(env: Record<string, string> = {}) {
  const built = await buildTestApp(database, clock, { ...behindProxy, ...env });
  opened.push(built);
  return built;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  // Ten Kindergeld desks with 5-minute slots: 240 times, enough for a rush of 200 families.
  const desks = Array.from({ length: 10 }, (_, i) => ({ label: `Tisch ${i + 1}`, topicKeys: ['kindergeld'], slotMinutes: 5 }));
  eventId = (await createEvent(database.db, org, { desks })).event.id;
  kindergeld = org.topic('kindergeld').id;
});
afterAll(async () => {
  for (const built of opened) await built.close();
  await database?.close();
});

/** A family's browser from `address`, answered up to the check page with the first free time. */
async function atCheckPage(target: FastifyInstance, address: string, itinerary?: string) {
  const browser = new Browser(target, { 'x-forwarded-for': address });
  const base = `/de/wmk/events/${eventId}/book`;
  await browser.get(`${base}/topics`);
  await browser.post(`${base}/topics`, { topics: String(kindergeld) });
  await browser.follow();
  const first = browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
  await browser.post(`${base}/time`, { itinerary: itinerary ?? first });
  await browser.post(`${base}/contact`, { name: 'Familie' });
  await browser.post(`${base}/needs`, { language: 'de', interpreter: 'none' });
  await browser.follow();
  return { browser, base, itinerary: itinerary ?? first };
}

const confirm = (browser: Browser, base: string) => browser.post(`${base}/check`, { consent: 'yes' });

describe('bookings from one shared address (a carrier NAT, a family centre Wi-Fi)', () => {
  it('lets 200 families behind one address book within the hour at the default settings', async () => {
    const nat = await app({ RATE_LIMIT_BOOKINGS_PER_HOUR: String(defaults.bookingsPerHour) });
    const statuses = new Map<number, number>();
    for (let family = 0; family < 200; family++) {
      const { browser, base } = await atCheckPage(nat, '198.51.100.1');
      const status = (await confirm(browser, base)).statusCode;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 303: 200 });
  }, 240_000);

  it('counts only confirmed bookings: slots just taken and form errors (each sent back to its page) use up nothing', async () => {
    const limited = await app({ RATE_LIMIT_BOOKINGS_PER_HOUR: '2' });
    const address = '198.51.100.2';
    const first = await atCheckPage(limited, address);
    const rival = await atCheckPage(limited, address, first.itinerary);
    for (let i = 0; i < 3; i++) {
      const rejected = await first.browser.post(`${first.base}/check`, {});
      expect(rejected.statusCode).toBe(303);
      expect(rejected.headers.location).toBe(`${first.base}/check`);
    }
    // A browser whose draft has expired is sent back to the start: no booking, nothing counted.
    const expired = new Browser(limited, { 'x-forwarded-for': address });
    await expired.get(`${first.base}/topics`);
    for (let i = 0; i < 3; i++) expect((await expired.post(`${first.base}/check`, { consent: 'yes' })).headers.location).toBe(`${first.base}/topics`);
    expect((await confirm(first.browser, first.base)).statusCode).toBe(303);
    const taken = await confirm(rival.browser, rival.base);
    expect(taken.statusCode).toBe(303);
    expect(taken.headers.location).toBe(`${rival.base}/time?change=1`);
    const second = await atCheckPage(limited, address);
    expect((await confirm(second.browser, second.base)).statusCode).toBe(303);

    const third = await atCheckPage(limited, address);
    const refused = await confirm(third.browser, third.base);
    expect(refused.statusCode).toBe(429);
    // The page tells the wait that Retry-After tells the browser: a fresh hour window, in whole minutes.
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(third.browser.html().querySelector('main')!.text).toContain('Bitte warten Sie 60 Minuten');
    expect(refused.body).not.toContain('einige Minuten');

    // Another address is not affected.
    const elsewhere = await atCheckPage(limited, '203.0.113.50');
    expect((await confirm(elsewhere.browser, elsewhere.base)).statusCode).toBe(303);
  }, 60_000);

  it('shares the allowance between server processes on one PostgreSQL database', async () => {
    const one = await app({ RATE_LIMIT_BOOKINGS_PER_HOUR: '1' });
    const two = await app({ RATE_LIMIT_BOOKINGS_PER_HOUR: '1' });
    const address = '198.51.100.3';
    const onOne = await atCheckPage(one, address);
    expect((await confirm(onOne.browser, onOne.base)).statusCode).toBe(303);
    const onTwo = await atCheckPage(two, address);
    // PGlite is one process by definition, so there each app keeps its own counters in memory.
    expect((await confirm(onTwo.browser, onTwo.base)).statusCode).toBe(database.kind === 'postgres' ? 429 : 303);
  }, 60_000);
});

describe('the database counter store', () => {
  it('counts per key in fixed windows, shared by every store on the database, and gives hits back', async () => {
    const a = databaseCounterStore(database.db);
    const b = databaseCounterStore(database.db);
    expect(await a.increment('test|x', 60_000)).toMatchObject({ hits: 1 });
    expect(await b.increment('test|x', 60_000)).toMatchObject({ hits: 2 });
    expect((await b.increment('test|y', 60_000)).hits).toBe(1);
    await a.decrement('test|x');
    const read = await b.read('test|x', 60_000);
    expect(read.hits).toBe(1);
    expect(read.ttlMs).toBeGreaterThan(55_000);
    expect(read.ttlMs).toBeLessThanOrEqual(60_000);

    await a.increment('test|short', 200);
    expect((await b.increment('test|short', 200)).hits).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await a.read('test|short', 200)).toEqual({ hits: 0, ttlMs: 0 });
    expect((await b.increment('test|short', 200)).hits).toBe(1);

    // Keys carry client and e-mail addresses: the table holds only their hashes.
    await a.increment('login|198.51.100.77|anna@example.org', 60_000);
    const stored = JSON.stringify(await database.db.select().from(rateLimitCounters));
    expect(stored).not.toContain('198.51.100.77');
    expect(stored).not.toContain('anna@example.org');
  });

  it('lets no parallel burst past the limit', async () => {
    const limited = await app({ RATE_LIMIT_LOOKUPS_PER_MINUTE: '5' });
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      limited.inject({ url: `/de/wmk/booking/BBBBBBBBBBBBBBBBBBBBB${i}`, headers: { 'x-forwarded-for': '198.51.100.9' } })
        .then((response) => response.statusCode)));
    expect(statuses.filter((status) => status === 404)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });
});

describe('look-ups of private links', () => {
  it('count only links that find nothing, and say how long to wait', async () => {
    const limited = await app({ RATE_LIMIT_LOOKUPS_PER_MINUTE: '3' });
    const { browser, base } = await atCheckPage(limited, '198.51.100.4');
    await confirm(browser, base);
    const manage = browser.last.headers.location as string;
    for (let i = 0; i < 10; i++) expect((await browser.get(manage)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await browser.get(`/de/wmk/booking/AAAAAAAAAAAAAAAAAAAAA${i}`)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(Number(browser.last.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(browser.html().querySelector('main')!.text).toContain('Bitte warten Sie 1 Minute ');
    const english = await limited.inject({ url: '/en/wmk/ticket/AAAAAAAAAAAAAAAAAAAAAA', headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(english.statusCode).toBe(429);
    expect(english.body).toContain('Please wait 1 minute and then try again.');
  });
});
