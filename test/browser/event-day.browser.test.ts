import { asc, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { tickets, visits } from '../../src/modules/queue/queue.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import {
  STAFF_PASSWORD, assignExpert, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';

/** 13:50 in Berlin on the event day; the desks open at 14:00. */
const EVENT_DAY = '2027-03-10T12:50:00Z';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let eventId: number;
let deskId: number;
let codes: string[];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const org = await createOrganisation(db);
  const { event, deskIds } = await createEvent(db, org);
  eventId = event.id;
  deskId = deskIds[0]!;
  const deskSlots = await slotsOfDesk(db, deskId);
  codes = [
    (await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: deskSlots[0]!.id }], 'Aylin Kaya')).code,
    (await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: deskSlots[1]!.id }], 'Familie Novak')).code,
  ];
  for (const role of ['coordinator', 'desk'] as const) await createStaff(db, org, role);
  const { id: expertId } = await createStaff(db, org, 'expert', { topicKeys: ['kindergeld'] });
  await assignExpert(db, deskId, expertId);
  served = await serveForChromium(database, testClock(EVENT_DAY));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

const window = (options: { width?: number; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, javaScriptEnabled: options.javaScriptEnabled ?? true, locale: 'de-DE' });

async function signIn(page: Page, role: string) {
  await page.goto(`${origin}/de/wmk/staff/login`);
  await page.fill('#field-email', `${role}@wmk.example`);
  await page.fill('#field-password', STAFF_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${origin}/de/wmk/staff`);
}

const staffPath = (path: string) => `${origin}/de/wmk/staff/events/${eventId}${path}`;
const LIVE_TIMEOUT = { timeout: 10_000 };

describe('a whole event day in three windows: front desk, expert, waiting-room display', () => {
  it('checks in, takes a walk-in, calls, consults, finishes and marks a no-show, with display and ticket page following live', async () => {
    const violations: string[] = [];
    const check = async (page: Page) => violations.push(...await accessibilityViolations(page));

    const display = await (await window()).newPage();
    await display.goto(`${origin}/de/wmk/events/${eventId}/display`);
    await check(display);

    const desk = await (await window()).newPage();
    await desk.goto(`${origin}/de/wmk/staff/login`);
    await check(desk);
    await signIn(desk, 'desk');
    await check(desk);
    await desk.goto(staffPath('/board'));
    await check(desk);
    await desk.fill('#field-q', codes[0]!.toLowerCase());
    await desk.click('form[role=search] button[type="submit"]');
    await check(desk);
    await desk.click('tbody button[type="submit"]');
    await desk.waitForURL(/\/tickets\/\d+$/);
    await check(desk);
    expect(await desk.textContent('.slip__number')).toBe('1');
    const ticketPath = new URL((await desk.textContent('.slip__link'))!.trim()).pathname;

    // The family follows its turn on its own phone, outside with the children.
    const family = await (await window({ width: 320 })).newPage();
    await family.goto(origin + ticketPath);
    await check(family);
    expect(await scrollsSideways(family)).toBe(false);
    expect(await family.locator('.your-turn').count()).toBe(0);

    await desk.goto(staffPath('/walk-in'));
    await check(desk);
    await desk.check('input[name="topicIds"] >> nth=0');
    await desk.click('main button[type="submit"]');
    await desk.waitForURL(/\/tickets\/\d+$/);
    expect(await desk.textContent('.slip__number')).toBe('2');

    const expert = await (await window()).newPage();
    await signIn(expert, 'expert');
    await expert.goto(staffPath(`/desks/${deskId}/queue`));
    await check(expert);
    await expert.click('text=Nächste Familie aufrufen');
    await check(expert);

    // Without any reload: the display and the family's page show the call.
    await display.locator('.display__call--latest', { hasText: 'Tisch 1' }).waitFor(LIVE_TIMEOUT);
    expect((await display.textContent('.display__call--latest .display__number'))!.replace(/\D/g, '')).toBe('1');
    await family.locator('.your-turn', { hasText: 'Tisch 1' }).waitFor(LIVE_TIMEOUT);
    await check(display);
    await check(family);

    await expert.click('text=Beratung beginnen');
    await expert.click('text=Beratung beenden');
    // Finishing leads to the anonymous checklist; skipping it goes back to the queue.
    await expert.waitForURL(/\/checklist$/);
    await check(expert);
    await expert.click('text=Überspringen');
    await expert.click('text=Nächste Familie aufrufen');
    await display.locator('.display__call--latest .display__number', { hasText: '2' }).waitFor(LIVE_TIMEOUT);
    await expert.click('text=Nochmals aufrufen');
    await expert.click('text=Nochmals aufrufen');
    await expert.click('text=Nicht erschienen');
    await check(expert);

    // The front desk's board follows as well: family 1 done, the second booked family still expected.
    await desk.goto(staffPath('/board'));
    await check(desk);
    const rows = await database.db
      .select({ number: tickets.number, status: visits.status, callCount: visits.callCount })
      .from(visits).innerJoin(tickets, eq(tickets.id, visits.ticketId)).orderBy(asc(tickets.number));
    expect(rows).toEqual([{ number: 1, status: 'done', callCount: 1 }, { number: 2, status: 'no_show', callCount: 3 }]);
    expect(violations).toEqual([]);
  });

  it('has no axe violations on the coordinator\'s pages, including a refused form', async () => {
    const page = await (await window()).newPage();
    await signIn(page, 'coordinator');
    const violations: string[] = [];
    const paths = [
      '/events', '/events?past=1', '/events/new', '/events/plan', `/events/${eventId}`, `/events/${eventId}/move`, `/events/${eventId}/cancel`,
      `/events/${eventId}/desks/new`, `/events/${eventId}/desks/${deskId}`, '/venues', '/venues/new', '/topics', '/topics/new',
      '/people', '/people/new', '/audit', '/password', '/settings',
    ];
    for (const path of paths) {
      await page.goto(`${origin}/de/wmk/staff${path}`);
      violations.push(...await accessibilityViolations(page));
    }
    await page.goto(staffPath(`/desks/${deskId}`));
    await page.fill('#field-slotMinutes', '45');
    await page.click('main form button[type="submit"] >> nth=0');
    expect(await page.textContent('#field-form')).toContain(codes[0]!);
    violations.push(...await accessibilityViolations(page));
    await page.goto(`${origin}/de/wmk/staff/events/plan`);
    await page.fill('#field-endsLocal', '08:00');
    await page.click('main button[type="submit"]');
    // autofocus takes effect once the page has loaded, which can come after the click resolves on a busy machine.
    expect(await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 5000 }).then(() => true, () => false)).toBe(true);
    violations.push(...await accessibilityViolations(page));
    expect(violations).toEqual([]);
  });
});
