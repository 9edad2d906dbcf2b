import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { events } from '../../src/modules/events/events.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { createEvent, createOrganisation } from '../helpers/fixtures.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  const { event } = await createEvent(database.db, org, { localDate: '2026-03-10' });
  await database.db.update(events).set({ bookingOpensAt: new Date('2026-01-01T00:00:00Z') }).where(eq(events.id, event.id));
  served = await serveForChromium(database, testClock('2026-03-02T09:00:00Z'));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

/**
 * From the start page through every question (one error on the way, one "I don't know"), the result, and
 * "Book these topics" into the booking's time step; `check` runs on every page.
 */
async function checkThrough(page: Page, lang: string, check: (page: Page) => Promise<void>) {
  await page.goto(`${origin}/${lang}/wmk`);
  await check(page);
  await page.click(`a[href="/${lang}/wmk/check"]`);
  await check(page);
  await page.click(`a[href="/${lang}/wmk/check/household"]`);
  await page.click('button[type="submit"]'); // nothing chosen: the error state
  await check(page);
  await page.check('input[value="single"]');
  await page.click('button[type="submit"]');
  await check(page);
  await page.selectOption('#field-band6to11', '1');
  await page.selectOption('#field-band12to17', '1');
  await page.click('button[type="submit"]:not([name])');
  for (const answer of ['all', 'no', '600to899', 'over400']) {
    await check(page);
    await page.check(`input[value="${answer}"]`);
    await page.click('button[type="submit"]');
  }
  await check(page); // maintenance, one question per child
  await page.check('#field-child0');
  await page.click('button[name="skip"]');
  await check(page);
  await page.check('input[value="yes"]');
  await page.click('button[type="submit"]');
  await check(page); // the result
  await page.click('form[action$="/book/topics"] button');
  await check(page);
  expect(page.url()).toMatch(/\/book\/time$/);
}

describe('the pre-check in a real browser', () => {
  it('works with JavaScript off on a 320 px screen, without sideways scrolling, into the booking', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false, locale: 'de-DE' });
    const page = await context.newPage();
    const wide: string[] = [];
    const titles: string[] = [];
    await checkThrough(page, 'de', async (p) => {
      titles.push(await p.title());
      if (await scrollsSideways(p)) wide.push(p.url());
    });
    expect(wide).toEqual([]);
    expect(titles).toContain('Fehler: Sind Sie alleinerziehend oder leben Sie als Paar mit den Kindern? – Tag der Familienleistungen');
    expect(titles.some((t) => t.startsWith('Was für Sie in Frage kommt'))).toBe(true);
    expect(await database.db.select().from(bookings)).toEqual([]); // nothing is booked before the family confirms
    await context.close();
  });

  it('has no WCAG 2.2 AA violations on any page of the check, in de and en', async () => {
    const violations: string[] = [];
    for (const lang of ['de', 'en']) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await checkThrough(page, lang, async (p) => {
        violations.push(...(await accessibilityViolations(p)).map((v) => `${p.url()}: ${v}`));
      });
      await page.goto(`${origin}/${lang}/wmk/check/result`);
      violations.push(...(await accessibilityViolations(page)).map((v) => `${page.url()}: ${v}`));
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
