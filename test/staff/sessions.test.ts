import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { PASSWORD_HASH_OPTIONS } from '../../src/modules/staff/passwords.js';
import { staff, staffSessions } from '../../src/modules/staff/staff.table.js';
import { buildTestApp, useTestApp } from '../helpers/app.js';
import { Browser, signIn } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const { clock } = env;
const LOGIN = '/de/wmk/staff/login';

beforeEach(async () => {
  clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  const org = await createOrganisation(env.database.db);
  await createStaff(env.database.db, org, 'coordinator');
});

const minutes = (n: number) => clock.set(new Date(clock.now.getTime() + n * 60_000).toISOString());

describe('staff sign-in', () => {
  it('stores passwords as Argon2id with at least OWASP\'s parameters', async () => {
    const [person] = await env.database.db.select().from(staff);
    expect(person!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(PASSWORD_HASH_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(PASSWORD_HASH_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong password with the same message as an unknown address, keeps the address, and logs no address', async () => {
    const browser = new Browser(env.app);
    await browser.get(LOGIN);
    const wrong = await browser.post(LOGIN, { email: 'coordinator@wmk.example', password: 'wrong password!' });
    const unknown = await browser.post(LOGIN, { email: 'nobody@wmk.example', password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('E-Mail-Adresse oder Passwort sind nicht richtig.');
    expect(browser.html().querySelector('#field-email')!.getAttribute('value')).toBe('nobody@wmk.example');
    const failures = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'login_failed'));
    expect(failures).toHaveLength(2);
    expect(JSON.stringify(failures)).not.toContain('@');
  });

  it('sends anonymous visitors to the sign-in page, and signed-in staff to their overview', async () => {
    const anonymous = await new Browser(env.app).get('/de/wmk/staff');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(LOGIN);
    const browser = await signIn(env.app, 'wmk', 'Coordinator@WMK.example', STAFF_PASSWORD);
    expect(browser.last.headers.location).toBe('/de/wmk/staff');
    expect((await browser.get('/de/wmk/staff')).statusCode).toBe(200);
  });

  it('makes a new session at every login and ends the one the browser held', async () => {
    const browser = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    const first = await env.database.db.select().from(staffSessions);
    await browser.get('/de/wmk/staff');
    await browser.post(LOGIN, { email: 'coordinator@wmk.example', password: STAFF_PASSWORD });
    const second = await env.database.db.select().from(staffSessions);
    expect(second).toHaveLength(1);
    expect(second[0]!.tokenHash).not.toBe(first[0]!.tokenHash);
  });

  it('ends a session after 30 idle minutes, keeps an active one, and ends every session after 10 hours', async () => {
    const browser = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    for (let i = 0; i < 29; i++) {
      minutes(20);
      expect((await browser.get('/de/wmk/staff')).statusCode).toBe(200);
    }
    minutes(20); // 10 h 0 min after login
    const late = await browser.get('/de/wmk/staff');
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe(`${LOGIN}?expired=1`);

    const idle = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    minutes(31);
    expect((await idle.get('/de/wmk/staff')).headers.location).toBe(`${LOGIN}?expired=1`);
    expect(await env.database.db.select().from(staffSessions)).toHaveLength(0);
    await idle.get(`${LOGIN}?expired=1`);
    expect(idle.last.body).toContain('Sie wurden abgemeldet');
  });

  it('keeps the forms of a long shift working: the cookie with the form secret lives as long as the work goes on', async () => {
    const browser = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await browser.get('/de/wmk/staff'); // the first page after login writes the form secret
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // That cookie expires two hours after it was last written, by the real clock (the staff session uses the app's).
      vi.setSystemTime(start + 90 * 60_000);
      await browser.get('/de/wmk/staff/password');
      vi.setSystemTime(start + 3 * 60 * 60_000);
      const response = await browser.post('/de/wmk/staff/password', { current: 'wrong', password: 'a new long password', repeat: 'a new long password' });
      expect(response.statusCode).toBe(400);
      expect(browser.html().querySelector('.error-summary')?.text).toContain('Das jetzige Passwort ist nicht richtig.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs out for real: the old cookie opens nothing afterwards', async () => {
    const browser = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    const cookie = browser.last.cookies.find((c) => c.name === 'familientag-staff')!;
    await browser.get('/de/wmk/staff');
    const out = await browser.post('/de/wmk/staff/logout');
    expect(out.statusCode).toBe(303);
    const replay = await env.app.inject({ url: '/de/wmk/staff', cookies: { 'familientag-staff': cookie.value } });
    expect(replay.statusCode).toBe(303);
    expect(await env.database.db.select().from(staffSessions)).toHaveLength(0);
  });

  it('changes the password and ends the other sessions', async () => {
    const other = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    const browser = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await browser.get('/de/wmk/staff/password');
    const short = await browser.post('/de/wmk/staff/password', { current: STAFF_PASSWORD, password: 'short', repeat: 'short' });
    expect(short.statusCode).toBe(400);
    const changed = await browser.post('/de/wmk/staff/password', { current: STAFF_PASSWORD, password: 'a much longer passphrase', repeat: 'a much longer passphrase' });
    expect(changed.statusCode).toBe(200);
    expect((await browser.get('/de/wmk/staff')).statusCode).toBe(200);
    expect((await other.get('/de/wmk/staff')).statusCode).toBe(303);
    await signIn(env.app, 'wmk', 'coordinator@wmk.example', 'a much longer passphrase');
  });
});

describe('the session cookie behind https', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(env.database, clock, { PUBLIC_URL: 'https://familientag.example', LOGIN_ATTEMPTS_PER_15_MINUTES: '3' });
  });
  afterAll(() => app.close());

  it('is __Host-, Secure, HttpOnly and SameSite=Strict', async () => {
    const browser = await signIn(app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    const header = [browser.last.headers['set-cookie']].flat().find((c) => c!.startsWith('__Host-familientag-staff='))!;
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).not.toMatch(/Domain=/);
  });

  it('throttles login attempts per address', async () => {
    const browser = new Browser(app);
    await browser.get(LOGIN);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await browser.post(LOGIN, { email: 'target@wmk.example', password: 'guess' + i })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
