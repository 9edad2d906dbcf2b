import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/lib/i18n.js';
import { bookingItems } from '../../src/modules/booking/booking.table.js';
import { MAX_TOPICS_PER_BOOKING } from '../../src/modules/booking/itinerary.rules.js';
import { seedDemo } from '../../src/modules/demo/demo.seed.js';
import { events, slots } from '../../src/modules/events/events.table.js';
import { organisations, topics } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, type OrganisationFixture, createEvent } from '../helpers/fixtures.js';
import { ALL_SEVEN, demoDesks, organisationWithSevenTopics } from '../helpers/many-topics.js';

const env = useTestApp(BEFORE_EVENT);

let org: OrganisationFixture;
let eventId: number;

async function setUp(endsLocal: string, desks = demoDesks(endsLocal), extraTopics = 0) {
  org = await organisationWithSevenTopics(env.database.db, extraTopics);
  const { event } = await createEvent(env.database.db, org, { desks });
  await env.database.db.update(events).set({ endsLocal }).where(eq(events.id, event.id));
  eventId = event.id;
}

beforeEach(async () => {
  env.clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
});

const book = (lang = 'de') => `/${lang}/wmk/events/${eventId}/book`;

async function chooseTopics(browser: Browser, keys: string[], lang = 'de') {
  await browser.get(book(lang) + '/topics');
  await browser.post(book(lang) + '/topics', { topics: keys.map((k) => String(org.topic(k).id)) });
  expect(browser.last.statusCode).toBe(303);
  expect(browser.last.headers.location).toBe(book(lang) + '/time');
  await browser.follow();
  expect(browser.last.statusCode).toBe(200);
}

/** Books the first offered time through contact, needs and check; returns the booked items. */
async function bookFirstTime(browser: Browser) {
  const chosen = browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
  await browser.post(book() + '/time', { itinerary: chosen });
  expect(browser.last.statusCode).toBe(303);
  await browser.post(book() + '/contact', { name: 'A. K.' });
  await browser.post(book() + '/needs', { language: 'de', interpreter: 'none' });
  await browser.post(book() + '/check', { consent: 'yes' });
  expect(browser.last.statusCode).toBe(303);
  expect(browser.last.headers.location).toMatch(/\/de\/wmk\/booking\/[A-Za-z0-9_-]{22}\?confirmed=1$/);
  const active = await env.database.db.select().from(bookingItems).where(eq(bookingItems.active, true)).orderBy(bookingItems.id);
  const items = active.filter((i) => i.bookingId === active.at(-1)!.bookingId);
  expect(items.map((i) => `${i.topicId}.${i.slotId}`).join('-')).toBe(chosen);
  return items;
}

async function expectStopsAtFreeSlotsServingTheirTopic(items: Array<{ topicId: number; slotId: number }>, keys: string[]) {
  expect(items.map((i) => i.topicId).sort()).toEqual(keys.map((k) => org.topic(k).id).sort());
  expect(new Set(items.map((i) => i.slotId)).size).toBe(keys.length);
  const booked = await env.database.db.select().from(slots);
  for (const item of items) expect(booked.find((s) => s.id === item.slotId)!.walkInOnly).toBe(false);
}

describe('families who need many topics', () => {
  it('offers and books a visit for four topics on demo desks whose walk-in slots fall at the same times, with the waits shown', async () => {
    await setUp('18:00');
    const browser = new Browser(env.app);
    const keys = ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld'];
    await chooseTopics(browser, keys);
    const choices = browser.html().querySelectorAll('input[name="itinerary"]');
    expect(choices.length).toBeGreaterThan(0);
    // All four 30-minute desks keep 15:30 for walk-ins: the 14:00 visit waits there, and says so.
    const first = browser.html().querySelector('label[for="field-itinerary"]')!.text;
    expect(first).toBe('14:00 bis 16:30 Uhr, davon 30 Minuten Wartezeit');
    expect(text(browser.html(), '#field-itinerary-stops')).toContain('… 30 Minuten warten');
    // Kindergeld and Kinderzuschlag one after another at the desk that serves both.
    expect(text(browser.html(), '#field-itinerary-stops')).toMatch(/14:00 (Kindergeld|Kinderzuschlag) \(Tisch 1 · Familienkasse\) 14:30 (Kindergeld|Kinderzuschlag) \(Tisch 1 · Familienkasse\)/);
    expect(text(browser.html(), 'form p.kern-body')).toBe('Ihre Termine für Kindergeld, Wohngeld, Kinderzuschlag und Bürgergeld liegen nacheinander, '
      + 'mit so wenig Wartezeit wie möglich. Müssen Sie zwischen zwei Terminen warten, steht das bei der Zeit. Wählen Sie, wann Sie anfangen möchten.');

    const english = new Browser(env.app);
    await chooseTopics(english, keys, 'en');
    expect(english.html().querySelector('label[for="field-itinerary"]')!.text).toBe('14:00 to 16:30, including 30 minutes of waiting');
    expect(text(english.html(), '#field-itinerary-stops')).toContain('… wait 30 minutes');
    // Arabic and Persian write their own comma before the wait, not the Latin one.
    for (const lang of ['ar', 'fa']) {
      const family = new Browser(env.app);
      await chooseTopics(family, keys, lang);
      const label = family.html().querySelector('label[for="field-itinerary"]')!.text;
      expect(label, lang).toContain(`، ${translatorFor(lang)('booking.time.totalWait', { count: 30 })}`);
      expect(label, lang).not.toContain(',');
    }

    const items = await bookFirstTime(browser);
    await expectStopsAtFreeSlotsServingTheirTopic(items, keys);
  });

  it('offers and books a visit for all seven topics of the event', async () => {
    await setUp('18:00');
    const browser = new Browser(env.app);
    await chooseTopics(browser, ALL_SEVEN);
    expect(browser.html().querySelectorAll('input[name="itinerary"]').length).toBeGreaterThan(0);
    expect(browser.last.body).not.toContain('Bitte prüfen Sie diese Angabe.');
    const items = await bookFirstTime(browser);
    await expectStopsAtFreeSlotsServingTheirTopic(items, ALL_SEVEN);
  });

  it('says clearly when the topics do not fit into one visit and offers the most that fit, then books those', async () => {
    await setUp('16:00');
    const browser = new Browser(env.app);
    await chooseTopics(browser, ALL_SEVEN);
    const html = browser.html();
    expect(html.querySelectorAll('input[name="itinerary"]')).toHaveLength(0);
    expect(text(html, '.no-fit .kern-title')).toBe('Diese Themen passen nicht in einen Besuch');
    expect(text(html, '.no-fit')).toContain('Für alle 7 Themen zusammen haben die Tische nicht genug freie Zeiten nacheinander');
    expect(text(html, '.no-fit')).toMatch(/Diese \d Themen passen zusammen in einen Besuch: Kindergeld, .+ und .+\./);
    expect(text(html, '.no-fit')).toContain('Für die übrigen Themen können Sie ohne Termin kommen.');
    expect(html.querySelectorAll(`a[href="${book()}/topics"]`).map((a) => a.text)).toContain('Andere Themen wählen');
    const fewer = html.querySelectorAll(`form[action="${book()}/topics"] input[name="topics"]`).map((i) => i.getAttribute('value')!);
    expect(fewer.length).toBeGreaterThan(1);
    expect(fewer.length).toBeLessThan(7);
    expect(text(html, `form[action="${book()}/topics"] button`)).toBe(`Weiter mit diesen ${fewer.length} Themen`);

    await browser.post(book() + '/topics', { topics: fewer });
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    expect(browser.html().querySelectorAll('input[name="itinerary"]').length).toBeGreaterThan(0);
    const items = await bookFirstTime(browser);
    expect(items.map((i) => String(i.topicId)).sort()).toEqual([...fewer].sort());
  });

  it('names a topic without free online times, in German and English', async () => {
    const desks = demoDesks('18:00').map((desk) => (desk.topicKeys.includes('stromspar') ? { ...desk, walkInPercent: 100 } : desk));
    await setUp('18:00', desks);
    const browser = new Browser(env.app);
    await chooseTopics(browser, ['kindergeld', 'stromspar']);
    expect(text(browser.html(), '.no-fit')).toContain('Für Stromspar-Check gibt es online keine freien Zeiten mehr.');
    expect(text(browser.html(), `form[action="${book()}/topics"] button`)).toBe('Weiter mit diesem Thema');
    expect(browser.html().querySelector(`form[action="${book()}/topics"] input[name="topics"]`)!.getAttribute('value')).toBe(String(org.topic('kindergeld').id));

    const alone = new Browser(env.app);
    await chooseTopics(alone, ['stromspar']);
    expect(text(alone.html(), '.no-fit .kern-title')).toBe('Keine freien Zeiten');
    expect(text(alone.html(), '.no-fit')).toBe('Keine freien Zeiten Für Stromspar-Check gibt es online keine freien Zeiten mehr. '
      + 'Sie können auch ohne Termin kommen. Ein Teil der Zeit an den Tischen ist für Familien ohne Termin frei; Sie werden dann zwischen den gebuchten Terminen aufgerufen.');
    expect(alone.html().querySelector(`form[action="${book()}/topics"]`)).toBeNull();

    const english = new Browser(env.app);
    await chooseTopics(english, ['kindergeld', 'stromspar'], 'en');
    expect(text(english.html(), '.no-fit .kern-title')).toBe('These topics do not fit into one visit');
    expect(text(english.html(), '.no-fit')).toContain('There are no free online times left for Energy-saving check.');
    expect(text(english.html(), '.no-fit')).toContain('You can book this topic: Child benefit.');
    expect(text(english.html(), `form[action="${book('en')}/topics"] button`)).toBe('Continue with this topic');
  });

  it('states the limit of topics per booking before the family chooses, and on error keeps their choice', async () => {
    await setUp('18:00', demoDesks('18:00').concat([{ label: 'Tisch 6', topicKeys: ['extra1', 'extra2'] }]), 2);
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    expect(text(browser.html(), '#field-topics-hint')).toContain(`Sie können bis zu ${MAX_TOPICS_PER_BOOKING} Themen für einen Besuch wählen.`);
    const nine = [...ALL_SEVEN, 'extra1', 'extra2'].map((k) => String(org.topic(k).id));
    await browser.post(book() + '/topics', { topics: nine });
    expect(browser.last.statusCode).toBe(303);
    await browser.follow();
    expect(text(browser.html(), '.error-summary a[href="#field-topics"]')).toBe(`Wählen Sie höchstens ${MAX_TOPICS_PER_BOOKING} Themen.`);
    expect(text(browser.html(), '#field-topics-error')).toBe(`Fehler: Wählen Sie höchstens ${MAX_TOPICS_PER_BOOKING} Themen.`);
    expect(browser.html().querySelectorAll('input[name="topics"][checked]')).toHaveLength(9);

    const english = new Browser(env.app);
    await english.get(book('en') + '/topics');
    expect(text(english.html(), '#field-topics-hint')).toContain(`You can choose up to ${MAX_TOPICS_PER_BOOKING} topics for one visit.`);
  });

  it('does not mention a limit when the family can choose every topic of the event', async () => {
    await setUp('18:00');
    const browser = new Browser(env.app);
    await browser.get(book() + '/topics');
    expect(browser.html().querySelectorAll('input[name="topics"]')).toHaveLength(7);
    expect(text(browser.html(), '#field-topics-hint')).not.toContain('bis zu');
  });

  it.each([4, 7])('books %i topics on the demo\'s next Werra-Meißner event (33 free times, walk-in slots at the same times)', async (count) => {
    const now = '2026-11-21T09:00:00Z';
    env.clock.set(now);
    await seedDemo(env.database.db, new Date(now));
    const [wmk] = await env.database.db.select().from(organisations).where(eq(organisations.slug, 'wmk'));
    const [event] = await env.database.db.select().from(events).where(and(eq(events.organisationId, wmk!.id), eq(events.localDate, '2026-12-09')));
    eventId = event!.id;
    const demoTopics = await env.database.db.select().from(topics).where(eq(topics.organisationId, wmk!.id));
    org = { ...org, topic: (key: string) => demoTopics.find((t) => t.key === key)! };
    expect((await env.database.db.select().from(slots).where(and(eq(slots.eventId, eventId), eq(slots.walkInOnly, false))))).toHaveLength(33);
    const browser = new Browser(env.app);
    const keys = ALL_SEVEN.slice(0, count);
    await chooseTopics(browser, keys);
    expect(browser.html().querySelectorAll('input[name="itinerary"]').length).toBeGreaterThan(0);
    const items = await bookFirstTime(browser);
    await expectStopsAtFreeSlotsServingTheirTopic(items, keys);
  });
});
