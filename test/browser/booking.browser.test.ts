import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';
import { type PageCheck, bookThrough, standalonePages } from './flows.js';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let eventId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  await createOrganisation(database.db, 'kassel');
  eventId = (await createEvent(database.db, org)).event.id;
  served = await serveForChromium(database, testClock(BEFORE_EVENT));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

/** A phone without JavaScript: 320 px wide, the narrowest screen the product promises to serve. */
const phone = (javaScriptEnabled: boolean): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled, locale: 'de-DE' });

/** Books Kindergeld + Wohngeld by clicking through, checking every page on the way. */
const bookWithChecks = (page: Page, lang: string, check: PageCheck) => bookThrough(page, origin, lang, eventId, check);

describe('booking in a real browser', () => {
  it('works with JavaScript off on a 320 px screen, without sideways scrolling', async () => {
    const context = await phone(false);
    const page = await context.newPage();
    const wide: string[] = [];
    const manage = await bookWithChecks(page, 'de', async (p) => {
      if (await scrollsSideways(p)) wide.push(p.url());
    });
    expect(wide).toEqual([]);
    await page.goto(manage);
    expect(await page.textContent('.booking-code bdi')).toMatch(/^[A-Z0-9]{6}$/);
    expect(await page.locator('.appointment-list li').allTextContents()).toEqual([
      '14:00 Kindergeld (Tisch 1)', '14:30 Wohngeld (Tisch 2)',
    ]);
    await context.close();
  });

  it.each(['de', 'en'])('has no axe violations (WCAG 2.2 A/AA) on any page of the flow, in %s', async (lang) => {
    const context = await phone(true);
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of standalonePages(lang)) {
      await page.goto(origin + path);
      violations.push(...await accessibilityViolations(page));
    }
    await bookWithChecks(page, lang, async (p) => {
      violations.push(...await accessibilityViolations(p));
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('would notice a violation: the axe check is not vacuous', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    await page.goto(`${origin}/de/wmk`);
    await page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input type="text"><button type="button"></button>');
    });
    const violations = await accessibilityViolations(page);
    expect(violations.some((v) => v.includes(' label:'))).toBe(true);
    expect(violations.some((v) => v.includes(' button-name:'))).toBe(true);
    await context.close();
  });

  it('moves focus to the error summary and starts the title with "Fehler:"', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    await page.goto(`${origin}/de/wmk/events/${eventId}/book/topics`);
    await page.click('button[type="submit"]');
    expect(await page.title()).toMatch(/^Fehler: /);
    // autofocus takes effect once the page has loaded, which can come after the click resolves on a busy machine.
    expect(await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 5000 }).then(() => true, () => false)).toBe(true);
    await page.click('.error-summary a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-topics');
    await context.close();
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    await page.goto(`${origin}/de/wmk`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await context.close();
  });
});
