import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { STAFF_PASSWORD, createEvent, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let eventId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  ({ event: { id: eventId } } = await createEvent(database.db, org));
  for (const role of ['coordinator', 'expert'] as const) await createStaff(database.db, org, role);
  served = await serveForChromium(database, testClock('2026-11-21T10:00:00Z'));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

async function signedIn(role: string, width: number, lang: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'de-DE', javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${origin}/${lang}/wmk/staff/login`);
  await page.fill('#field-email', `${role}@wmk.example`);
  await page.fill('#field-password', STAFF_PASSWORD);
  await page.click('main button[type="submit"]');
  await page.waitForURL(`${origin}/${lang}/wmk/staff`);
  return page;
}

describe('aids, authorities and flyers in Chromium', () => {
  it.each(['de', 'en'])('reflow at 320 px and pass axe, the aid’s error page included (%s)', async (lang) => {
    const violations: string[] = [];
    const expert = await signedIn('expert', 320, lang, true);
    for (const path of ['/aids', '/aids/kindergeld', '/aids/buergergeld']) {
      await expert.goto(`${origin}/${lang}/wmk/staff${path}`);
      expect(await scrollsSideways(expert), path).toBe(false);
      violations.push(...await accessibilityViolations(expert));
    }
    await expert.goto(`${origin}/${lang}/wmk/staff/aids/kindergeld`);
    await expert.fill('#field-bank_iban', 'DE00 1234');
    await expert.click('main .aid-submit button');
    await expert.waitForSelector('.error-summary');
    expect(await scrollsSideways(expert)).toBe(false);
    violations.push(...await accessibilityViolations(expert));
    const coordinator = await signedIn('coordinator', 320, lang, true);
    for (const path of ['/authorities', `/events/${eventId}/flyer`]) {
      await coordinator.goto(`${origin}/${lang}/wmk/staff${path}`);
      expect(await scrollsSideways(coordinator), path).toBe(false);
      violations.push(...await accessibilityViolations(coordinator));
    }
    expect(violations).toEqual([]);
  }, 180_000);

  it('adds a child without JavaScript, and Enter in a field asks for the PDF, not for another child', async () => {
    const expert = await signedIn('expert', 1280, 'de', false);
    await expert.goto(`${origin}/de/wmk/staff/aids/kindergeld`);
    await expert.fill('#field-c0_givenName', 'Deniz');
    await Promise.all([expert.waitForURL(/aids\/kindergeld$/), expert.click('button[value="add-child"]')]);
    await expert.waitForSelector('#field-c1_givenName');
    expect(await expert.inputValue('#field-c0_givenName')).toBe('Deniz');
    await expert.fill('#field-bank_iban', 'DE00 1234');
    await expert.press('#field-bank_iban', 'Enter');
    await expert.waitForSelector('.error-summary');
    expect(await expert.locator('#field-c1_givenName').count()).toBe(1);
    expect(await expert.locator('#field-c2_givenName').count()).toBe(0);
    expect(await expert.inputValue('#field-bank_iban')).toBe('DE00 1234');
  }, 120_000);

  it('answers the aid form with a PDF, inline and not kept', async () => {
    const expert = await signedIn('expert', 1280, 'de', false);
    await expert.goto(`${origin}/de/wmk/staff/aids/kinderzuschlag`);
    await expert.fill('#field-applicant_familyName', 'Kaya');
    const [response] = await Promise.all([
      expert.waitForResponse((r) => r.request().method() === 'POST'),
      expert.click('main .aid-submit button').catch(() => undefined),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['cache-control']).toBe('no-store');
  }, 120_000);
});
