import { beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { isPhoneNumber } from '../../src/modules/booking/booking.forms.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, text } from '../helpers/browser.js';
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

const book = (lang = 'de') => `/${lang}/wmk/events/${eventId}/book`;

async function toContact(browser: Browser, lang = 'de', topicKeys = ['kindergeld']) {
  await browser.get(book(lang) + '/topics');
  await browser.post(book(lang) + '/topics', { topics: topicKeys.map((key) => String(org.topic(key).id)) });
  await browser.follow();
  await browser.post(book(lang) + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
  await browser.follow();
}

const PHONE_ERROR = 'Geben Sie eine Telefonnummer mit 6 bis 15 Ziffern ein. Erlaubt sind außerdem ein + am Anfang sowie Leerzeichen, Bindestriche, Schrägstriche und Klammern.';

describe('the phone number', () => {
  it('follows one rule, 6 to 15 digits with an optional + and separators, which the hint and the error state', async () => {
    const accepted = ['123456', '123456789012345', '+49 151 2345678', '(05651) 302-0', '0151/2345678', '+123456789012345', '  05651 302-0  '];
    const refused = ['12', '12345', '1234567890123456', '12345678901234567890123', '0151 abc', '++49 1234567', '49+1234567', '+', '------'];
    const browser = new Browser(env.app);
    await toContact(browser);
    expect(text(browser.html(), '#field-phone-hint')).toContain('6 bis 15 Ziffern');
    for (const phone of refused) {
      await browser.post(book() + '/contact', { name: 'P', phone });
      await browser.follow();
      expect(text(browser.html(), '#field-phone-error'), phone).toBe(`Fehler: ${PHONE_ERROR}`);
      expect(browser.html().querySelector('#field-phone')!.getAttribute('value')).toBe(phone);
    }
    for (const phone of accepted) {
      await browser.get(book() + '/contact');
      await browser.post(book() + '/contact', { name: 'P', phone });
      expect(browser.last.headers.location, phone).toBe(book() + '/needs');
    }
    expect(accepted.every((phone) => isPhoneNumber(phone.trim()))).toBe(true);
    expect(refused.some((phone) => isPhoneNumber(phone))).toBe(false);
  });

  it('states the same rule in English', async () => {
    const browser = new Browser(env.app);
    await toContact(browser, 'en');
    await browser.post(book('en') + '/contact', { name: 'P', phone: '12' });
    await browser.follow();
    expect(text(browser.html(), '#field-phone-error')).toBe('Error: Enter a phone number with 6 to 15 digits. You may also use a + at the start, and spaces, hyphens, slashes and brackets.');
  });
});

describe('wording', () => {
  it('joins topic names as the language does ("A und B", "A and B")', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: [String(org.topic('kindergeld').id), String(org.topic('wohngeld').id)] });
    await browser.follow();
    expect(browser.last.body).toContain('Ihre Termine für Kindergeld und Wohngeld liegen nacheinander');
    await browser.get(book('en') + '/time');
    expect(browser.last.body).toContain('Child benefit and Housing benefit');
  });

  it('says a single time once per option', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await browser.follow();
    const first = browser.html().querySelector('.kern-form-check')!;
    expect(first.querySelector('label')!.text).toBe('14:00');
    expect(first.querySelector('.itinerary-stops')!.text.trim()).toBe('Kindergeld (Tisch 1)');
  });

  it('shows no German UI word on English pages: the desk word of desk labels is translated', async () => {
    const browser = new Browser(env.app);
    await toContact(browser, 'en');
    await browser.get(book('en') + '/time');
    expect(browser.last.body).toContain('(Desk 1)');
    await browser.post(book('en') + '/contact', { name: 'E' });
    await browser.post(book('en') + '/needs', { language: 'en', interpreter: 'none' });
    await browser.follow();
    expect(browser.last.body).toContain('(Desk 1)');
    await browser.post(book('en') + '/check', { consent: 'yes' });
    const manage = (browser.last.headers.location as string).split('?')[0]!;
    await browser.follow();
    expect(text(browser.html(), '.appointment-list')).toBe('14:00 Child benefit (Desk 1)');
    const calendar = await browser.get(`${manage}/calendar.ics`);
    expect(calendar.body).toContain('Desk 1');
    for (const page of [book('en') + '/topics', manage, `${manage}/reschedule`, '/en/wmk', `/en/wmk/events/${eventId}`]) {
      await browser.get(page);
      expect(browser.last.body, page).not.toMatch(/Tisch/);
    }
    // German pages keep it.
    await browser.get(manage.replace('/en/', '/de/'));
    expect(text(browser.html(), '.appointment-list')).toBe('14:00 Kindergeld (Tisch 1)');
  });

  it('names the service as the event does in every page title, in English too', async () => {
    const browser = new Browser(env.app);
    await browser.get('/en/wmk');
    expect(browser.html().querySelector('title')!.text).toBe('Kreis wmk – Family Benefits Day');
    await browser.get('/en');
    expect(browser.html().querySelector('title')!.text).toBe('Family Benefits Day');
    expect(browser.last.body).not.toContain('Family Day<');
  });

  it('asks for the language to write in only when there is an e-mail address to write to', async () => {
    const browser = new Browser(env.app);
    await toContact(browser);
    await browser.post(book() + '/contact', { name: 'No mail' });
    await browser.follow();
    expect(text(browser.html(), 'fieldset legend')).toBe('Welche Sprache sprechen Sie am besten?');
    expect(browser.last.body).not.toContain('schreiben');
    await browser.get(book() + '/contact');
    await browser.post(book() + '/contact', { name: 'With mail', email: 'a@example.org' });
    await browser.follow();
    expect(text(browser.html(), 'fieldset legend')).toBe('In welcher Sprache sollen wir Ihnen schreiben?');
  });
});

describe('privacy: the page and the form agree', () => {
  it('the booking rests on the public task (Art. 6(1)(e) GDPR, § 3 HDSIG): the family confirms having read the notice, not consent', async () => {
    const browser = new Browser(env.app);
    await toContact(browser);
    await browser.post(book() + '/contact', { name: 'P' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.follow();
    const html = browser.html();
    expect(html.querySelector('label[for="field-consent"]')!.text).toBe('Ich habe die Datenschutzhinweise gelesen.');
    expect(html.querySelector('main a[href="/de/wmk/privacy"]')).not.toBeNull();
    expect(text(html, 'form')).toContain('Art. 6 Abs. 1 Buchst. e DSGVO mit § 3 HDSIG');
    expect(browser.last.body).not.toMatch(/einverstanden/);

    await browser.get('/de/wmk/privacy');
    const privacy = browser.last.body;
    expect(privacy).toContain('Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 HDSIG');
    expect(privacy).toContain('Das ist keine Einwilligung.');
    expect(privacy).toContain('Art. 9 Abs. 2 Buchst. a DSGVO');
    expect(privacy).not.toContain('Art. 6 Abs. 1 Buchst. a');
    await browser.get('/en/wmk/privacy');
    expect(browser.last.body).toContain('Art. 6(1)(e) GDPR together with § 3 HDSIG');
    expect(browser.last.body).not.toContain('Art. 6(1)(a)');
  });

  it('states the organisation\'s own retention period on the check page', async () => {
    const browser = new Browser(env.app);
    await toContact(browser);
    await browser.post(book() + '/contact', { name: 'P' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.follow();
    expect(browser.last.body).toContain('14 Tage nach dem Beratungstag');
    await browser.post(book() + '/check', { consent: 'yes' });
    expect(await env.database.db.select().from(bookings)).toHaveLength(1);
  });
});
