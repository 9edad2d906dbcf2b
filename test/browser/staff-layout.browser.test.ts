import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
import type { Database } from '../../src/db/client.js';
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

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const org = await createOrganisation(db);
  const { event, deskIds } = await createEvent(db, org);
  eventId = event.id;
  deskId = deskIds[0]!;
  const deskSlots = await slotsOfDesk(db, deskId);
  await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: deskSlots[0]!.id }], 'Aylin Kaya-Schneidereit');
  await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: deskSlots[1]!.id }], 'Familie Novak');
  await db.update(bookings).set({ interpreterLanguage: 'ar', childcare: true, phone: '0151 2345678' });
  for (const role of ['coordinator', 'desk'] as const) await createStaff(db, org, role);
  const { id: expertId } = await createStaff(db, org, 'expert', { topicKeys: ['kindergeld'] });
  await assignExpert(db, deskId, expertId);
  served = await serveForChromium(database, testClock(EVENT_DAY));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

async function signedIn(role: string, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 }, locale: 'de-DE' })).newPage();
  await page.goto(`${origin}/de/wmk/staff/login`);
  await page.fill('#field-email', `${role}@wmk.example`);
  await page.fill('#field-password', STAFF_PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${origin}/de/wmk/staff`);
  return page;
}

const staffPath = (path: string) => `${origin}/de/wmk/staff/events/${eventId}${path}`;

/** Buttons and links-as-buttons in main whose text does not fit (the "meld" of a clipped "Anmelden"). */
const clippedButtons = (page: Page) => page.$$eval('main .kern-btn', (buttons) => buttons
  .filter((b) => (b as HTMLElement).offsetParent !== null && (b.scrollWidth > b.clientWidth + 1 || b.querySelector('.kern-label')!.getBoundingClientRect().width > b.getBoundingClientRect().width + 1))
  .map((b) => b.textContent!.trim()));

const mainWidth = (page: Page) => page.$eval('main', (main) => main.getBoundingClientRect().width);

describe('staff pages on a 1280 px screen and on a 320 px phone', () => {
  it('use the width of a desk screen, with nothing clipped', async () => {
    const desk = await signedIn('desk', 1280);
    const expert = await signedIn('expert', 1280);
    const coordinator = await signedIn('coordinator', 1280);
    const pages: Array<[Page, string]> = [
      [desk, '/board'], [desk, '/walk-in'], [desk, '/needs'], [expert, `/desks/${deskId}/queue`], [coordinator, ''], [coordinator, `/desks/${deskId}`],
    ];
    for (const [page, path] of pages) {
      await page.goto(staffPath(path));
      expect(await mainWidth(page), path).toBeGreaterThan(900);
      expect(await clippedButtons(page), path).toEqual([]);
    }

    await desk.goto(staffPath('/board'));
    const checkIn = desk.locator('tbody button[type="submit"]').first();
    expect(await checkIn.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    expect(await checkIn.evaluate((b) => b.getBoundingClientRect().width)).toBeGreaterThan(80);
    // No empty gap under the search field: the buttons sit beside it, bottoms aligned.
    const field = await desk.locator('#field-q').boundingBox();
    const search = await desk.locator('form[role=search] button[type=submit]').boundingBox();
    expect(Math.abs(field!.y + field!.height - (search!.y + search!.height))).toBeLessThan(4);
    expect(await desk.locator('video[data-scan-video]').evaluate((v) => getComputedStyle(v).display)).toBe('none');
  });

  it('draw selects with KERN\'s border and arrow, and put fieldset legends above their checkboxes', async () => {
    const desk = await signedIn('desk', 1280);
    await desk.goto(staffPath('/walk-in'));
    const wrapper = desk.locator('#field-language').locator('xpath=..');
    expect(await wrapper.getAttribute('class')).toContain('kern-form-input__select-wrapper');
    expect(await wrapper.evaluate((w) => getComputedStyle(w).borderBottomWidth)).not.toBe('0px');
    expect(await wrapper.evaluate((w) => getComputedStyle(w, '::after').maskImage || getComputedStyle(w, '::after').webkitMaskImage)).toContain('svg');
    const legend = await desk.locator('#field-topicIds legend').boundingBox();
    const firstBox = await desk.locator('#field-topicIds input[type=checkbox]').first().boundingBox();
    expect(firstBox!.y).toBeGreaterThanOrEqual(legend!.y + legend!.height - 1);

    const coordinator = await signedIn('coordinator', 1280);
    await coordinator.goto(staffPath(`/desks/${deskId}`));
    const topics = coordinator.locator('fieldset').first();
    const topicsLegend = await topics.locator('legend').boundingBox();
    const topicsBox = await topics.locator('input[type=checkbox]').first().boundingBox();
    expect(topicsBox!.y).toBeGreaterThanOrEqual(topicsLegend!.y + topicsLegend!.height - 1);
    expect(await coordinator.locator('#field-expertId').locator('xpath=..').getAttribute('class')).toContain('kern-form-input__select-wrapper');
  });

  it('reflow at 320 px without sideways scrolling and pass axe, the new event-day pages included', async () => {
    const desk = await signedIn('desk', 320);
    const expert = await signedIn('expert', 320);
    const violations: string[] = [];
    // A family checks in, is called three times and does not come: the board offers "back in the queue",
    // the desk screen offers undo and lists the family.
    await desk.goto(staffPath('/board'));
    await desk.click('tbody button[type="submit"] >> nth=0');
    await desk.waitForURL(/\/tickets\/\d+$/);
    violations.push(...await accessibilityViolations(desk));
    await expert.goto(staffPath(`/desks/${deskId}/queue`));
    await expert.click('text=Nächste Familie aufrufen');
    await expert.click('text=Nochmals aufrufen');
    await expert.click('text=Nochmals aufrufen');
    await expert.click('text=Nicht erschienen');
    expect(await expert.locator('.undo-step').count()).toBe(1);
    expect(await expert.locator('.missed').count()).toBe(1);
    for (const [page, path] of [[desk, '/board'], [desk, '/needs'], [desk, '/walk-in'], [expert, `/desks/${deskId}/queue`]] as const) {
      await page.goto(staffPath(path));
      expect(await scrollsSideways(page), path).toBe(false);
      expect(await clippedButtons(page), path).toEqual([]);
      violations.push(...await accessibilityViolations(page));
    }
    await desk.goto(staffPath('/board'));
    expect(await desk.locator('tbody form[action$="/back-in-queue"]').count()).toBe(1);
    expect(violations).toEqual([]);
  });
});
