import bidiFactory from 'bidi-js';
import { parse as parseDisposition } from 'content-disposition';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { LANGUAGES, availableLanguages, directionOf, translatorFor } from '../../src/lib/i18n.js';
import { pick } from '../../src/lib/localized.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createEvent, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { TestSmtpServer } from '../helpers/smtp.js';

/** bidi-js is CommonJS whose module.exports is the factory; its types describe that as `.default`. */
const bidi = (bidiFactory as unknown as typeof bidiFactory.default)();
const clock = testClock(BEFORE_EVENT);
const smtp = new TestSmtpServer();
let database: Database;
let app: FastifyInstance;
let org: OrganisationFixture;
let eventId: number;

beforeAll(async () => {
  await smtp.start();
  database = await openTestDatabase();
  app = await buildTestApp(database, clock, { SMTP_URL: smtp.url, MAIL_FROM: 'Familientag Test <noreply@familientag.test>', MAIL_WORKER_SECONDS: '0' });
  org = await createOrganisation(database.db);
  // Ten-minute slots: one booking per language, each its own time.
  eventId = (await createEvent(database.db, org, {
    desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'], slotMinutes: 10 }],
  })).event.id;
  await createStaff(database.db, org, 'desk');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await smtp.stop();
});

/** Every part of a sentence around its placeholders, so a text can be recognised whatever fills them. */
const fixedParts = (sentence: string) => sentence.split(/\{\{[^}]+\}\}/).map((part) => part.trim()).filter((part) => part.length > 2);

/** A line as a reader sees it, left to right (UBA reordering with bidi-js), without the invisible direction marks. */
const shown = (line: string, dir: 'ltr' | 'rtl') => {
  const levels = bidi.getEmbeddingLevels(line, dir);
  return bidi.getReorderedIndices(line, levels).map((i) => line[i]).join('').replace(/[\u200e\u200f\u2066-\u2069]/g, '');
};
/** The paragraphs of an HTML mail as text. */
const htmlText = (html: string) => parse(html).querySelectorAll('p, h1, td').map((element) => element.text);

const htmlOf = (browser: Browser) => {
  const root = browser.html().querySelector('html')!;
  return { lang: root.getAttribute('lang'), dir: root.getAttribute('dir') };
};

describe('a family in each of the seven languages', () => {
  it('finds all seven offered', () => {
    expect(availableLanguages()).toEqual(LANGUAGES);
  });

  it.each(LANGUAGES)('books, gets its mail and documents PDF, manages and follows its ticket in %s', async (lang) => {
    const t = translatorFor(lang);
    const dir = directionOf(lang);
    const family = new Browser(app);
    const book = `/${lang}/wmk/events/${eventId}/book`;
    await family.get(`${book}/topics`);
    expect(htmlOf(family)).toEqual({ lang, dir });
    expect(text(family.html(), 'h1')).toBe(t('booking.topics.heading'));
    await family.post(`${book}/topics`, { topics: String(org.topic('kindergeld').id) });
    await family.follow();
    await family.post(`${book}/time`, { itinerary: family.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
    await family.post(`${book}/contact`, { name: 'Family', email: 'not an address', phone: '' });
    expect(family.last.statusCode).toBe(303);
    await family.follow(); // the error, translated, on the same page
    expect(text(family.html(), '.error-summary a')).toBe(t('booking.contact.errors.emailInvalid'));
    await family.post(`${book}/contact`, { name: 'Family', email: `${lang}@example.org`, phone: '' });
    await family.post(`${book}/needs`, { language: lang, interpreter: 'none' });
    const confirmed = await family.post(`${book}/check`, { consent: 'yes' });
    const manage = (confirmed.headers.location as string).split('?')[0]!;
    expect(manage.startsWith(`/${lang}/wmk/booking/`)).toBe(true);

    await app.mailWorker.runOnce();
    const mail = smtp.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text === `${lang}@example.org`)!;
    for (const part of fixedParts(t('mail.booking_confirmed.subject'))) expect(mail.subject).toContain(part);
    expect(mail.headers.get('content-language')).toBe(lang);
    expect(mail.text).toContain(t('mail.booking_confirmed.intro'));
    expect(mail.text).toContain(`http://familientag.test${manage}`);
    expect(mail.html).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['text/calendar']);
    // The gap between a time and its topic is on the side the text runs to (mail programs know no logical CSS).
    const timeCell = parse(mail.html as string).querySelector('td')!.getAttribute('style');
    expect(timeCell).toContain(dir === 'rtl' ? 'padding: 4px 0 4px 16px' : 'padding: 4px 16px 4px 0');
    // Event and date with the language's own comma (Arabic and Persian write "،").
    const title = pick(org.organisation.eventTitle, lang);
    expect(mail.text).toContain(`${title}${t('common.comma')}`);
    if (dir === 'rtl') expect(mail.text).not.toContain(`${title}, `);
    // The county's phone number reads in its own order, also in a right-to-left mail (no <bdi> in plain text).
    const phoneLine = mail.text!.split('\n').find((line) => line.includes('302-0'))!;
    expect(shown(phoneLine, dir)).toContain('05651 302-0');
    expect(shown(htmlText(mail.html as string).find((line) => line.includes('302-0'))!, dir)).toContain('05651 302-0');

    await family.get(manage);
    expect(htmlOf(family)).toEqual({ lang, dir });
    expect(text(family.html(), '.language-switcher [aria-current]')).toBeTruthy();
    const pdf = await app.inject(`${manage}/documents.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    // The file name is the family's language's; the header itself stays ASCII, with the UTF-8 name encoded.
    const disposition = String(pdf.headers['content-disposition']);
    expect(disposition).toMatch(/^[\x20-\x7e]+$/);
    expect(parseDisposition(disposition).parameters.filename).toBe(`${t('aids.bookingDocuments.filename')}-2027-03-10.pdf`);
    const fonts = pdfFonts(pdf.rawPayload).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.some((name) => name.startsWith('NotoSansArabic'))).toBe(dir === 'rtl');
    const printed = pdfText(pdf.rawPayload);
    expect(printed).toMatch(/[A-Z0-9]{6}/);
    if (dir === 'ltr') expect(printed).toContain(t('aids.bookingDocuments.title'));

    const desk = await signIn(app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
    await desk.get(`/de/wmk/staff/events/${eventId}/board`);
    const [booking] = await database.db.select({ id: bookings.id, language: bookings.language }).from(bookings).where(eq(bookings.email, `${lang}@example.org`));
    expect(booking!.language).toBe(lang);
    await desk.post(`/de/wmk/staff/events/${eventId}/check-in`, { bookingId: String(booking!.id) });
    await desk.follow();
    const slipLink = new URL(text(desk.html(), '.slip__link')!).pathname;
    expect(slipLink.startsWith(`/${lang}/wmk/ticket/`)).toBe(true);
    const phone = new Browser(app);
    await phone.get(slipLink);
    expect(htmlOf(phone)).toEqual({ lang, dir });
    const number = text(phone.html(), 'bdi.ticket-number')!;
    expect(text(phone.html(), 'h1')).toBe(`${t('ticket.heading')} ${number}`);
    expect(text(phone.html(), 'title')!.startsWith(t('ticket.title', { number }))).toBe(true);
  });
});
