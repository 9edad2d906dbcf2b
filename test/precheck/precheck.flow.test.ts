import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { events } from '../../src/modules/events/events.table.js';
import { topics } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { type OrganisationFixture, createEvent, createOrganisation } from '../helpers/fixtures.js';
import { answerCheck } from '../helpers/precheck.js';

/** 2026-03-02, a date the rules table covers; the event is eight days later and open for booking. */
const IN_2026 = '2026-03-02T09:00:00Z';
const env = useTestApp(IN_2026);

let org: OrganisationFixture;
let eventId: number;
let kizTopicId: number;
beforeEach(async () => {
  env.clock.set(IN_2026);
  await resetDatabase(env.database);
  org = await createOrganisation(env.database.db);
  const [kiz] = await env.database.db.insert(topics).values({
    organisationId: org.organisation.id, key: 'kinderzuschlag', name: { de: 'Kinderzuschlag', en: 'Child supplement' }, documents: { de: [] }, sortOrder: 4,
  }).returning();
  kizTopicId = kiz!.id;
  const { event } = await createEvent(env.database.db, { ...org, topic: (key) => (key === 'kinderzuschlag' ? kiz! : org.topic(key)) }, {
    localDate: '2026-03-10',
    desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'] }, { label: 'Tisch 2', topicKeys: ['wohngeld'] }, { label: 'Tisch 3', topicKeys: ['kinderzuschlag'] }],
  });
  eventId = event.id;
  await env.database.db.update(events).set({ bookingOpensAt: new Date('2026-01-01T00:00:00Z') }).where(eq(events.id, eventId));
});

/** A single parent, two school children, Kindergeld for both, 600–899 € gross, rent over the band, little maintenance. */
const singleParent = {
  household: 'single',
  children: { band0to5: '0', band6to11: '1', band12to17: '1', band18to24: '0' },
  kindergeld: 'all', buergergeld: 'no', income: '600to899', rent: 'over400',
  maintenance: { child0: 'none', child1: 'belowUvg' },
  school: 'yes',
};

/** The page as a reader sees it: amounts are written with a no-break space ("297 €"), compared here as a plain one. */
const bodyOf = (browser: Browser) => browser.last.body.replace(/\u00a0/g, ' ');
const headings = (browser: Browser) => browser.html().querySelectorAll('h2').map((h) => h.text.trim());

describe('the pre-check, page by page (de)', () => {
  it('is linked from the start page and the event page, also of a day not open for booking yet', async () => {
    const { event: later } = await createEvent(env.database.db, org, { localDate: '2026-05-12' });
    const browser = new Browser(env.app);
    for (const page of ['/de/wmk', `/de/wmk/events/${eventId}`, `/de/wmk/events/${later.id}`]) {
      await browser.get(page);
      expect(browser.html().querySelector('a[href="/de/wmk/check"]')?.text, page).toBe('Was steht uns zu? Finden Sie es in 2 Minuten heraus');
    }
  });

  it('asks each question once, names the amounts of the rules table, and shows reasons, amounts, precedence, urgency and documents', async () => {
    const browser = new Browser(env.app);
    await browser.get('/de/wmk/check/income');
    expect(browser.html().querySelectorAll('input[name="answer"]').map((i) => i.parentNode!.text.replace(/\u00a0/g, ' ').trim()))
      .toEqual(['Weniger als 600 €', '600 € bis unter 900 €', '900 € oder mehr', 'Weiß ich nicht']);
    const asked = await answerCheck(browser, '/de/wmk', singleParent);
    expect(asked).toEqual(['household', 'children', 'kindergeld', 'buergergeld', 'income', 'rent', 'maintenance', 'school']);
    const page = bodyOf(browser);
    expect(text(browser.html(), 'h1')).toBe('Was für Sie in Frage kommt');
    expect(headings(browser)).toEqual(expect.arrayContaining(['Kinderzuschlag', 'Wohngeld', 'Unterhaltsvorschuss', 'Bildung und Teilhabe']));
    expect(page).toContain('Kinderzuschlag: bis zu 297 € im Monat für jedes Kind.');
    expect(page).toContain('Unterhaltsvorschuss: bis zu 299 € im Monat für ein Kind von 6 bis 11 Jahren.');
    expect(page).toContain('Bildung und Teilhabe: 195 € im Schuljahr');
    expect(page).toContain('Beantragen Sie noch diesen Monat: Kinderzuschlag wird nicht rückwirkend gezahlt.');
    expect(page).toContain('Kinderzuschlag und Wohngeld lassen sich kombinieren.');
    expect(page).toContain('Das ist eine Orientierung, keine Entscheidung.');
    // Wohngeld for three persons: the sources could not confirm the figure, so it is left to the desk.
    expect(page).toContain('Wie viel es ist, hängt von Ihrer Lage ab: Das rechnen die Fachleute mit Ihnen aus.');
    expect(page).not.toContain('noch nicht eingetragen');
    expect(page).toContain('Einkommensnachweise der letzten 6 Monate');
    expect(page).toContain('Mietvertrag');
    // Kindergeld arrives for every child: it is not suggested, and no Jobcenter for a single parent at 600–899 €.
    expect(headings(browser).join('|')).not.toMatch(/Kindergeld|Grundsicherung/);
    // The summary shows every answer with a link to change it.
    expect(browser.html().querySelectorAll('.check-answers a').length).toBe(8);
  });

  it('books exactly the suggested topics the next open event offers, in one visit', async () => {
    const browser = new Browser(env.app);
    await answerCheck(browser, '/de/wmk', singleParent);
    const form = browser.html().querySelector(`form[action="/de/wmk/events/${eventId}/book/topics"]`)!;
    const topicIds = form.querySelectorAll('input[name="topics"]').map((i) => i.getAttribute('value')!);
    expect(topicIds.sort()).toEqual([String(org.topic('wohngeld').id), String(kizTopicId)].sort());
    expect(form.querySelector('button')!.text.trim()).toBe('Diese 2 Themen buchen');
    expect(bodyOf(browser)).toContain('An diesem Tag ist niemand für Unterhaltsvorschuss');
    await browser.post(`/de/wmk/events/${eventId}/book/topics`, { topics: topicIds });
    expect(browser.last.headers.location).toBe(`/de/wmk/events/${eventId}/book/time`);
    await browser.follow();
    const itinerary = browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
    await browser.post(`/de/wmk/events/${eventId}/book/time`, { itinerary });
    await browser.post(`/de/wmk/events/${eventId}/book/contact`, { name: 'A. K.' });
    await browser.post(`/de/wmk/events/${eventId}/book/needs`, { language: 'de', interpreter: 'none' });
    await browser.post(`/de/wmk/events/${eventId}/book/check`, { consent: 'yes' });
    expect(browser.last.statusCode).toBe(303);
    const [booking] = await env.database.db.select().from(bookings);
    const items = await env.database.db.select().from(bookingItems).where(eq(bookingItems.bookingId, booking!.id));
    expect(items.map((i) => String(i.topicId)).sort()).toEqual(topicIds.sort());
  });

  it('keeps the family on the page with a translated error when nothing or something foreign is chosen', async () => {
    const browser = new Browser(env.app);
    await browser.get('/de/wmk/check/household');
    await browser.post('/de/wmk/check/household', {});
    expect(browser.last.headers.location).toBe('/de/wmk/check/household');
    await browser.follow();
    expect(text(browser.html(), '.error-summary')).toContain('Wählen Sie eine Antwort aus – oder „Weiß ich nicht“.');
    expect(browser.html().querySelector('title')!.text).toMatch(/^Fehler:/);
    await browser.post('/de/wmk/check/household', { answer: 'single' });
    await browser.post('/de/wmk/check/children', { band0to5: '2', band6to11: 'many', band12to17: '99', band18to24: '0' });
    await browser.follow();
    expect(browser.last.statusCode).toBe(200);
    expect(browser.html().querySelectorAll('.kern-error').length).toBe(2);
    expect(browser.html().querySelector('#field-band0to5 option[selected]')!.getAttribute('value')).toBe('2');
  });

  it('goes back a question at a time and, after a change, asks what the change opened', async () => {
    const browser = new Browser(env.app);
    await answerCheck(browser, '/de/wmk', { ...singleParent, household: 'couple', maintenance: undefined });
    expect(bodyOf(browser)).not.toContain('Unterhaltsvorschuss: bis zu');
    expect(browser.html().querySelector('.back-link a')!.getAttribute('href')).toBe('/de/wmk/check/school');
    await browser.get('/de/wmk/check/school');
    expect(browser.html().querySelector('.back-link a')!.getAttribute('href')).toBe('/de/wmk/check/rent');
    await browser.get('/de/wmk/check/household?change=1');
    await browser.post('/de/wmk/check/household', { answer: 'single', change: '1' });
    expect(browser.last.headers.location).toBe('/de/wmk/check/maintenance?change=1');
    await browser.follow();
    expect(browser.html().querySelectorAll('fieldset legend').map((l) => l.text.trim())).toEqual(['1. Kind (6 bis 11 Jahre)', '2. Kind (12 bis 17 Jahre)']);
    expect(bodyOf(browser)).toContain('Weniger als 299 € im Monat');
    await browser.post('/de/wmk/check/maintenance', { child0: 'none', child1: 'aboveUvg', change: '1' });
    expect(browser.last.headers.location).toBe('/de/wmk/check/result');
    await browser.follow();
    expect(bodyOf(browser)).toContain('Unterhaltsvorschuss: bis zu 299 €');
  });

  it('says what is excluded next to Bürgergeld: no Wohngeld, the Jobcenter covers the rent', async () => {
    const browser = new Browser(env.app);
    await answerCheck(browser, '/de/wmk', { ...singleParent, household: 'couple', buergergeld: 'yes', income: 'below600' });
    expect(headings(browser)).toContain('Wohngeld: nicht zusammen mit Bürgergeld');
    expect(headings(browser)).not.toContain('Wohngeld');
    expect(bodyOf(browser)).toContain('Mit Bürgergeld wird kein Wohngeld gezahlt; das Jobcenter übernimmt die Miete.');
    expect(browser.html().querySelectorAll('input[name="topics"]').map((i) => i.getAttribute('value'))).not.toContain(String(org.topic('wohngeld').id));
  });

  it('prints no amount for a date the rules table does not cover', async () => {
    env.clock.set('2027-01-04T09:00:00Z');
    const browser = new Browser(env.app);
    await browser.get('/de/wmk/check/income');
    expect(bodyOf(browser)).not.toMatch(/\d €/);
    await answerCheck(browser, '/de/wmk', singleParent);
    expect(bodyOf(browser)).toContain('Die Beträge für dieses Datum sind noch nicht eingetragen.');
    // Only the rent band the family chose is a number in euros; no benefit amount and no threshold appears.
    expect(bodyOf(browser).match(/[\d.,]+ €/g)).toEqual(['400 €']);
  });

  it('deletes the answers on request', async () => {
    const browser = new Browser(env.app);
    await answerCheck(browser, '/de/wmk', singleParent);
    await browser.post('/de/wmk/check/forget');
    await browser.follow();
    expect(text(browser.html(), '.kern-alert')).toBe('Ihre Antworten sind gelöscht.');
    await browser.get('/de/wmk/check/result');
    expect(browser.last.headers.location).toBe('/de/wmk/check/household');
  });
});

describe('the pre-check in English', () => {
  it('with "I don\'t know" throughout keeps every possible benefit in, with amounts in English', async () => {
    const browser = new Browser(env.app);
    const asked = await answerCheck(browser, '/en/wmk', {});
    expect(asked).toEqual(['household', 'children', 'kindergeld', 'buergergeld', 'income', 'rent', 'school']);
    expect(text(browser.html(), 'h1')).toBe('What may apply to you');
    expect(bodyOf(browser)).toContain('Kinderzuschlag: up to €297 per child and month.');
    expect(bodyOf(browser)).toContain('This is guidance, not a decision.');
    expect(bodyOf(browser)).toContain('Apply this month: Kinderzuschlag is not paid backwards.');
    expect(bodyOf(browser)).toContain('You are not sure whether Kindergeld arrives for every child: the experts check it with you.');
    expect(browser.html().querySelectorAll('.check-answers dd.kern-description-list-item__value').map((d) => d.text.trim()))
      .toEqual(Array(7).fill('I don’t know'));
    const form = browser.html().querySelector(`form[action="/en/wmk/events/${eventId}/book/topics"]`)!;
    expect(form.querySelector('button')!.text.trim()).toMatch(/^Book these \d topics$/);
  });

  it('with no benefit standing out, still offers the next day to book, without naming topics', async () => {
    const browser = new Browser(env.app);
    await answerCheck(browser, '/en/wmk', {
      household: 'single', children: { band0to5: '0', band6to11: '0', band12to17: '0', band18to24: '0' }, buergergeld: 'no', income: 'atLeast900', rent: 'none',
    });
    expect(bodyOf(browser)).toContain('no benefit stands out');
    expect(headings(browser)).toContain('Book an appointment');
    expect(headings(browser)).not.toContain('Book these topics');
    expect(bodyOf(browser)).not.toContain('nobody advises on these benefits');
    expect(text(browser.html(), 'main')).toContain('Next day with free times: Family Benefits Day on Tuesday, 10 March 2026, Familienzentrum wmk, Eschwege.');
    expect(browser.html().querySelector(`a[href="/en/wmk/events/${eventId}/book/topics"]`)?.text.trim()).toBe('Book an appointment');
  });

  it('a couple with a 900 € income is told about Kinderzuschlag and Wohngeld, not the Jobcenter', async () => {
    const browser = new Browser(env.app);
    await answerCheck(browser, '/en/wmk', { ...singleParent, household: 'couple', income: 'atLeast900', maintenance: undefined });
    const names = headings(browser).join('|');
    expect(names).toMatch(/Kinderzuschlag/);
    expect(names).toMatch(/Wohngeld/);
    expect(names).not.toMatch(/Jobcenter/);
  });
});

describe('the pre-check right to left', () => {
  it('joins the answers the way Arabic and Persian join a list, with nothing left untranslated', async () => {
    for (const lang of ['ar', 'fa']) {
      const browser = new Browser(env.app);
      await answerCheck(browser, `/${lang}/wmk`, { ...singleParent, children: { band0to5: '1', band6to11: '1', band12to17: '1', band18to24: '0' }, maintenance: { child0: 'none', child1: 'none', child2: 'none' } });
      expect(browser.html().querySelector('html')!.getAttribute('dir')).toBe('rtl');
      const answers = browser.html().querySelectorAll('.check-answers dd.kern-description-list-item__value').map((d) => d.text.trim());
      const children = answers.find((a) => a.includes('5'))!;
      // "A وB وC" in Arabic, "A، B، و C" in Persian: never the Latin ", ".
      expect(children, lang).toMatch(/ و ?طفل| و ?\S*۱ فرزند|، و /);
      expect(children, lang).not.toContain(',');
      const main = text(browser.html(), 'main')!;
      expect(main, lang).not.toMatch(/precheck\.|\{\{|undefined|What to bring|Was Sie mitbringen/);
      expect(bodyOf(browser), lang).toContain(lang === 'ar' ? 'ما يجب أن تحضروه معكم' : 'چه چیزهایی باید همراه بیاورید');
    }
  });
});
