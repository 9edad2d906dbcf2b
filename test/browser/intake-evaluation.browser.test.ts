import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { intakeRecords } from '../../src/modules/intake/intake.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { STAFF_PASSWORD, assignExpert, createEvent, createStaff } from '../helpers/fixtures.js';
import { evaluationFixture } from '../evaluation/fixture.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';

/** The day after a complete evaluation year (June 2025 to May 2026), and an event day of its own. */
const TODAY = '2026-07-01T12:00:00Z';

let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let eventId: number;
let deskId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const { org } = await evaluationFixture(db);
  const today = await createEvent(db, org, { localDate: '2026-07-01', desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld', 'wohngeld'] }] });
  eventId = today.event.id;
  deskId = today.deskIds[0]!;
  await createStaff(db, org, 'coordinator');
  const { id: expertId } = await createStaff(db, org, 'expert', { topicKeys: ['kindergeld'] });
  await assignExpert(db, deskId, expertId);
  served = await serveForChromium(database, testClock(TODAY));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

async function signIn(page: Page, role: string, lang = 'de') {
  await page.goto(`${origin}/${lang}/wmk/staff/login`);
  await page.fill('#field-email', `${role}@wmk.example`);
  await page.fill('#field-password', STAFF_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${origin}/${lang}/wmk/staff`);
}

describe('the checklist and the evaluation in Chromium', () => {
  it('has no axe violations on the checklist, also with an error, fits 320 px and is done by keyboard alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true, locale: 'de-DE' });
    const page = await context.newPage();
    await signIn(page, 'expert');
    const violations: string[] = [];
    await page.goto(`${origin}/de/wmk/staff/events/${eventId}/desks/${deskId}/queue`);
    violations.push(...await accessibilityViolations(page));
    await page.click('text=Beratung ohne Wartenummer erfassen');
    await page.waitForURL(/\/checklist$/);
    violations.push(...await accessibilityViolations(page));
    // "Referred on" without a place: the error summary, the input kept.
    await page.check('input[name^="outcome_"][value="referred"] >> nth=0');
    await page.click('button[value="save"]');
    await page.waitForURL(/\/checklist$/);
    expect(await page.title()).toMatch(/^Fehler:/);
    violations.push(...await accessibilityViolations(page));
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Keyboard only: from the topic question, arrows choose an answer, Tab moves on, Enter saves.
    await page.goto(`${origin}/de/wmk/staff/events/${eventId}/desks/${deskId}/checklist/without-ticket`);
    await page.waitForURL(/\/checklist$/);
    const started = Date.now();
    await page.focus('input[name="topicId"]:checked');
    await page.keyboard.press('Tab'); // the length of the consultation
    await page.keyboard.press('ArrowDown'); // 0–4 minutes
    await page.keyboard.press('Tab'); // the first benefit's outcome
    await page.keyboard.press('ArrowRight'); // application completed
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/queue$/);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await page.textContent('.kern-alert')).toContain('Checkliste gespeichert');
    const saved = await database.db.select().from(intakeRecords);
    expect(saved.filter((r) => r.withoutTicket && r.kind === 'recorded')).toHaveLength(1);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('has no axe violations on the evaluation page, in German and English, with charts readable at 320 px', async () => {
    const violations: string[] = [];
    for (const lang of ['de', 'en']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true, locale: 'de-DE' });
      const page = await context.newPage();
      await signIn(page, 'coordinator', lang);
      await page.goto(`${origin}/${lang}/wmk/staff/evaluation`);
      expect(await page.locator('figure.evaluation-chart svg').count()).toBe(3);
      violations.push(...await accessibilityViolations(page));
      await page.goto(`${origin}/${lang}/wmk/staff/evaluation?month=2025-06`);
      violations.push(...await accessibilityViolations(page));
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await scrollsSideways(page)).toBe(false);
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
