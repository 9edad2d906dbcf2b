import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { organisationsChanged } from '../../src/modules/organisations/organisations.directory.js';
import { organisations, topics, venues } from '../../src/modules/organisations/organisations.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';
import { accessibilityViolations, goBackWhenLoaded, scrollsSideways, serveForChromium } from './browser.js';

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
  await createOrganisation(database.db, 'kassel');
  // A venue without step-free access: the family is warned and asked for consent along the way.
  await database.db.update(venues).set({ stepFree: false }).where(eq(venues.id, org.venue.id));
  eventId = (await createEvent(database.db, org)).event.id;
  served = await serveForChromium(database, testClock(BEFORE_EVENT));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

/** The narrowest phone the product promises to serve, without JavaScript (axe itself needs it). */
async function phonePage(javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 568 }, javaScriptEnabled, locale: 'de-DE' });
  return context.newPage();
}

describe('booking pages at 320 px', () => {
  it('keep a long contact address in the footer inside its box', async () => {
    await database.db.update(organisations).set({ contactEmail: 'familienleistungen.beratung@werra-meissner-kreis.example' })
      .where(eq(organisations.slug, 'wmk'));
    await organisationsChanged(database);
    const page = await phonePage();
    await page.goto(`${origin}/de/wmk`);
    const overflow = await page.$$eval('.site-footer p', (paragraphs) => paragraphs.map((p) => p.scrollWidth - p.clientWidth));
    expect(overflow.every((pixels) => pixels <= 0)).toBe(true);
  });

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

describe('the pages this issue added or changed', () => {
  it('pass axe (WCAG 2.2 A/AA) and fit 320 px: chooser, step-free warning, consent error, confirmation, "already booked"', async () => {
    const page = await phonePage(true);
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    const check = async () => {
      problems.push(...await accessibilityViolations(page));
      if (await scrollsSideways(page)) problems.push(`${page.url()} scrolls sideways`);
    };
    for (const lang of ['de', 'en']) {
      await page.goto(`${origin}/${lang}`);
      await check();
    }
    const book = `${origin}/de/wmk/events/${eventId}/book`;
    await page.goto(`${book}/topics`);
    await page.check('#field-topics');
    await page.click('button[type="submit"]');
    await page.check('#field-itinerary');
    await page.click('button[type="submit"]');
    await page.fill('#field-name', 'R. S.');
    await page.fill('#field-phone', '12');
    await page.click('button[type="submit"]');
    await check(); // phone error
    await page.fill('#field-phone', '05651 302-0');
    await page.click('button[type="submit"]');
    await page.check('#field-stepFree');
    await check(); // needs page with the venue's hint
    await page.click('button[type="submit"]');
    await page.check('#field-consent');
    await page.click('button[type="submit"]'); // without the health consent
    expect(await page.title()).toMatch(/^Fehler: /);
    await check();
    await page.check('#field-healthConsent');
    await page.click('button[type="submit"]');
    expect(await page.textContent('h1')).toBe('Ihr Termin ist gebucht');
    await check();
    await goBackWhenLoaded(page); // the check page again: now "already booked"
    expect(await page.textContent('h1')).toBe('Sie haben schon gebucht');
    await check();
    expect(problems).toEqual([]);
  }, 180_000);
});

describe('Back in Chromium', () => {
  it('after a form error never lands on "Confirm form resubmission", and the error is still explained', async () => {
    const page = await phonePage();
    page.setDefaultTimeout(15_000);
    const book = `${origin}/de/wmk/events/${eventId}/book`;
    await page.goto(`${book}/topics`);
    await page.check('#field-topics');
    await page.click('button[type="submit"]');
    await page.click('button[type="submit"]'); // no time chosen: the error
    expect(await page.title()).toMatch(/^Fehler: /);
    await page.goto(`${origin}/de/wmk/privacy`);
    const back = await goBackWhenLoaded(page);
    expect(back?.status()).toBe(200);
    expect(page.url()).toBe(`${book}/time`);
    expect(await page.title()).toMatch(/^Fehler: /);
    expect(await page.textContent('.error-summary a')).toBe('Wählen Sie eine Uhrzeit.');
    await page.check('#field-itinerary');
    await page.click('button[type="submit"]');
    expect(page.url()).toBe(`${book}/contact`);
    await goBackWhenLoaded(page);
    expect(page.url()).toBe(`${book}/time`);
    expect(await page.$('.error-summary')).toBeNull();
  }, 120_000);
});
