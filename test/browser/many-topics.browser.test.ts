import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { events } from '../../src/modules/events/events.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, type OrganisationFixture, createEvent } from '../helpers/fixtures.js';
import { ALL_SEVEN, demoDesks, organisationWithSevenTopics } from '../helpers/many-topics.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let org: OrganisationFixture;
let longEvent: number;
let shortEvent: number;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await organisationWithSevenTopics(database.db, 2);
  longEvent = (await createEvent(database.db, org, { desks: demoDesks('18:00') })).event.id;
  await database.db.update(events).set({ endsLocal: '18:00' }).where(eq(events.id, longEvent));
  shortEvent = (await createEvent(database.db, org, {
    localDate: '2027-03-11', desks: [...demoDesks('16:00'), { label: 'Tisch 6', topicKeys: ['extra1', 'extra2'] }],
  })).event.id;
  served = await serveForChromium(database, testClock(BEFORE_EVENT));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

describe('many topics in a real browser', () => {
  it.each(['de', 'en'])('shows waits, the topic limit and the "does not fit" page without axe violations or sideways scrolling at 320 px, in %s', async (lang) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    const check = async () => {
      problems.push(...await accessibilityViolations(page));
      if (await scrollsSideways(page)) problems.push(`sideways: ${page.url()}`);
    };
    const chooseTopics = async (eventId: number, keys: string[]) => {
      await page.goto(`${origin}/${lang}/wmk/events/${eventId}/book/topics`);
      for (const key of keys) await page.check(`input[name="topics"][value="${org.topic(key).id}"]`);
      await page.click('button[type="submit"]');
    };

    await chooseTopics(longEvent, ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld']);
    expect(page.url()).toMatch(/\/book\/time$/);
    expect(await page.locator('.itinerary-wait').count()).toBeGreaterThan(0);
    await check();

    await chooseTopics(shortEvent, ALL_SEVEN);
    expect(await page.locator('.no-fit').count()).toBe(1);
    await check();
    await page.click('form[action$="/book/topics"] button[type="submit"]');
    expect(page.url()).toMatch(/\/book\/time$/);
    expect(await page.locator('input[name="itinerary"]').count()).toBeGreaterThan(0);

    await chooseTopics(shortEvent, [...ALL_SEVEN, 'extra1', 'extra2']);
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check();
    expect(problems).toEqual([]);
    await context.close();
  });
});
