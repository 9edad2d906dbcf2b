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
import { type PageCheck, precheckThrough } from './flows.js';

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

const checkThrough = (page: Page, lang: string, check: PageCheck) => precheckThrough(page, origin, lang, check);

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
  }, 120_000);

  it.each(['ar', 'fa'])('reads right to left in %s on a 320 px phone with JavaScript off, without sideways scrolling', async (lang) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const wrong: string[] = [];
    await checkThrough(page, lang, async (p) => {
      const dir = await p.evaluate(() => document.documentElement.dir);
      if (dir !== 'rtl') wrong.push(`${p.url()}: dir=${dir}`);
      if (await scrollsSideways(p)) wrong.push(`${p.url()}: scrolls sideways`);
    });
    expect(wrong).toEqual([]);
    await context.close();
  }, 120_000);

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
  }, 240_000); // axe on some twenty pages, on a busy two-core machine
});
