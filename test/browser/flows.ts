import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Called on every page a flow passes (axe, reflow, screenshots…). */
export type PageCheck = (page: Page) => Promise<void>;

/**
 * Books the event's first two topics by clicking through from the county's start page, with one error on the
 * topics step and one on the contact step; then the manage pages and an unknown booking link. Returns the
 * booking's manage address. Bookings per e-mail address are limited: give each booking of an event its own.
 */
export async function bookThrough(page: Page, origin: string, lang: string, eventId: number, check: PageCheck, email = 'aylin@example.org') {
  await page.goto(`${origin}/${lang}/wmk`);
  await check(page);
  await page.click(`a[href="/${lang}/wmk/events/${eventId}"]`);
  await check(page);
  await page.click(`a[href$="/book/topics"]`);
  await check(page);
  await page.click('button[type="submit"]'); // nothing chosen: the error state
  await check(page);
  await page.check('#field-topics');
  await page.check('input[name="topics"] >> nth=1');
  await page.click('button[type="submit"]');
  await check(page);
  await page.check('#field-itinerary');
  await page.click('button[type="submit"]');
  await check(page);
  await page.fill('#field-email', 'not an address');
  await page.click('button[type="submit"]');
  await check(page);
  await page.fill('#field-name', 'Aylin K.');
  await page.fill('#field-email', email);
  await page.click('button[type="submit"]');
  await check(page);
  await page.selectOption('#field-interpreter', 'ar');
  await page.check('#field-childcare');
  await page.click('button[type="submit"]');
  await check(page);
  await page.check('#field-consent');
  await page.click('button[type="submit"]');
  await check(page);
  const manage = page.url().split('?')[0]!;
  for (const step of ['reschedule', 'cancel', 'delete']) {
    await page.goto(`${manage}/${step}`);
    await check(page);
  }
  await page.goto(`${origin}/${lang}/wmk/booking/unknownlink`);
  await check(page);
  return manage;
}

/**
 * From the start page through every question of the pre-check (one error on the way, one "I don't know"), the
 * result, and "Book these topics" into the booking's time step.
 */
export async function precheckThrough(page: Page, origin: string, lang: string, check: PageCheck) {
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

/** The public pages that stand on their own: the county chooser, easy read, the legal pages. */
export const standalonePages = (lang: string) => [
  `/${lang}`, `/${lang}/wmk/easy-read`, `/${lang}/wmk/privacy`, `/${lang}/wmk/imprint`, `/${lang}/wmk/accessibility`,
  `/${lang}/wmk/data-deleted`,
];
