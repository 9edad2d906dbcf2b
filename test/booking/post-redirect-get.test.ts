import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
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

/**
 * A rejected post must not be answered with a page: Chromium would then ask to "confirm form resubmission"
 * on Back or reload. It redirects (303) to the form's own page, which shows the errors and the input.
 */
function expectRedirectTo(response: LightMyRequestResponse, url: string) {
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe(url);
  expect(response.body).not.toContain('<html');
}

const errorLinks = (browser: Browser) => browser.html().querySelectorAll('.error-summary a').map((a) => a.getAttribute('href'));
const titleOf = (browser: Browser) => browser.html().querySelector('title')!.text;

describe('Post/Redirect/Get on every booking step', () => {
  it('keeps errors and input across the redirect, a reload and Back, and forgets them once the answer is accepted', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');

    // 1. Topics: nothing chosen.
    expectRedirectTo(await browser.post(book() + '/topics', {}), book() + '/topics');
    await browser.follow();
    expect(errorLinks(browser)).toEqual(['#field-topics']);
    expect(titleOf(browser)).toMatch(/^Fehler: /);
    await browser.get(book() + '/topics'); // reload, or Back to it: still explained
    expect(errorLinks(browser)).toEqual(['#field-topics']);
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    expect(browser.last.headers.location).toBe(book() + '/time');
    await browser.get(book() + '/topics');
    expect(errorLinks(browser)).toEqual([]);

    // 2. Time: a value that is no offered time.
    await browser.get(book() + '/time');
    expectRedirectTo(await browser.post(book() + '/time', { itinerary: 'nonsense' }), book() + '/time');
    await browser.follow();
    expect(errorLinks(browser)).toEqual(['#field-itinerary']);
    await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });

    // 3. Contact: input kept as typed.
    expectRedirectTo(await browser.post(book() + '/contact', { name: 'Aylin', email: 'aylin@', phone: '12' }), book() + '/contact');
    await browser.follow();
    expect(errorLinks(browser)).toEqual(['#field-email', '#field-phone']);
    expect(browser.html().querySelector('#field-name')!.getAttribute('value')).toBe('Aylin');
    expect(browser.html().querySelector('#field-email')!.getAttribute('value')).toBe('aylin@');
    expect(browser.html().querySelector('#field-phone')!.getAttribute('value')).toBe('12');
    await browser.post(book() + '/contact', { name: 'Aylin' });

    // 4. Needs: an unknown language; the ticked boxes stay ticked.
    expectRedirectTo(await browser.post(book() + '/needs', { language: 'xx', interpreter: 'none', childcare: 'yes' }), book() + '/needs');
    await browser.follow();
    expect(errorLinks(browser)).toEqual(['#field-language']);
    expect(browser.html().querySelector('#field-childcare')!.hasAttribute('checked')).toBe(true);
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });

    // 5. Check: the privacy notice not confirmed.
    expectRedirectTo(await browser.post(book() + '/check', {}), book() + '/check');
    await browser.follow();
    expect(errorLinks(browser)).toEqual(['#field-consent']);
    expect(await env.database.db.select().from(bookings)).toHaveLength(0);
    await browser.post(book() + '/check', { consent: 'yes' });
    expect(browser.last.headers.location).toMatch(/\?confirmed=1$/);
  });

  it('keeps "change" mode when an answer changed from the check page is rejected', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await browser.follow();
    await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    await browser.post(book() + '/contact', { name: 'First' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.get(book() + '/contact?change=1');
    expectRedirectTo(await browser.post(book() + '/contact', { name: '', change: '1' }), book() + '/contact?change=1');
    await browser.follow();
    expect(browser.html().querySelector('input[name="change"]')!.getAttribute('value')).toBe('1');
    await browser.post(book() + '/contact', { name: 'Second', change: '1' });
    expect(browser.last.headers.location).toBe(book() + '/check');
  });
});

describe('Post/Redirect/Get on the manage page', () => {
  async function booked() {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await browser.follow();
    await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    await browser.post(book() + '/contact', { name: 'A. K.' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.post(book() + '/check', { consent: 'yes' });
    return { browser, manage: (browser.last.headers.location as string).split('?')[0]! };
  }

  it('reschedule: a wrong choice goes back to the form with the error', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/reschedule`);
    expectRedirectTo(await browser.post(`${manage}/reschedule`, {}), `${manage}/reschedule`);
    await browser.follow();
    expect(errorLinks(browser)).toEqual(['#field-itinerary']);
    expect(titleOf(browser)).toMatch(/^Fehler: /);
  });

  it('reschedule after the booking window closed: back to the page that explains it', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/reschedule`);
    const option = browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
    env.clock.set('2027-03-10T11:30:00Z');
    expectRedirectTo(await browser.post(`${manage}/reschedule`, { itinerary: option }), `${manage}/reschedule`);
    await browser.follow();
    expect(browser.html().querySelector('h1')!.text).toBe('Die Online-Buchung ist beendet');
  });

  it('cancel once the appointment has begun: nothing changes, and the cancel page says to call', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/cancel`);
    env.clock.set('2027-03-10T13:05:00Z'); // 14:05 in Berlin: the 14:00 appointment has begun
    expectRedirectTo(await browser.post(`${manage}/cancel`), `${manage}/cancel`);
    await browser.follow();
    expect(browser.last.body).toContain('Online sind keine Änderungen mehr möglich');
    expect(browser.html().querySelector('form button')).toBeNull();
    expect((await env.database.db.select().from(bookings))[0]!.status).toBe('confirmed');
  });

  it('cancel and delete answer with redirects, so Back never re-sends them', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/cancel`);
    expectRedirectTo(await browser.post(`${manage}/cancel`), `${manage}?cancelled=1`);
    await browser.get(`${manage}/delete`);
    expectRedirectTo(await browser.post(`${manage}/delete`), '/de/wmk/data-deleted');
  });
});
