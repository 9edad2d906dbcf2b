import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { topics } from '../../src/modules/organisations/organisations.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';
import { serveForChromium } from './browser.js';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let eventId: number;

const DESCRIPTION = {
  de: 'Geld für jedes Kind bis 18 Jahre, in Ausbildung oder Studium bis 25 Jahre. Wir helfen beim Antrag und prüfen, ob Ihnen der Kinderzuschlag zusteht.',
  en: 'Money for every child up to 18, in training or at university up to 25. We help with the application and check whether you can get the child supplement.',
};

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  // Long explanations, as the demo's topics have: they made the page tall and the text one word per line.
  for (const key of ['kindergeld', 'wohngeld']) {
    await database.db.update(topics).set({ description: DESCRIPTION }).where(eq(topics.id, org.topic(key).id));
  }
  eventId = (await createEvent(database.db, org)).event.id;
  served = await serveForChromium(database, testClock(BEFORE_EVENT));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

/** The narrowest phone the product promises to serve, without JavaScript. */
async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 568 }, javaScriptEnabled: false, locale: 'de-DE' });
  return context.newPage();
}

describe('booking pages at 320 px', () => {
  it('show topic descriptions as full lines beside their checkbox, not one word per line', async () => {
    const page = await phonePage();
    await page.goto(`${origin}/de/wmk/events/${eventId}/book/topics`);
    const boxes = await page.$$eval('.kern-form-check', (checks) => checks.map((check) => {
      const hint = check.querySelector('.kern-hint')!.getBoundingClientRect();
      const label = check.querySelector('label')!.getBoundingClientRect();
      return { hintWidth: hint.width, hintLeft: hint.left, labelLeft: label.left, checkWidth: check.getBoundingClientRect().width };
    }));
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      // Beside the box, in the label's column, using most of the line (it was 32 px wide before).
      expect(box.hintWidth).toBeGreaterThan(box.checkWidth * 0.6);
      expect(Math.abs(box.hintLeft - box.labelLeft)).toBeLessThan(2);
    }
  });

  it('show the event page\'s "book" button on the first screen', async () => {
    const page = await phonePage();
    await page.goto(`${origin}/de/wmk/events/${eventId}`);
    const button = await page.$eval(`a[href$="/events/${eventId}/book/topics"]`, (a) => a.getBoundingClientRect().bottom);
    expect(button).toBeLessThanOrEqual(568);
  });
});
