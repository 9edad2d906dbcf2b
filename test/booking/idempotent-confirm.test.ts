import { beforeEach, describe, expect, it } from 'vitest';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, type OrganisationFixture, createEvent, createOrganisation } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);

let org: OrganisationFixture;
let eventId: number;
beforeEach(async () => {
  env.clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  org = await createOrganisation(env.database.db);
  ({ event: { id: eventId } } = await createEvent(env.database.db, org));
});

const book = () => `/de/wmk/events/${eventId}/book`;

/** Answers every question up to the check page, which the browser has open. */
async function readyToConfirm(browser: Browser, email = '') {
  await browser.get(book() + '/topics');
  await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
  await browser.follow();
  await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
  await browser.post(book() + '/contact', { name: 'Double Tap', email });
  await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
  await browser.follow();
  expect(browser.html().querySelector('h1')!.text).toBe('Prüfen Sie Ihre Angaben');
}

/** The same browser a moment earlier: a second request still carries the cookie the first one was sent with. */
function sameCookieAs(browser: Browser): Browser {
  return Object.assign(Object.create(Browser.prototype) as Browser, browser, { cookies: new Map(browser['cookies']) });
}

describe(`confirming the same draft twice (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('at once (a double tap): one booking, and both taps lead to its confirmation', async () => {
    const browser = new Browser(env.app);
    await readyToConfirm(browser, 'tap@example.org');
    const taps = [browser, ...Array.from({ length: 4 }, () => sameCookieAs(browser))];
    const responses = await Promise.all(taps.map((tap) => tap.post(book() + '/check', { consent: 'yes' })));

    expect(responses.map((r) => r.statusCode)).toEqual([303, 303, 303, 303, 303]);
    const targets = new Set(responses.map((r) => r.headers.location));
    expect(targets.size).toBe(1);
    expect([...targets][0]).toMatch(/^\/de\/wmk\/booking\/[A-Za-z0-9_-]{22}\?confirmed=1$/);
    expect(await env.database.db.select().from(bookings)).toHaveLength(1);
    expect(await env.database.db.select().from(bookingItems)).toHaveLength(1);
    for (const tap of taps) {
      await tap.follow();
      expect(tap.html().querySelector('h1')!.text).toBe('Ihr Termin ist gebucht');
    }
  });

  it('one after the other with the cookie of before: the second finds the booking instead of "just taken"', async () => {
    const browser = new Browser(env.app);
    await readyToConfirm(browser);
    const before = sameCookieAs(browser);
    await browser.post(book() + '/check', { consent: 'yes' });
    const first = browser.last.headers.location;
    await before.post(book() + '/check', { consent: 'yes' });
    expect(before.last.statusCode).toBe(303);
    expect(before.last.headers.location).toBe(first);
    await before.follow();
    expect(before.html().querySelector('.booking-code bdi')!.text).toBe((await env.database.db.select().from(bookings))[0]!.code);
    expect(await env.database.db.select().from(bookings)).toHaveLength(1);
  });

  it('one after the other with the new cookie (the draft is gone): led to the booking, not to an empty form', async () => {
    const browser = new Browser(env.app);
    await readyToConfirm(browser);
    await browser.post(book() + '/check', { consent: 'yes' });
    const first = browser.last.headers.location;
    await browser.post(book() + '/check', { consent: 'yes' });
    expect(browser.last.statusCode).toBe(303);
    expect(browser.last.headers.location).toBe(first);
    expect(await env.database.db.select().from(bookings)).toHaveLength(1);
  });
});

describe('Back after confirming', () => {
  it('says "you have already booked" with the link to the booking, and still lets the family book another', async () => {
    const browser = new Browser(env.app);
    await readyToConfirm(browser);
    await browser.post(book() + '/check', { consent: 'yes' });
    const manage = (browser.last.headers.location as string).split('?')[0]!;

    // Back from the confirmation lands on the check page, then on the question pages.
    for (const step of ['check', 'needs', 'contact', 'time', 'topics']) {
      await browser.get(`${book()}/${step}`);
      if (browser.last.statusCode === 303) await browser.follow();
      expect(browser.last.statusCode).toBe(200);
      expect(browser.html().querySelector('h1')!.text).toBe('Sie haben schon gebucht');
      expect(browser.html().querySelector(`main a[href="${manage}"]`)).not.toBeNull();
    }

    const again = browser.html().querySelectorAll('main a').find((a) => a.text.includes('Noch einen Termin buchen'))!;
    await browser.get(again.getAttribute('href')!);
    expect(browser.html().querySelector('legend h1')!.text).toBe('Zu welchen Themen möchten Sie beraten werden?');
    await browser.post(book() + '/topics', { topics: String(org.topic('wohngeld').id) });
    expect(browser.last.headers.location).toBe(book() + '/time');
    await browser.follow();
    await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    await browser.post(book() + '/contact', { name: 'Second family' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.post(book() + '/check', { consent: 'yes' });
    expect(browser.last.headers.location).not.toBe(`${manage}?confirmed=1`);
    expect(await env.database.db.select().from(bookings)).toHaveLength(2);
  });
});

describe('the manage page\'s forms sent twice', () => {
  async function booked() {
    const browser = new Browser(env.app);
    await readyToConfirm(browser, 'twice@example.org');
    await browser.post(book() + '/check', { consent: 'yes' });
    return { browser, manage: (browser.last.headers.location as string).split('?')[0]! };
  }

  it('reschedule: the second tap finds the new times already booked, and no second change is made', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/reschedule`);
    const later = browser.html().querySelectorAll('input[name="itinerary"]').at(-1)!.getAttribute('value')!;
    const twin = sameCookieAs(browser);
    await browser.post(`${manage}/reschedule`, { itinerary: later });
    await twin.post(`${manage}/reschedule`, { itinerary: later });
    for (const response of [browser.last, twin.last]) {
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`${manage}?rescheduled=1`);
    }
    const active = (await env.database.db.select().from(bookingItems)).filter((item) => item.active);
    expect(active.map((item) => `${item.topicId}.${item.slotId}`)).toEqual([later]);
    expect(await env.database.db.select().from(bookingItems)).toHaveLength(2);
  });

  it('delete: a second tap or Back lands on "your data is deleted"; anyone else gets "not found"', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/delete`);
    await browser.post(`${manage}/delete`);
    for (const again of [() => browser.post(`${manage}/delete`), () => browser.get(`${manage}/delete`), () => browser.get(manage)]) {
      const response = await again();
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/de/wmk/data-deleted');
    }
    expect((await new Browser(env.app).get(manage)).statusCode).toBe(404);
  });
});

describe('after cancelling', () => {
  it('Back to the question pages offers a new booking instead of "already booked"', async () => {
    const browser = new Browser(env.app);
    await readyToConfirm(browser);
    await browser.post(book() + '/check', { consent: 'yes' });
    const manage = (browser.last.headers.location as string).split('?')[0]!;
    await browser.get(`${manage}/cancel`);
    await browser.post(`${manage}/cancel`);
    await browser.get(book() + '/topics');
    expect(browser.html().querySelector('legend h1')!.text).toBe('Zu welchen Themen möchten Sie beraten werden?');
  });
});
