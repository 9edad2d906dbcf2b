import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { CODE_ALPHABET, hashToken } from '../../src/lib/tokens.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, type OrganisationFixture, createEvent, createOrganisation, slotsOfDesk } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const { clock } = env;

let org: OrganisationFixture;
let eventId: number;
beforeEach(async () => {
  clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  org = await createOrganisation(env.database.db);
  ({ event: { id: eventId } } = await createEvent(env.database.db, org));
});

const book = (lang = 'de') => `/${lang}/wmk/events/${eventId}/book`;

/** Chooses the topics and the first offered time; returns that time's form value. */
async function chooseFirstTime(browser: Browser, topicKeys: string[], lang = 'de') {
  await browser.get(book(lang) + '/topics');
  await browser.post(book(lang) + '/topics', { topics: topicKeys.map((k) => String(org.topic(k).id)) });
  expect(browser.last.statusCode).toBe(303);
  await browser.follow();
  const firstTime = browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
  await browser.post(book(lang) + '/time', { itinerary: firstTime });
  return firstTime;
}

/** Walks the whole flow for the given topics and the first offered time; the browser ends on the 303 to the confirmation. */
async function bookThrough(browser: Browser, topicKeys: string[], contact: Record<string, string> = { name: 'A. K.' }, lang = 'de') {
  const firstTime = await chooseFirstTime(browser, topicKeys, lang);
  await browser.post(book(lang) + '/contact', contact);
  expect(browser.last.statusCode).toBe(303);
  await browser.post(book(lang) + '/needs', { language: lang, interpreter: 'none' });
  await browser.post(book(lang) + '/check', { consent: 'yes' });
  return firstTime;
}

const activeItems = () => env.database.db.select().from(bookingItems).where(eq(bookingItems.active, true));

describe('finding an event', () => {
  it('shows the start page with the published event, its venue and free places', async () => {
    const browser = new Browser(env.app);
    const response = await browser.get('/de/wmk');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Mittwoch, 10. März 2027');
    expect(response.body).toContain('Familienzentrum wmk');
    expect(response.body).toContain('8 freie Termine');
  });

  it('shows the event page with directions, access and the experts present, and a link to book', async () => {
    const browser = new Browser(env.app);
    await browser.get(`/de/wmk/events/${eventId}`);
    expect(browser.last.statusCode).toBe(200);
    const html = browser.html();
    expect(html.querySelector('h1')!.text).toBe('Mittwoch, 10. März 2027');
    expect(browser.last.body).toContain('Bus 200 bis Markt');
    expect(browser.last.body).toContain('Stufenlos erreichbar');
    expect(html.querySelectorAll('ul.kern-list--bullet li').map((li) => li.text)).toEqual(['Kindergeld', 'Wohngeld']);
    expect(html.querySelector(`a[href="${book()}/topics"]`)).not.toBeNull();
  });

  it('links from the start page to an explanation in Leichte Sprache (and easy English)', async () => {
    const browser = new Browser(env.app);
    await browser.get('/de/wmk');
    const link = browser.html().querySelector('.easy-read-link a')!;
    expect(link.text).toBe('Informationen in Leichter Sprache');
    await browser.get(link.getAttribute('href')!);
    expect(browser.last.statusCode).toBe(200);
    expect(browser.html().querySelector('h1')!.text).toBe('Der Tag der Familien·leistungen in Leichter Sprache');
    expect(browser.html().querySelectorAll('.easy-read p').length).toBeGreaterThan(8);
    await browser.get('/en/wmk/easy-read');
    expect(browser.html().querySelector('h1')!.text).toBe('The Family Benefits Day in easy English');
  });

  it('does not show draft events, unknown events or unknown organisations', async () => {
    const draft = await createEvent(env.database.db, org, { status: 'draft', localDate: '2027-04-14' });
    const browser = new Browser(env.app);
    expect((await browser.get(`/de/wmk/events/${draft.event.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/de/wmk/events/999`)).statusCode).toBe(404);
    expect((await browser.get(`/de/wmk/events/abc`)).statusCode).toBe(404);
    expect((await browser.get('/de/nowhere')).statusCode).toBe(404);
    expect((await browser.get('/xx/wmk')).statusCode).toBe(404);
    expect((await browser.get('/de/wmk')).body).not.toContain('14. April 2027');
  });
});

describe('booking one topic', () => {
  it('books the chosen time and shows the confirmation with code, QR code, calendar file, documents and private link', async () => {
    const browser = new Browser(env.app);
    const chosen = await bookThrough(browser, ['kindergeld'], { name: 'Aylin K.', email: 'aylin@example.org', phone: '0151 234567' });
    expect(browser.last.statusCode).toBe(303);
    const location = browser.last.headers.location as string;
    expect(location).toMatch(/^\/de\/wmk\/booking\/[A-Za-z0-9_-]{22}\?confirmed=1$/);

    await browser.follow();
    expect(browser.last.statusCode).toBe(200);
    const html = browser.html();
    expect(html.querySelector('h1')!.text).toBe('Ihr Termin ist gebucht');
    const code = html.querySelector('.booking-code bdi')!.text;
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(html.querySelector('.qr-code svg')).not.toBeNull();
    expect(text(html, '.appointment-list')).toBe('14:00 Kindergeld (Tisch 1)');
    expect(browser.last.body).toContain('Steuer-ID jedes Kindes');
    expect(browser.last.body).toContain(`http://familientag.test${location.split('?')[0]}`);

    const [stored] = await env.database.db.select().from(bookings);
    expect(stored).toMatchObject({ code, name: 'Aylin K.', email: 'aylin@example.org', phone: '0151 234567', language: 'de', status: 'confirmed' });
    const token = location.split('/')[4]!.split('?')[0]!;
    expect(stored!.manageTokenHash).toBe(hashToken(token));
    expect(stored!.manageTokenHash).not.toContain(token);
    const items = await activeItems();
    expect(items.map((i) => `${i.topicId}.${i.slotId}`).join('-')).toBe(chosen);
  });

  it('still shows the confirmation when opened again later from a bookmark', async () => {
    const browser = new Browser(env.app);
    await bookThrough(browser, ['kindergeld']);
    const bookmark = (browser.last.headers.location as string).split('?')[0]!;
    const other = new Browser(env.app);
    await other.get(bookmark);
    expect(other.last.statusCode).toBe(200);
    expect(other.html().querySelector('h1')!.text).toBe('Ihre Buchung');
    expect(other.last.body).toContain('14:00');
  });

  it('offers a calendar file with times and place but no personal data', async () => {
    const browser = new Browser(env.app);
    await bookThrough(browser, ['kindergeld'], { name: 'Zeynep Yilmaz', email: 'zeynep@example.org', phone: '0151 9999999' });
    const manage = (browser.last.headers.location as string).split('?')[0]!;
    const [stored] = await env.database.db.select().from(bookings);
    const response = await browser.get(`${manage}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body).toContain('BEGIN:VEVENT');
    expect(response.body).toContain('BEGIN:VTIMEZONE');
    expect(response.body).toContain('DTSTART;TZID=Europe/Berlin:20270310T140000');
    expect(response.body).toContain('Marktplatz 1');
    for (const secret of ['Zeynep', 'zeynep@example.org', '9999999', stored!.code, manage.split('/')[4]!]) {
      expect(response.body).not.toContain(secret);
    }
  });

  it('leaves the booked slot out of what others are offered', async () => {
    const first = new Browser(env.app);
    await bookThrough(first, ['kindergeld']);
    const second = new Browser(env.app);
    await second.get(book() + '/topics');
    await second.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await second.follow();
    const offered = second.html().querySelectorAll('input[name="itinerary"] + label').map((l) => l.text);
    expect(offered).toEqual(['14:30', '15:00', '15:30']);
  });
});

describe('booking several topics', () => {
  it('proposes back-to-back itineraries across desks and books all stops in English', async () => {
    const browser = new Browser(env.app);
    await browser.get(book('en') + '/topics');
    expect(browser.html().querySelector('html')!.getAttribute('lang')).toBe('en');
    await browser.post(book('en') + '/topics', { topics: [String(org.topic('kindergeld').id), String(org.topic('wohngeld').id)] });
    await browser.follow();
    const choices = browser.html().querySelectorAll('.itinerary-stops').map((s) => s.querySelectorAll('.itinerary-stop').map((stop) => stop.text));
    expect(choices[0]).toEqual(['14:00 Child benefit (Desk 1)', '14:30 Housing benefit (Desk 2)']);
    expect(browser.html().querySelector('input[name="itinerary"] + label')!.text).toBe('14:00 to 15:00');
    const first = browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
    await browser.post(book('en') + '/time', { itinerary: first });
    await browser.post(book('en') + '/contact', { name: 'J. D.' });
    await browser.post(book('en') + '/needs', { language: 'en', interpreter: 'uk', childcare: 'yes' });
    await browser.follow();
    expect(browser.html().querySelector('h1')!.text).toBe('Check your answers');
    expect(browser.last.body).toContain('Interpreter: Ukrainian');
    expect(browser.last.body).toContain('Childcare during the talk');
    await browser.post(book('en') + '/check', { consent: 'yes' });
    await browser.follow();
    expect(browser.html().querySelector('h1')!.text).toBe('Your appointment is booked');
    expect(text(browser.html(), '.appointment-list')).toBe('14:00 Child benefit (Desk 1) 14:30 Housing benefit (Desk 2)');
    expect(browser.last.body).not.toContain('Tisch');
    expect(browser.last.body).toContain('Interpreter: Ukrainian<br>Childcare during the talk');
    const [stored] = await env.database.db.select().from(bookings);
    expect(stored).toMatchObject({ language: 'en', interpreterLanguage: 'uk', childcare: true, stepFree: false });
    expect(await activeItems()).toHaveLength(2);
  });
});

describe('the question pages', () => {
  it('have a back link, a continue button and the question as the heading', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    const html = browser.html();
    expect(html.querySelector('legend h1')!.text).toBe('Zu welchen Themen möchten Sie beraten werden?');
    expect(html.querySelector('.back-link a')!.getAttribute('href')).toBe(`/de/wmk/events/${eventId}`);
    expect(html.querySelector('button[type="submit"]')!.text.trim()).toBe('Weiter');
  });

  it('send a family who skips ahead back to the first unanswered question', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/check');
    expect(browser.last.statusCode).toBe(303);
    expect(browser.last.headers.location).toBe(book() + '/topics');
    await browser.follow();
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await browser.get(book() + '/needs');
    expect(browser.last.headers.location).toBe(book() + '/time');
  });

  it('show an error summary first, the title prefixed, and keep what was typed', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', {});
    expect(browser.last.statusCode).toBe(303);
    expect(browser.last.headers.location).toBe(book() + '/topics');
    await browser.follow();
    let html = browser.html();
    expect(html.querySelector('title')!.text).toMatch(/^Fehler: /);
    const summary = html.querySelector('main')!.childNodes.find((n) => 'tagName' in n && (n as never as { classList: DOMTokenList }).classList?.contains('error-summary'));
    expect(summary).toBeDefined();
    expect(html.querySelector('.error-summary a')!.getAttribute('href')).toBe('#field-topics');
    expect(html.querySelector('#field-topics')).not.toBeNull();

    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await browser.follow();
    await browser.post(book() + '/time', { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    await browser.post(book() + '/contact', { name: '', email: 'not-an-address', phone: '0151 12' });
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    html = browser.html();
    expect(html.querySelectorAll('.error-summary li').map((li) => li.text)).toEqual([
      'Geben Sie einen Namen oder Ihre Initialen ein.',
      'Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@beispiel.de.',
    ]);
    expect(html.querySelector('#field-email')!.getAttribute('value')).toBe('not-an-address');
    expect(html.querySelector('#field-phone')!.getAttribute('value')).toBe('0151 12');
    expect(html.querySelector('#field-email')!.getAttribute('aria-describedby')).toBe('field-email-hint field-email-error');
  });

  it('refuse line breaks and direction controls in a name, and a phone number with letters', async () => {
    const browser = new Browser(env.app);
    await chooseFirstTime(browser, ['kindergeld']);
    const rejected = async (fields: Record<string, string>) => {
      await browser.post(book() + '/contact', fields);
      expect(browser.last.statusCode).toBe(303);
      expect(browser.last.headers.location).toBe(book() + '/contact');
      return (await browser.follow()).body;
    };
    for (const name of ['Eve\r\nBcc: victim@example.org', 'Ali\u202eevil']) {
      expect(await rejected({ name })).toContain('Der Name enthält Zeichen, die wir nicht annehmen können.');
    }
    expect(await rejected({ name: 'x'.repeat(81) })).toContain('Der Name darf höchstens 80 Zeichen lang sein.');
    await rejected({ name: 'Ok', email: 'a@b.de\r\nBcc: x@y.de' });
    expect(browser.html().querySelectorAll('.error-summary a').map((a) => a.getAttribute('href'))).toEqual(['#field-email']);
    expect(await rejected({ name: 'Ok', phone: 'call me' })).toContain('Geben Sie eine Telefonnummer mit 6 bis 15 Ziffern ein.');
  });

  it('require consent on the check page and book nothing without it', async () => {
    const browser = new Browser(env.app);
    await chooseFirstTime(browser, ['kindergeld']);
    await browser.post(book() + '/contact', { name: 'A. K.' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.post(book() + '/check', {});
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    expect(browser.html().querySelector('.error-summary a')!.getAttribute('href')).toBe('#field-consent');
    expect(await env.database.db.select().from(bookings)).toHaveLength(0);
  });

  it('let the family change an answer from the check page and return there', async () => {
    const browser = new Browser(env.app);
    await chooseFirstTime(browser, ['kindergeld']);
    await browser.post(book() + '/contact', { name: 'First' });
    await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    await browser.follow();
    const changeLink = browser.html().querySelectorAll('.summary-action a').find((a) => a.text.includes('Name'))!;
    await browser.get(changeLink.getAttribute('href')!);
    expect(browser.html().querySelector('#field-name')!.getAttribute('value')).toBe('First');
    await browser.post(book() + '/contact', { name: 'Second', change: '1' });
    expect(browser.last.headers.location).toBe(book() + '/check');
    await browser.follow();
    expect(browser.last.body).toContain('Second');
  });
});

describe('a slot taken meanwhile', () => {
  it('shows a friendly "just taken" page with the next free times, keeps the other answers, and books nothing twice', async () => {
    const early = new Browser(env.app);
    const late = new Browser(env.app);
    for (const browser of [early, late]) {
      await chooseFirstTime(browser, ['kindergeld']);
      await browser.post(book() + '/contact', { name: 'Same slot' });
      await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
    }
    await early.post(book() + '/check', { consent: 'yes' });
    expect(early.last.statusCode).toBe(303);
    await late.post(book() + '/check', { consent: 'yes' });
    expect(late.last.statusCode).toBe(303);
    expect(late.last.headers.location).toBe(book() + '/time?change=1');
    await late.follow();
    expect(late.html().querySelector('h1')!.text).toBe('Diese Zeit ist gerade vergeben worden');
    expect(late.html().querySelectorAll('input[name="itinerary"] + label').map((l) => l.text)).toEqual(['14:30', '15:00', '15:30']);
    expect(await env.database.db.select().from(bookings)).toHaveLength(1);

    await late.post(book() + '/time', { itinerary: late.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!, change: '1' });
    expect(late.last.headers.location).toBe(book() + '/check');
    await late.post(book() + '/check', { consent: 'yes' });
    expect(late.last.statusCode).toBe(303);
    expect(await activeItems()).toHaveLength(2);
  });

  it('a walk-in slot is never offered nor bookable online', async () => {
    const { deskIds: [walkInDesk] } = await createEvent(env.database.db, org, {
      localDate: '2027-03-17', desks: [{ label: 'Tisch W', topicKeys: ['stromspar'], walkInPercent: 100 }],
    });
    const walkInSlots = await slotsOfDesk(env.database.db, walkInDesk!);
    expect(walkInSlots.every((s) => s.walkInOnly)).toBe(true);
    const browser = new Browser(env.app);
    const events = await browser.get('/de/wmk');
    expect(events.body).toContain('Online ausgebucht');
  });
});

describe('managing a booking by its private link', () => {
  async function booked(topics = ['kindergeld']) {
    const browser = new Browser(env.app);
    await bookThrough(browser, topics);
    return { browser, manage: (browser.last.headers.location as string).split('?')[0]! };
  }

  it('cancels after a confirmation question and frees the slot', async () => {
    const { browser, manage } = await booked();
    await browser.get(manage);
    await browser.get(`${manage}/cancel`);
    expect(browser.html().querySelector('h1')!.text).toBe('Möchten Sie Ihren Termin absagen?');
    await browser.post(`${manage}/cancel`);
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    expect(browser.last.body).toContain('Diese Buchung ist abgesagt.');
    const [stored] = await env.database.db.select().from(bookings);
    expect(stored!.status).toBe('cancelled');
    expect(await activeItems()).toHaveLength(0);

    const again = new Browser(env.app);
    await bookThrough(again, ['kindergeld']);
    expect(again.last.statusCode).toBe(303);
  });

  it('reschedules: takes the new slots and releases the old ones together', async () => {
    const { browser, manage } = await booked();
    const [before] = await activeItems();
    await browser.get(`${manage}/reschedule`);
    const options = browser.html().querySelectorAll('input[name="itinerary"]').map((i) => i.getAttribute('value')!);
    expect(options).toHaveLength(3);
    await browser.post(`${manage}/reschedule`, { itinerary: options[1]! });
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    expect(browser.last.body).toContain('Ihr Termin wurde geändert.');
    const after = await activeItems();
    expect(after).toHaveLength(1);
    expect(`${after[0]!.topicId}.${after[0]!.slotId}`).toBe(options[1]);
    const released = await env.database.db.select().from(bookingItems).where(and(eq(bookingItems.slotId, before!.slotId), eq(bookingItems.active, false)));
    expect(released).toHaveLength(1);
  });

  it('keeps the old appointment when the new time was taken meanwhile', async () => {
    const { browser, manage } = await booked();
    await browser.get(`${manage}/reschedule`);
    const target = browser.html().querySelectorAll('input[name="itinerary"]')[0]!.getAttribute('value')!;
    const other = new Browser(env.app);
    await bookThrough(other, ['kindergeld']);
    await browser.post(`${manage}/reschedule`, { itinerary: target });
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    expect(browser.html().querySelector('.error-summary')!.text).toContain('Jemand anderes hat diese Zeit eben gebucht.');
    const items = await activeItems();
    expect(items).toHaveLength(2);
    expect(new Set(items.map((i) => i.slotId)).size).toBe(2);
  });

  it('answers an unknown or malformed link with the same 404 page', async () => {
    const browser = new Browser(env.app);
    const unknown = await browser.get('/de/wmk/booking/AAAAAAAAAAAAAAAAAAAAAA');
    const malformed = await browser.get('/de/wmk/booking/nope');
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(404);
    const withoutPath = (body: string) => body.replace(/\/booking\/[A-Za-z]+/g, '/booking/…');
    expect(withoutPath(unknown.body)).toBe(withoutPath(malformed.body));
  });

  it('closes changes after the booking window, and tells the family to call', async () => {
    const { browser, manage } = await booked();
    clock.set('2027-03-10T11:30:00Z');
    await browser.get(manage);
    expect(browser.last.body).toContain('Online sind keine Änderungen mehr möglich');
    await browser.get(`${manage}/reschedule`);
    expect(browser.last.statusCode).toBe(409);
    expect(browser.html().querySelector('h1')!.text).toBe('Die Online-Buchung ist beendet');
  });
});

describe('events that cannot be booked', () => {
  it('explains a cancelled event instead of offering times', async () => {
    const cancelled = await createEvent(env.database.db, org, { status: 'cancelled', localDate: '2027-03-24' });
    const browser = new Browser(env.app);
    await browser.get(`/de/wmk/events/${cancelled.event.id}`);
    expect(browser.last.body).toContain('Dieser Tag ist abgesagt');
    await browser.get(`/de/wmk/events/${cancelled.event.id}/book/topics`);
    expect(browser.last.statusCode).toBe(409);
    expect(browser.html().querySelector('h1')!.text).toBe('Dieser Tag ist abgesagt');
  });

  it('explains a closed booking window, also to a family in the middle of the flow', async () => {
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    clock.set('2027-03-10T12:00:00Z');
    await browser.get(book() + '/time');
    expect(browser.last.statusCode).toBe(409);
    expect(browser.html().querySelector('h1')!.text).toBe('Die Online-Buchung ist beendet');
    await browser.get(`/de/wmk/events/${eventId}`);
    expect(browser.last.body).toContain('Die Online-Buchung für diesen Tag ist beendet.');
  });

  it('says when an event is fully booked online and no times are left', async () => {
    for (let i = 0; i < 4; i++) await bookThrough(new Browser(env.app), ['kindergeld']);
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: String(org.topic('kindergeld').id) });
    await browser.follow();
    expect(browser.last.statusCode).toBe(200);
    expect(browser.last.body).toContain('Keine freien Zeiten');
    expect(browser.html().querySelector('input[name="itinerary"]')).toBeNull();
  });
});

describe('tenants', () => {
  it('keeps organisations apart: another county’s event and booking links are not found', async () => {
    const other = await createOrganisation(env.database.db, 'kassel');
    const otherEvent = await createEvent(env.database.db, other, { localDate: '2027-03-11' });
    const browser = new Browser(env.app);
    expect((await browser.get(`/de/wmk/events/${otherEvent.event.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/de/kassel/events/${eventId}`)).statusCode).toBe(404);
    expect((await browser.get('/de/wmk')).body).not.toContain('Familienzentrum kassel');

    await bookThrough(browser, ['kindergeld']);
    const manage = (browser.last.headers.location as string).split('?')[0]!;
    expect((await browser.get(manage)).statusCode).toBe(200);
    expect((await browser.get(manage.replace('/wmk/', '/kassel/'))).statusCode).toBe(404);

    const foreignTopic = other.topic('kindergeld').id;
    await browser.get(book() + '/topics');
    await browser.post(book() + '/topics', { topics: String(foreignTopic) });
    expect(browser.last.statusCode).toBe(303);
    expect(browser.last.headers.location).toBe(book() + '/topics');
    expect((await browser.follow()).body).toContain('Wählen Sie mindestens ein Thema.');
  });
});

describe('hoarding', () => {
  it('caps active bookings per e-mail address and event, and a cancelled one no longer counts', async () => {
    const email = { name: 'Bot', email: 'Same@Example.org' };
    const first = new Browser(env.app);
    await bookThrough(first, ['kindergeld'], email);
    await bookThrough(new Browser(env.app), ['kindergeld'], { ...email, email: 'same@example.org' });
    const third = new Browser(env.app);
    await bookThrough(third, ['kindergeld'], email);
    expect(third.last.statusCode).toBe(303);
    expect(third.last.headers.location).toBe(book() + '/check');
    await third.follow();
    expect(third.html().querySelector('.error-summary a')!.getAttribute('href')).toBe('#field-email');
    expect(third.html().querySelector('#field-email')).not.toBeNull();
    expect(await env.database.db.select().from(bookings)).toHaveLength(2);

    const manage = (first.last.headers.location as string).split('?')[0]!;
    await first.get(`${manage}/cancel`);
    await first.post(`${manage}/cancel`);
    await third.post(book() + '/check', { consent: 'yes' });
    expect(third.last.statusCode).toBe(303);
  });

  it('does not limit families who give no e-mail address', async () => {
    for (let i = 0; i < 3; i++) {
      const browser = new Browser(env.app);
      await bookThrough(browser, ['kindergeld']);
      expect(browser.last.statusCode).toBe(303);
    }
  });
});
