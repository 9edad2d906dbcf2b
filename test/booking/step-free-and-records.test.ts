import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { venues } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, type OrganisationFixture, STAFF_PASSWORD, createEvent, createOrganisation, createStaff } from '../helpers/fixtures.js';

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

async function upToNeeds(browser: Browser) {
  await browser.get(book() + '/topics');
  await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
  await browser.follow();
  await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
  await browser.post(book() + '/contact', { name: 'R. S.' });
  await browser.follow();
}

const venueWithoutStepFreeAccess = () =>
  env.database.db.update(venues).set({ stepFree: false }).where(eq(venues.id, org.venue.id));

describe('step-free access asked for', () => {
  it('at a venue without it: the family is told on the needs page, before confirming and on the confirmation', async () => {
    await venueWithoutStepFreeAccess();
    const browser = new Browser(env.app);
    await upToNeeds(browser);
    expect(text(browser.html(), '#field-stepFree-hint')).toBe('Hinweis: Familienzentrum wmk ist nicht stufenlos erreichbar.');
    expect(browser.html().querySelector('#field-stepFree')!.getAttribute('aria-describedby')).toBe('field-stepFree-hint');

    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none', stepFree: 'yes' });
    await browser.follow();
    const warning = 'Dieser Ort ist nicht stufenlos erreichbar';
    expect(text(browser.html(), '.step-free-missing h2')).toBe(warning);
    expect(text(browser.html(), '.step-free-missing')).toContain('Bitte rufen Sie uns vor dem Termin an');

    await browser.post(book() + '/check', { consent: 'yes', healthConsent: 'yes' });
    await browser.follow();
    expect(browser.html().querySelector('h1')!.text).toBe('Ihr Termin ist gebucht');
    expect(text(browser.html(), '.step-free-missing h2')).toBe(warning);
  });

  it('at a venue with it: no warning', async () => {
    const browser = new Browser(env.app);
    await upToNeeds(browser);
    expect(browser.html().querySelector('#field-stepFree-hint')).toBeNull();
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none', stepFree: 'yes' });
    await browser.follow();
    expect(browser.html().querySelector('.step-free-missing')).toBeNull();
  });

  it('needs explicit consent (a health need), is stored with it and shown to the front desk on the booking', async () => {
    await venueWithoutStepFreeAccess();
    const browser = new Browser(env.app);
    await upToNeeds(browser);
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none', stepFree: 'yes' });
    await browser.follow();
    expect(browser.html().querySelector('label[for="field-healthConsent"]')!.text)
      .toBe('Ich willige ein, dass mein Wunsch nach stufenlosem Zugang für diesen Termin gespeichert wird.');

    await browser.post(book() + '/check', { consent: 'yes' });
    await browser.follow();
    expect(browser.html().querySelectorAll('.error-summary a').map((a) => a.getAttribute('href'))).toEqual(['#field-healthConsent']);
    expect(browser.html().querySelector('#field-consent')!.hasAttribute('checked')).toBe(true);
    expect(await env.database.db.select().from(bookings)).toHaveLength(0);

    await browser.post(book() + '/check', { consent: 'yes', healthConsent: 'yes' });
    const [stored] = await env.database.db.select().from(bookings);
    expect(stored).toMatchObject({ stepFree: true, healthConsentAt: new Date(BEFORE_EVENT), consentedAt: new Date(BEFORE_EVENT) });

    await createStaff(env.database.db, org, 'desk');
    const desk = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
    await desk.get(`/de/wmk/staff/events/${eventId}/bookings/${stored!.id}`);
    expect(desk.last.statusCode).toBe(200);
    expect(desk.last.body).toContain('barrierefrei');
  });

  it('is not asked for consent without a health need, and stores none', async () => {
    const browser = new Browser(env.app);
    await upToNeeds(browser);
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none', childcare: 'yes' });
    await browser.follow();
    expect(browser.html().querySelector('#field-healthConsent')).toBeNull();
    await browser.post(book() + '/check', { consent: 'yes' });
    const [stored] = await env.database.db.select().from(bookings);
    expect(stored).toMatchObject({ stepFree: false, childcare: true, healthConsentAt: null });
  });
});

describe('a cancelled booking', () => {
  it('lists the times it held last, not also those it gave up by rescheduling', async () => {
    const browser = new Browser(env.app);
    await upToNeeds(browser);
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.post(book() + '/check', { consent: 'yes' });
    const manage = (browser.last.headers.location as string).split('?')[0]!;

    env.clock.set('2027-03-02T09:00:00Z');
    await browser.get(`${manage}/reschedule`);
    const later = browser.html().querySelectorAll('input[name="itinerary"]').at(-1)!.getAttribute('value')!;
    await browser.post(`${manage}/reschedule`, { itinerary: later });
    await browser.follow();
    expect(text(browser.html(), '.appointment-list')).toBe('15:30 Kindergeld (Tisch 1)');

    env.clock.set('2027-03-03T09:00:00Z');
    await browser.get(`${manage}/cancel`);
    await browser.post(`${manage}/cancel`);
    await browser.follow();
    expect(browser.last.body).toContain('Diese Buchung ist abgesagt.');
    expect(text(browser.html(), '.appointment-list')).toBe('15:30 Kindergeld (Tisch 1)');
  });
});
