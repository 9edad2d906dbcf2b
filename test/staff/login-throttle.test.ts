import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';

const LOGIN = '/de/wmk/staff/login';
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  await createStaff(database.db, org, 'coordinator');
  app = await buildTestApp(database, testClock(BEFORE_EVENT), {
    TRUST_PROXY: '127.0.0.1', LOGIN_ATTEMPTS_PER_15_MINUTES: '3', LOGIN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: '5',
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const from = (address: string) => new Browser(app, { 'x-forwarded-for': address });

async function attempt(browser: Browser, email: string, password: string) {
  if (!browser.last) await browser.get(LOGIN);
  return (await browser.post(LOGIN, { email, password })).statusCode;
}

describe('staff sign-in throttling', () => {
  it('never counts successful sign-ins', async () => {
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push(await attempt(from('192.0.2.10'), 'coordinator@wmk.example', STAFF_PASSWORD));
    expect(statuses).toEqual(Array(8).fill(303));
  });

  it('stops guessing one account from one address, but not its owner elsewhere', async () => {
    const attacker = from('192.0.2.11');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await attempt(attacker, 'coordinator@wmk.example', `guess ${i}`));
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(attacker.last.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(attacker.html().querySelector('main')!.text).toContain('Bitte warten Sie 15 Minuten');
    // The right password does not get through from the blocked address either.
    expect(await attempt(attacker, 'coordinator@wmk.example', STAFF_PASSWORD)).toBe(429);
    expect(await attempt(from('192.0.2.12'), 'coordinator@wmk.example', STAFF_PASSWORD)).toBe(303);
  });

  it('slows down spraying one password over many e-mail addresses from one address', async () => {
    const sprayer = from('192.0.2.13');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push(await attempt(sprayer, `person${i}@wmk.example`, 'Sommer2026!'));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(await attempt(from('192.0.2.14'), 'person0@wmk.example', 'Sommer2026!')).toBe(401);
  });

  it('lets no parallel burst past the limit', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, async (_, i) => attempt(from('192.0.2.15'), 'coordinator@wmk.example', `burst ${i}`)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });
});
