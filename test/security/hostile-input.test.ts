import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { desks } from '../../src/modules/events/events.table.js';
import { topics, venues } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createEvent, createOrganisation, createStaff,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
let org: OrganisationFixture;
let eventId: number;
let coordinator: Browser;
let desk: Browser;

beforeAll(async () => {
  const db = env.database.db;
  org = await createOrganisation(db);
  ({ event: { id: eventId } } = await createEvent(db, org));
  await createStaff(db, org, 'coordinator');
  await createStaff(db, org, 'desk');
  coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
  desk = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
});

const errorsOn = (browser: Browser) => browser.html().querySelectorAll('.error-summary li').map((li) => li.text.trim());
const CHARACTERS = 'Diese Angabe enthält Zeichen, die wir nicht annehmen können (zum Beispiel Steuerzeichen). Bitte geben Sie sie noch einmal ein.';

describe('addresses and ids that cannot exist', () => {
  it.each([
    '/de/%00', '/%00', '/de/wmk/%00', '/de/wmk/events/%00', '/de/wmk/events/2147483648',
    '/de/wmk/events/99999999999', '/de/wmk/events/-1', `/de/wmk/booking/${'x'.repeat(300)}`, '/de/wmk/booking/%00', '/de/wmk/ticket/a%00b', '/de/wmk/events/%E2%80%AE1',
  ])('%s is a 404 page, not a database error', async (url) => {
    const response = await env.app.inject({ url, headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Seite nicht gefunden');
  });

  it.each(['/de/wmk/events/%ED%A0%80', '/de/wmk/%FF', '/de/%C0%AF'])('%s (not UTF-8) is a 400 page', async (url) => {
    const response = await env.app.inject({ url, headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Die Anfrage war fehlerhaft');
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('refuses a staff page whose id is above 2^31-1 or whose search holds NUL or bidi controls', async () => {
    expect((await desk.get(`/de/wmk/staff/events/2147483648/board`)).statusCode).toBe(404);
    expect((await desk.get(`/de/wmk/staff/events/${eventId}/bookings/2147483648`)).statusCode).toBe(404);
    expect((await desk.get(`/de/wmk/staff/events/${eventId}/board?q=%00`)).statusCode).toBe(400);
    expect((await desk.get(`/de/wmk/staff/events/${eventId}/board?q=%E2%80%AEabc`)).statusCode).toBe(400);
    expect(text(desk.html(), 'h1')).toBe('Die Anfrage war fehlerhaft');
    expect((await desk.get(`/de/wmk/staff/events/${eventId}/board?q=M%C3%BCller`)).statusCode).toBe(200);
  });
});

describe('text fields refuse what nobody types, on the same page with the input kept', () => {
  it('a login e-mail with NUL is a field error, not a 500', async () => {
    const browser = new Browser(env.app);
    await browser.get('/de/wmk/staff/login');
    const response = await browser.post('/de/wmk/staff/login', { email: 'a\u0000b@wmk.example', password: 'x' });
    expect(response.statusCode).toBe(400);
    expect(errorsOn(browser)).toEqual([CHARACTERS]);
    expect(browser.html().querySelector('#field-email')?.getAttribute('value')).toContain('b@wmk.example');
  });

  it('a family name with a bidi override or a line break is refused; the name is kept to correct it', async () => {
    const browser = new Browser(env.app);
    const book = `/de/wmk/events/${eventId}/book`;
    await browser.get(`${book}/topics`);
    await browser.post(`${book}/topics`, { topics: String(org.topic('kindergeld').id) });
    await browser.get(`${book}/time`);
    await browser.post(`${book}/time`, { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    for (const name of ['Anna \u202eKaya', 'Anna\r\nBcc: x@y.z', 'Anna\u0000']) {
      expect((await browser.post(`${book}/contact`, { name })).headers.location).toBe(`${book}/contact`);
      await browser.follow();
      expect(errorsOn(browser)).toEqual(['Der Name enthält Zeichen, die wir nicht annehmen können.']);
      expect(browser.html().querySelector('#field-name')?.getAttribute('value')).toContain('Anna');
    }
    expect((await browser.post(`${book}/contact`, { name: 'Anna Kaya 😀' })).statusCode).toBe(303);
  });

  it('a desk label takes no line break or bidi control, and breaks over 200 characters are a field error', async () => {
    const url = `/de/wmk/staff/events/${eventId}/desks/new`;
    const form = {
      label: 'Tisch 3', topicIds: [String(org.topic('stromspar').id)], expertId: '', startsLocal: '14:00', endsLocal: '16:00',
      slotMinutes: '30', breaks: '', walkInPercent: '0',
    };
    await coordinator.get(url);
    for (const label of ['Tisch\r\n3', 'Tisch \u2066 3', 'Tisch\u00853']) {
      expect((await coordinator.post(url, { ...form, label })).statusCode).toBe(400);
      expect(errorsOn(coordinator)).toEqual([CHARACTERS]);
    }
    expect((await coordinator.post(url, { ...form, breaks: '12:00-12:30, '.repeat(20) })).statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual(['Diese Angabe ist zu lang.']);
    expect(coordinator.html().querySelector('#field-breaks')?.getAttribute('value')).toContain('12:00-12:30');
    expect((await coordinator.post(url, { ...form, expertId: '2147483648' })).statusCode).toBe(400);
    expect((await coordinator.post(url, { ...form, topicIds: ['99999999999'] })).statusCode).toBe(400);
    expect(await env.database.db.select().from(desks).where(eq(desks.eventId, eventId))).toHaveLength(2);
  });

  it('an event with a venue id above 2^31-1 is a field error', async () => {
    await coordinator.get('/de/wmk/staff/events/new');
    const response = await coordinator.post('/de/wmk/staff/events/new', { localDate: '2027-06-09', venueId: '2147483648', startsLocal: '14:00', endsLocal: '18:00' });
    expect(response.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toHaveLength(1);
  });

  it('topic texts and venue directions (JSON columns) refuse NUL and bidi controls; lists keep their line breaks', async () => {
    const url = '/de/wmk/staff/topics/new';
    const topic = {
      name_de: 'Bildung und Teilhabe', name_en: '', description_de: '', description_en: '', documents_de: 'Bescheid\r\nKontoauszug',
      documents_en: '', defaultSlotMinutes: '30', sortOrder: '4',
    };
    await coordinator.get(url);
    for (const [field, value] of [['name_de', 'Bildung\u0000'], ['name_en', 'Education \u202e'], ['description_de', 'a\u0007b'], ['documents_de', 'Bescheid\u2069']]) {
      expect((await coordinator.post(url, { ...topic, [field!]: value! })).statusCode).toBe(400);
      expect(errorsOn(coordinator)).toEqual([CHARACTERS]);
      expect(coordinator.html().querySelector(`#field-${field}`)?.toString()).toContain(field === 'name_de' ? 'Bildung' : '');
    }
    expect((await coordinator.post(url, topic)).statusCode).toBe(303);
    const [saved] = await env.database.db.select().from(topics).where(eq(topics.sortOrder, 4));
    expect(saved?.documents).toEqual({ de: ['Bescheid', 'Kontoauszug'] });

    await coordinator.get(`/de/wmk/staff/venues/${org.venue.id}`);
    const venue = { name: 'Familienzentrum', street: 'Marktplatz 1', postcode: '37269', town: 'Eschwege', directions_de: 'Bus\u0000', directions_en: '' };
    expect((await coordinator.post(`/de/wmk/staff/venues/${org.venue.id}`, venue)).statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual([CHARACTERS]);
    const [unchanged] = await env.database.db.select().from(venues).where(eq(venues.id, org.venue.id));
    expect(unchanged?.directions).toEqual({ de: 'Bus 200 bis Markt', en: 'Bus 200 to Markt' });
  });
});

describe('only what the forms send is accepted', () => {
  it.each([
    ['application/json', 'null'],
    ['application/json', '{"email":{"toString":1},"password":"x"}'],
    ['text/plain', 'email=a&password=b'],
    ['multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="email"\r\n\r\na\r\n--x--\r\n'],
  ])('%s is answered 415 with a page that says what to do', async (type, payload) => {
    const response = await env.app.inject({ method: 'POST', url: '/de/wmk/staff/login', payload, headers: { 'content-type': type, accept: 'text/html' } });
    expect(response.statusCode).toBe(415);
    expect(response.body).toContain('Diese Daten können wir nicht annehmen');
  });

  it('a JSON null on a booking step is 415 too, in the language of the page', async () => {
    const response = await env.app.inject({
      method: 'POST', url: `/en/wmk/events/${eventId}/book/topics`, payload: 'null', headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.body).toContain('We cannot accept this data');
  });
});
