import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { availableLanguages } from '../../src/lib/i18n.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { events } from '../../src/modules/events/events.table.js';
import { checkIn } from '../../src/modules/queue/checkin.service.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { type OrganisationFixture, createEvent, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { accessibilityViolations, scrollsSideways, serveForChromium } from './browser.js';
import { bookThrough, precheckThrough, standalonePages } from './flows.js';

const screenshots = path.resolve(import.meta.dirname, '../../test-output/screenshots');
let database: Database;
let served: Awaited<ReturnType<typeof serveForChromium>> | undefined;
let browser: Browser;
let origin: string;
let org: OrganisationFixture;
let eventId: number;
let deskStaffId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createOrganisation(database.db);
  // Ten-minute slots: every test here books, each in its own language and with its own address.
  const { event } = await createEvent(database.db, org, {
    localDate: '2026-03-10',
    desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'], slotMinutes: 10 }, { label: 'Tisch 2', topicKeys: ['wohngeld'], slotMinutes: 10 }],
  });
  await database.db.update(events).set({ bookingOpensAt: new Date('2026-01-01T00:00:00Z') }).where(eq(events.id, event.id));
  eventId = event.id;
  deskStaffId = (await createStaff(database.db, org, 'desk')).id;
  served = await serveForChromium(database, testClock('2026-03-02T09:00:00Z'));
  ({ origin, browser } = served);
});
afterAll(async () => served?.close());

const phone = (lang: string, javaScriptEnabled: boolean) =>
  browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled, locale: lang });

/** The booking made with this address: its id and the language it keeps for mails and the ticket. */
async function bookingOf(email: string) {
  const [booking] = await database.db.select({ id: bookings.id, language: bookings.language }).from(bookings).where(eq(bookings.email, email));
  return booking!;
}

/** Checks the booking in at the front desk (as the desk would) and returns its live ticket page's address. */
async function ticketPage(lang: string, email: string) {
  const booking = await bookingOf(email);
  const ticket = await checkIn(database.db, { organisationId: org.organisation.id, staffId: deskStaffId, eventId, bookingId: booking.id, now: new Date() });
  if (ticket.alreadyCheckedIn) throw new Error('checked in twice');
  return `${origin}/${lang}/wmk/ticket/${ticket.token}`;
}

async function direction(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

describe('the family languages in a real browser', () => {
  it('offers all seven languages, each in its own name', async () => {
    expect(availableLanguages()).toEqual(['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru']);
    const context = await phone('ar', false);
    const page = await context.newPage();
    await page.goto(`${origin}/de/wmk`);
    const names = await page.locator('.language-switcher a, .language-switcher [aria-current]').allTextContents();
    expect(names.map((n) => n.trim())).toEqual(expect.arrayContaining(['Deutsch', 'English', 'العربية', 'فارسی', 'Türkçe', 'Українська', 'Русский']));
    await context.close();
  });

  it.each(['ar', 'fa'])('books in %s on a 320 px phone with JavaScript off, right to left, without sideways scrolling', async (lang) => {
    const context = await phone(lang, false);
    const page = await context.newPage();
    const wrong: string[] = [];
    const email = `${lang}-phone@example.org`;
    const shots = path.join(screenshots, lang);
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    let shot = 0;
    const manage = await bookThrough(page, origin, lang, eventId, async (p) => {
      const { lang: shown, dir } = await direction(p);
      if (shown !== lang || dir !== 'rtl') wrong.push(`${p.url()}: lang=${shown} dir=${dir}`);
      if (await scrollsSideways(p)) wrong.push(`${p.url()}: scrolls sideways`);
      // The key pages, for a reader of the language to review (test-output/screenshots/<lang>/).
      const page = new URL(p.url()).pathname.split('/').slice(3).join('-').replace(/^booking-[\w-]{20,}/, 'manage');
      await p.screenshot({ path: path.join(shots, `${String(++shot).padStart(2, '0')}-${page || 'start'}.png`), fullPage: true });
    }, email);
    expect(wrong).toEqual([]);
    expect((await bookingOf(email)).language).toBe(lang);
    await page.goto(manage);
    expect(await page.textContent('.booking-code bdi')).toMatch(/^[A-Z0-9]{6}$/);
    expect(await page.locator('.appointment-list li').count()).toBe(2);
    await page.goto(await ticketPage(lang, email));
    expect(await direction(page)).toEqual({ lang, dir: 'rtl' });
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(shots, `${String(++shot).padStart(2, '0')}-ticket.png`), fullPage: true });
    await page.goto(`${origin}/${lang}/wmk/events/${eventId}/display`);
    await page.screenshot({ path: path.join(shots, `${String(++shot).padStart(2, '0')}-display.png`) });
    expect(shot).toBeGreaterThanOrEqual(15);
    expect(statSync(path.join(shots, '01-start.png')).size).toBeGreaterThan(5_000);
    await context.close();
  });

  it.each(['ar', 'fa', 'ru'])('has no WCAG 2.2 AA violations on any public page in %s', async (lang) => {
    const context = await phone(lang, true);
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (p: Page) => {
      violations.push(...await accessibilityViolations(p));
    };
    for (const address of standalonePages(lang)) {
      await page.goto(origin + address);
      await check(page);
    }
    const email = `${lang}-axe@example.org`;
    await bookThrough(page, origin, lang, eventId, check, email);
    await precheckThrough(page, origin, lang, check);
    await page.goto(`${origin}/${lang}/wmk/check/result`);
    await check(page);
    await page.goto(await ticketPage(lang, email));
    await check(page);
    await page.goto(`${origin}/${lang}/wmk/events/${eventId}/display`);
    await check(page);
    expect(violations).toEqual([]);
    await context.close();
    // About 35 pages, each analysed by axe: two minutes on a busy two-core machine, where 60 s ran out.
  }, 240_000);
});
