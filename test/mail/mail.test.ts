import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { mailJobs } from '../../src/modules/mail/mail.table.js';
import { claimDueMail } from '../../src/modules/mail/outbox.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { Browser, signIn } from '../helpers/browser.js';
import { openTestDatabase, resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createEvent, createOrganisation, createStaff,
} from '../helpers/fixtures.js';
import { TestSmtpServer } from '../helpers/smtp.js';

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
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await smtp.stop();
});
beforeEach(async () => {
  clock.set(BEFORE_EVENT);
  await resetDatabase(database);
  smtp.clear();
  org = await createOrganisation(database.db);
  eventId = (await createEvent(database.db, org)).event.id;
});

/** Books Kindergeld at the first offered time through the real pages; returns the manage page's path. */
async function book(lang: 'de' | 'en', email: string, name = 'Aylin Kaya') {
  const browser = new Browser(app);
  const base = `/${lang}/wmk/events/${eventId}/book`;
  await browser.get(`${base}/topics`);
  await browser.post(`${base}/topics`, { topics: String(org.topic('kindergeld').id) });
  await browser.follow();
  await browser.post(`${base}/time`, { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
  await browser.post(`${base}/contact`, { name, email, phone: '' });
  await browser.post(`${base}/needs`, { language: lang, interpreter: 'none' });
  const confirmed = await browser.post(`${base}/check`, { consent: 'yes' });
  expect(confirmed.statusCode).toBe(303);
  return { browser, manage: (confirmed.headers.location as string).split('?')[0]! };
}

const sendDue = () => app.mailWorker.runOnce();
const jobs = () => database.db.select().from(mailJobs);

describe('the confirmation mail', () => {
  it('arrives once, in German, with the times, the documents, a working manage link and a calendar file without personal data', async () => {
    const { manage } = await book('de', 'aylin@example.org');
    expect(await jobs()).toHaveLength(1);
    expect(smtp.received).toHaveLength(0);
    expect(await sendDue()).toMatchObject({ sent: 1, failed: 0 });
    expect(await sendDue()).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.subject).toBe('Ihr Termin am Mittwoch, 10. März 2027 ist gebucht');
    expect(mail!.from?.text).toBe('"Familientag Test" <noreply@familientag.test>');
    expect(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : '').toBe('aylin@example.org');
    expect(mail!.headers.get('content-language')).toBe('de');
    expect(mail!.text).toContain('14:00  Kindergeld (Tisch 1)');
    expect(mail!.text).toContain('Steuer-ID jedes Kindes');
    expect(mail!.html).toContain('<html lang="de"');
    // The link in the mail is the family's real, working manage link.
    const link = /http:\/\/familientag\.test(\/de\/wmk\/booking\/[\w-]+)/.exec(mail!.text!)![1]!;
    expect(link).toBe(manage);
    expect((await app.inject(link)).statusCode).toBe(200);
    // No user text in any header: the name appears nowhere but in nothing at all.
    const headerText = [...mail!.headers.entries()].map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
    expect(headerText).not.toContain('Aylin');
    const calendar = mail!.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString();
    expect(calendar).toContain('BEGIN:VTIMEZONE');
    expect(calendar).toContain('DTSTART;TZID=Europe/Berlin:20270310T140000');
    for (const secret of ['Aylin', 'aylin@example.org', link.split('/').pop()!]) expect(calendar).not.toContain(secret);
    // Once sent, the outbox row forgets the address and the manage token.
    expect(await jobs()).toEqual([expect.objectContaining({ status: 'sent', recipient: null, manageToken: null, attempts: 1 })]);
  });

  it('arrives in English for a family that booked in English', async () => {
    await book('en', 'family@example.org', 'Sam Jones');
    await sendDue();
    expect(smtp.received.map((m) => m.subject)).toEqual(['Your appointment on Wednesday, 10 March 2027 is booked']);
    expect(smtp.received[0]!.text).toContain('Please bring:');
    expect(smtp.received[0]!.text).toContain('Tax ID of each child');
  });

  it('is not written for a family without an e-mail address', async () => {
    await book('de', '');
    expect(await jobs()).toHaveLength(0);
  });
});

describe('mails about changes', () => {
  it.each([
    ['de', ['Ihr Termin am Mittwoch, 10. März 2027 ist gebucht', 'Ihr Termin am Mittwoch, 10. März 2027 wurde geändert', 'Ihr Termin am Mittwoch, 10. März 2027 ist abgesagt']],
    ['en', ['Your appointment on Wednesday, 10 March 2027 is booked', 'Your appointment on Wednesday, 10 March 2027 has changed', 'Your appointment on Wednesday, 10 March 2027 is cancelled']],
  ] as const)('tells the family about its own reschedule and cancellation, once each (%s)', async (lang, subjects) => {
    const { browser, manage } = await book(lang, 'aylin@example.org');
    await browser.get(`${manage}/reschedule`);
    const other = browser.html().querySelectorAll('input[name="itinerary"]')[1]!.getAttribute('value')!;
    expect((await browser.post(`${manage}/reschedule`, { itinerary: other })).statusCode).toBe(303);
    await sendDue();
    await browser.get(`${manage}/cancel`);
    expect((await browser.post(`${manage}/cancel`)).statusCode).toBe(303);
    await sendDue();
    await sendDue();
    expect(smtp.received.map((m) => m.subject)).toEqual(subjects);
    expect(smtp.received[1]!.text).toMatch(lang === 'de' ? /\d\d:\d\d {2}Kindergeld \(Tisch 1\)/ : /\d\d:\d\d {2}Child benefit \(Desk 1\)/);
    expect(smtp.received[1]!.text).not.toContain('14:00');
    expect(smtp.received[2]!.attachments).toHaveLength(0);
  });

  it('tells families when the coordinator moves the event, in their language', async () => {
    await book('de', 'de@example.org', 'Familie De');
    await book('en', 'en@example.org', 'Family En');
    await sendDue();
    smtp.clear();
    await createStaff(database.db, org, 'coordinator');
    const coordinator = await signIn(app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await coordinator.get(`/de/wmk/staff/events/${eventId}/move`);
    await coordinator.post(`/de/wmk/staff/events/${eventId}/move`, { localDate: '2027-03-17', venueId: String(org.venue.id) });
    expect(coordinator.last.statusCode).toBe(303);
    await sendDue();
    const subjects = smtp.received.map((m) => m.subject).sort();
    expect(subjects).toEqual([
      'Important: the event has moved to Wednesday, 17 March 2027',
      'Wichtig: Der Termin wurde auf den Mittwoch, 17. März 2027 verlegt',
    ]);
    expect(smtp.received.every((m) => m.attachments.some((a) => /DTSTART;TZID=Europe\/Berlin:20270317T14[03]000/.test(a.content.toString())))).toBe(true);
  });
});

describe('the coordinator cancelling the event', () => {
  it('sends each family with an address one cancellation, without a calendar file', async () => {
    await book('en', 'en@example.org', 'Family En');
    await sendDue();
    smtp.clear();
    await createStaff(database.db, org, 'coordinator');
    const coordinator = await signIn(app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await coordinator.get(`/de/wmk/staff/events/${eventId}/cancel`);
    await coordinator.post(`/de/wmk/staff/events/${eventId}/cancel`, { confirm: 'yes' });
    await sendDue();
    await sendDue();
    expect(smtp.received.map((m) => m.subject)).toEqual(['Cancelled: Family Benefits Day on Wednesday, 10 March 2027']);
    expect(smtp.received[0]!.text).toContain('has to be cancelled');
    expect(smtp.received[0]!.attachments).toHaveLength(0);
  });
});

describe('a mail that came too late', () => {
  it('is dropped when the booking was cancelled before it went out; the cancellation says all', async () => {
    const { browser, manage } = await book('de', 'aylin@example.org');
    await browser.get(`${manage}/cancel`);
    await browser.post(`${manage}/cancel`);
    expect(await sendDue()).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.received.map((m) => m.subject)).toEqual(['Ihr Termin am Mittwoch, 10. März 2027 ist abgesagt']);
  });
});

describe('reminders', () => {
  it.each([
    ['de', 'Erinnerung: Ihr Termin am Mittwoch, 10. März 2027', 'Link aus Ihrer Bestätigungs-E-Mail'],
    ['en', 'Reminder: your appointment on Wednesday, 10 March 2027', 'link in your confirmation e-mail'],
  ] as const)('go out once, 48 hours before the first appointment, and not to families who booked later (%s)', async (lang, subject, manageHint) => {
    await book(lang, 'early@example.org', 'Familie Früh');
    await sendDue();
    smtp.clear();
    clock.set('2027-03-08T12:59:00Z'); // 48 h 1 min before 14:00 Berlin on 10 March
    await sendDue();
    expect(smtp.received).toHaveLength(0);
    clock.set('2027-03-08T13:00:00Z');
    await book(lang, 'late@example.org', 'Familie Spät');
    await sendDue();
    await sendDue();
    const reminders = smtp.received.filter((m) => m.subject === subject);
    expect(reminders).toHaveLength(1);
    expect(smtp.received).toHaveLength(2); // the late family's confirmation, and one reminder
    expect(reminders[0]!.to && !Array.isArray(reminders[0]!.to) ? reminders[0]!.to.text : '').toBe('early@example.org');
    expect(reminders[0]!.text).toContain(manageHint);
  });
});

describe('an outage of the mail server', () => {
  it('loses nothing and duplicates nothing: after the server is back, exactly one mail arrives', async () => {
    await smtp.stop();
    await book('de', 'aylin@example.org');
    expect(await sendDue()).toMatchObject({ sent: 0, failed: 1 });
    const [waiting] = await jobs();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, recipient: 'aylin@example.org' });
    expect(waiting!.lastError).not.toContain('aylin');
    expect(waiting!.nextAttemptAt.getTime()).toBe(clock().getTime() + 60_000);

    await smtp.start();
    expect(await sendDue()).toMatchObject({ sent: 0 }); // the retry is not due yet
    clock.set(new Date(clock().getTime() + 60_000).toISOString());
    expect(await sendDue()).toMatchObject({ sent: 1 });
    clock.set(new Date(clock().getTime() + 3_600_000).toISOString());
    await sendDue();
    expect(smtp.received).toHaveLength(1);
    expect(await jobs()).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
  });

  it('takes up the mail of a worker that died after claiming it, once its lease has run out', async () => {
    await book('de', 'aylin@example.org');
    const claimed = await claimDueMail(database.db, clock()); // a worker takes it, then its process dies
    expect(claimed).toHaveLength(1);
    expect(await sendDue()).toMatchObject({ sent: 0 });
    clock.set(new Date(clock().getTime() + 5 * 60_000 + 1000).toISOString());
    expect(await sendDue()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the last retry and keeps no address of a mail it could not send', async () => {
    await smtp.stop();
    await book('de', 'aylin@example.org');
    for (let attempt = 0; attempt < 10; attempt++) {
      await sendDue();
      clock.set(new Date(clock().getTime() + 25 * 3_600_000).toISOString());
    }
    const confirmation = (await jobs()).filter((job) => job.kind === 'booking_confirmed');
    expect(confirmation).toEqual([expect.objectContaining({ status: 'failed', attempts: 8, recipient: null, manageToken: null })]);
    await smtp.start();
  });
});

describe('the outbox across two workers', () => {
  it('never hands the same mail to two workers running at once', async () => {
    for (let i = 0; i < 4; i++) await book('de', `family${i}@example.org`, `Familie ${i}`);
    const [first, second] = await Promise.all([claimDueMail(database.db, clock(), 3), claimDueMail(database.db, clock(), 3)]);
    const ids = [...first, ...second].map((job) => job.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    await database.db.update(mailJobs).set({ lockedUntil: null }).where(eq(mailJobs.status, 'pending'));
  });
});
