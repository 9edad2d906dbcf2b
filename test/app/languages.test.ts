import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { berlinInstant, formatDate, formatTime } from '../../src/lib/dates.js';
import { LANGUAGES, availableLanguages, languageFromHeader, translatorFor } from '../../src/lib/i18n.js';
import { callNext } from '../../src/modules/queue/calling.service.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { mailJobs } from '../../src/modules/mail/mail.table.js';
import { useTestApp } from '../helpers/app.js';
import { offerArabic } from '../helpers/arabic.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createEvent, createOrganisation, createStaff,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
let org: OrganisationFixture;
let eventId: number;
let deskIds: number[];

beforeAll(async () => {
  offerArabic();
  org = await createOrganisation(env.database.db);
  ({ event: { id: eventId }, deskIds } = await createEvent(env.database.db, org));
});

describe('the languages on offer', () => {
  it('are the seven family languages, each offered once its file is complete (German and English always)', () => {
    expect(LANGUAGES).toEqual(['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru']);
    expect(availableLanguages().slice(0, 2)).toEqual(['de', 'en']);
    expect(availableLanguages()).toContain('ar');
  });

  it('are chosen from Accept-Language by quality, among those offered', () => {
    expect(languageFromHeader('ar;q=0.1, en')).toBe('en');
    expect(languageFromHeader('en;q=0.5, ar-EG')).toBe('ar');
    expect(languageFromHeader('fr-FR, fr;q=0.9, ar;q=0.8, en;q=0.7')).toBe('ar');
    expect(languageFromHeader('ar;q=0, en;q=0.1')).toBe('en');
    expect(languageFromHeader('*')).toBe('de');
    expect(languageFromHeader(undefined)).toBe('de');
    if (!availableLanguages().includes('fa')) expect(languageFromHeader('fa-IR,fa;q=0.9,en;q=0.5')).toBe('en');
    else expect(languageFromHeader('fa-IR,fa;q=0.9,en;q=0.5')).toBe('fa');
  });

  it('send the root and a county without a language to the browser’s language', async () => {
    const root = await env.app.inject({ url: '/', headers: { 'accept-language': 'en;q=0.4, ar;q=0.9' } });
    expect(root.headers.location).toBe('/ar');
    const county = await env.app.inject({ url: '/wmk', headers: { 'accept-language': 'ar' } });
    expect([county.statusCode, county.headers.location]).toEqual([303, '/ar/wmk']);
    expect((await env.app.inject('/nowhere')).statusCode).toBe(404);
  });

  it('send any county address without a language (a flyer’s QR code) to the same page in the browser’s language', async () => {
    const event = await env.app.inject({ url: '/wmk/events/12?from=flyer', headers: { 'accept-language': 'fa-IR,fa;q=0.9' } });
    expect([event.statusCode, event.headers.location]).toEqual([303, '/fa/wmk/events/12?from=flyer']);
    const check = await env.app.inject({ url: '/wmk/check', headers: { 'accept-language': 'en-GB' } });
    expect([check.statusCode, check.headers.location]).toEqual([303, '/en/wmk/check']);
    // Not a county, a language already there, or not a page to read: no redirect.
    for (const url of ['/nowhere/events/12', '/de/wmk/nowhere', '/de/nowhere/events/1', '/WMK/events/1', '//evil.example/x']) {
      const response = await env.app.inject(url);
      expect([url, response.statusCode]).toEqual([url, 404]);
    }
    // A form sent to such an address is refused (no CSRF token), never redirected to become a GET.
    const posted = await env.app.inject({ method: 'POST', url: '/wmk/events/12/book/topics' });
    expect([posted.statusCode, posted.headers.location]).toEqual([403, undefined]);
  });

  it('name each language in itself in the switcher; staff pages offer German and English only', async () => {
    const browser = new Browser(env.app);
    await browser.get('/ar/wmk');
    const html = browser.html();
    expect(html.querySelector('html')!.getAttribute('lang')).toBe('ar');
    expect(html.querySelector('html')!.getAttribute('dir')).toBe('rtl');
    const names = html.querySelectorAll('.language-switcher li').map((li) => li.text.trim());
    expect(names.slice(0, 3)).toEqual(['Deutsch', 'English', 'العربية']);
    const ownNames: Record<string, string> = { fa: 'فارسی', tr: 'Türkçe', uk: 'Українська', ru: 'Русский' };
    expect(names.slice(3)).toEqual(availableLanguages().slice(3).map((lang) => ownNames[lang]));

    await browser.get('/de/wmk/staff/login');
    expect(browser.html().querySelectorAll('.language-switcher li').map((li) => li.text.trim())).toEqual(['Deutsch', 'English']);
    const staffInArabic = await env.app.inject('/ar/wmk/staff/login?next=x');
    expect([staffInArabic.statusCode, staffInArabic.headers.location]).toEqual([303, '/de/wmk/staff/login?next=x']);
  });
});

describe('the county’s start page', () => {
  it('writes each event’s hours as its event page does: in the language’s own clock and digits', async () => {
    const hours = (lang: string) => translatorFor(lang)('event.hours', {
      from: formatTime(berlinInstant('2027-03-10', '14:00'), lang), to: formatTime(berlinInstant('2027-03-10', '16:00'), lang),
    });
    for (const lang of availableLanguages()) {
      const start = new Browser(env.app);
      await start.get(`/${lang}/wmk`);
      expect(text(start.html(), '.event-card .kern-body'), lang).toContain(hours(lang));
      await start.get(`/${lang}/wmk/events/${eventId}`);
      expect(start.html().querySelector('main')!.text, lang).toContain(hours(lang));
    }
    expect(hours('fa')).toContain('۱۴:۰۰'); // not "14:00" beside a date in Persian digits
  });
});

describe('a booking in Arabic', () => {
  it('runs right to left, isolates its times and code, and keeps Arabic for the booking, its mail and manage link', async () => {
    const browser = new Browser(env.app);
    const book = `/ar/wmk/events/${eventId}/book`;
    await browser.get(`${book}/topics`);
    await browser.post(`${book}/topics`, { topics: String(org.topic('kindergeld').id) });
    await browser.follow();
    expect(browser.html().querySelector('html')!.getAttribute('dir')).toBe('rtl');
    const time = browser.html().querySelector('label[for="field-itinerary"] bdi')!.text;
    expect(time).toMatch(/\d:\d\d/);
    await browser.post(`${book}/time`, { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    await browser.post(`${book}/contact`, { name: 'Layla', email: 'layla@example.org', phone: '0151 234567' });
    await browser.get(`${book}/needs`);
    expect(browser.html().querySelector('input[name="language"][checked]')!.getAttribute('value')).toBe('ar');
    await browser.post(`${book}/needs`, { language: 'ar', interpreter: 'none' });
    await browser.follow();
    expect(browser.html().querySelectorAll('dd bdi').map((b) => b.text)).toEqual(expect.arrayContaining([time, '0151 234567']));
    await browser.post(`${book}/check`, { consent: 'yes' });
    expect(browser.last.headers.location).toMatch(/^\/ar\/wmk\/booking\//);
    await browser.follow();

    const page = browser.html();
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('ar');
    expect(page.querySelector('html')!.getAttribute('dir')).toBe('rtl');
    const [stored] = await env.database.db.select().from(bookings);
    expect(stored!.language).toBe('ar');
    expect(page.querySelector('.booking-code--large bdi')!.text).toBe(stored!.code);
    expect(stored!.code).toMatch(/^[A-Z0-9-]+$/); // codes and phone numbers keep their Latin digits
    expect(page.querySelectorAll('dd bdi').map((b) => b.text)).toEqual(expect.arrayContaining(['0151 234567', 'Layla'])); // the name too: a Latin name's full stop stays at its end
    expect(page.querySelector('.kern-alert__body .booking-code bdi')!.text).toBe(stored!.code);
    expect(page.querySelectorAll('li strong bdi').map((b) => b.text)).toContain(time);
    expect(page.querySelector('.manage-link bdi')!.text).toMatch(/\/ar\/wmk\/booking\//);
    expect(page.text).toContain(translatorFor('ar')('booking.manage.codeHeading'));

    const [mail] = await env.database.db.select().from(mailJobs).where(eq(mailJobs.bookingId, stored!.id));
    expect(mail!.language).toBe('ar');
  });
});

describe('the day in Arabic', () => {
  it('prints the slip right to left inside the German desk page, and the ticket page follows in Arabic', async () => {
    const db = env.database.db;
    const [booked] = await db.select().from(bookings).where(eq(bookings.language, 'ar'));
    await createStaff(db, org, 'desk');
    env.clock.set('2027-03-10T12:50:00Z');
    const front = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
    const board = `/de/wmk/staff/events/${eventId}/board`;
    await front.get(board);
    await front.post(`/de/wmk/staff/events/${eventId}/check-in`, { bookingId: String(booked!.id) });
    await front.follow();
    expect(front.html().querySelector('html')!.getAttribute('dir')).toBe('ltr');
    const slip = front.html().querySelector('article.slip')!;
    expect([slip.getAttribute('lang'), slip.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(slip.querySelector('.slip__number bdi')!.text).toMatch(/^\d+$/);
    expect(slip.querySelector('.slip__link')!.getAttribute('dir')).toBe('ltr');
    // The family reads its desk in Arabic, and beside it the label the display and the desk itself show.
    const deskLine = slip.querySelector('.slip__desks li')!;
    expect(deskLine.querySelectorAll('bdi').map((b) => b.text)).toEqual([`${translatorFor('ar')('common.desk')} 1`, 'Tisch 1', expect.stringMatching(/\d:\d\d/)]);

    const phone = new Browser(env.app);
    await phone.get(new URL(text(front.html(), '.slip__link')!).pathname);
    const ticket = phone.html();
    expect(ticket.querySelector('html')!.getAttribute('lang')).toBe('ar');
    expect(ticket.querySelector('html')!.getAttribute('dir')).toBe('rtl');
    expect(ticket.querySelector('bdi.ticket-number')!.text).toBe(slip.querySelector('.slip__number bdi')!.text);
  });

  it('shows the waiting room the heading in every family language, and an Arabic ticket’s desk also in Arabic', async () => {
    const now = new Date('2027-03-10T13:00:00Z');
    env.clock.set(now.toISOString());
    for (const deskId of deskIds) await callNext(env.database.db, { organisationId: org.organisation.id, eventId, deskId, now });
    const screen = new Browser(env.app);
    await screen.get(`/de/wmk/events/${eventId}/display`);
    const page = screen.html();
    expect(text(page, 'h1')).toBe('Aufgerufen');
    const others = page.querySelectorAll('.display__languages li').map((li) => [li.getAttribute('lang'), li.getAttribute('dir'), li.text]);
    expect(others).toEqual(availableLanguages().filter((lang) => lang !== 'de')
      .map((lang) => [lang, lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr', translatorFor(lang)('display.heading')]));
    const desks = page.querySelectorAll('.display__desk');
    expect(desks.length).toBeGreaterThan(0);
    for (const desk of desks) {
      const family = desk.querySelector('.display__desk-family')!;
      expect([family.getAttribute('lang'), family.getAttribute('dir')]).toEqual(['ar', 'rtl']);
      expect(desk.text.startsWith('Tisch ')).toBe(true);
      expect(family.text).toMatch(new RegExp(`^${translatorFor('ar')('common.desk')} \\d+$`));
    }
    // The same display set to Arabic still shows the Arabic family its desk in Arabic beside the German label.
    await screen.get(`/ar/wmk/events/${eventId}/display`);
    const arabicDesks = screen.html().querySelectorAll('.display__desk');
    expect(arabicDesks.length).toBe(desks.length);
    for (const desk of arabicDesks) {
      expect(desk.text.startsWith('Tisch ')).toBe(true);
      expect(text(desk, '.display__desk-family')).toMatch(new RegExp(`^${translatorFor('ar')('common.desk')} \\d+$`));
    }
  });
});

describe('dates and times', () => {
  const instant = new Date('2027-03-10T13:05:00Z');
  it('are written as each language writes them, with its own digits, in the Gregorian calendar and Berlin time', () => {
    expect(formatTime(instant, 'de')).toBe('14:05');
    expect(formatTime(instant, 'en')).toBe('14:05');
    expect(formatTime(instant, 'fa')).toBe('۱۴:۰۵');
    expect(formatTime(instant, 'ar')).toMatch(/^(2:05|٢:٠٥)\s?م$/); // Arabic's own 12-hour clock; its digits per CLDR
    for (const lang of ['tr', 'uk', 'ru']) expect(formatTime(instant, lang)).toBe('14:05');
    expect(formatDate('2027-03-10', 'fa')).toContain('۲۰۲۷'); // not the Solar Hijri year 1405
    expect(formatDate('2027-03-10', 'fa')).toContain('مارس');
    expect(formatDate('2027-03-10', 'ru')).toContain('10 марта 2027');
    expect(formatDate('2027-03-10', 'tr')).toContain('10 Mart 2027');
  });

  it('count in the same digits as the dates around them, while ticket numbers stay as the display shows them', () => {
    const fa = translatorFor('fa');
    expect(fa('event.freeSlots', { count: 12 })).toContain('۱۲');
    expect(fa('event.freeSlots', { count: 12 })).not.toContain('12');
    expect(fa('ticket.title', { number: 12 })).toContain('12');
    expect(translatorFor('de')('event.freeSlots', { count: 1200 })).toContain('1200');
  });
});
