import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/audit.js';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { runRetention } from '../../src/modules/booking/retention.js';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { mailJobs } from '../../src/modules/mail/mail.table.js';
import { organisations } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, type OrganisationFixture, createBooking, createEvent, createOrganisation, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
let org: OrganisationFixture;
let family: { bookingId: number; code: string; manageToken: string };

beforeEach(async () => {
  env.clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  const db = env.database.db;
  org = await createOrganisation(db);
  const { event, deskIds } = await createEvent(db, org); // 10 March 2027
  const [slot] = await slotsOfDesk(db, deskIds[0]!);
  family = await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: slot!.id }], 'Aylin Kaya', 'aylin@example.org');
  await db.update(bookings).set({ phone: '0151 1234567', childcare: true, interpreterLanguage: 'ar' }).where(eq(bookings.id, family.bookingId));
});

const bookingRow = async () => (await env.database.db.select().from(bookings).where(eq(bookings.id, family.bookingId)))[0]!;
const manageUrl = () => `/de/wmk/booking/${family.manageToken}`;

describe('deletion on schedule', () => {
  it('keeps the booking until 14 days after the event, then removes name, contact, needs and the link, keeping the anonymous facts', async () => {
    const db = env.database.db;
    expect((await runRetention(db, new Date('2027-03-24T22:00:00Z'), 90)).anonymisedBookings).toBe(0); // 24 March ends in Berlin
    expect((await bookingRow()).name).toBe('Aylin Kaya');

    const result = await runRetention(db, new Date('2027-03-24T23:30:00Z'), 90); // 25 March, 00:30 in Berlin
    expect(result.anonymisedBookings).toBe(1);
    expect(await bookingRow()).toMatchObject({
      name: '', email: null, phone: null, interpreterLanguage: null, childcare: false, stepFree: false,
      anonymisedAt: new Date('2027-03-24T23:30:00Z'), status: 'confirmed', language: 'de', code: family.code,
    });
    expect((await bookingRow()).manageTokenHash).toBe(`deleted:${family.bookingId}`);
    expect(await db.select().from(bookingItems).where(eq(bookingItems.bookingId, family.bookingId))).toHaveLength(1);
    expect((await env.app.inject(manageUrl())).statusCode).toBe(404);
    // The confirmation never went out (no worker ran): it is dropped together with its address and link.
    expect(await db.select().from(mailJobs)).toEqual([expect.objectContaining({ status: 'skipped', recipient: null, manageToken: null })]);
    expect((await runRetention(db, new Date('2027-03-26T12:00:00Z'), 90)).anonymisedBookings).toBe(0);
  });

  it('follows each organisation\'s own number of days', async () => {
    await env.database.db.update(organisations).set({ retentionDays: 2 }).where(eq(organisations.id, org.organisation.id));
    expect((await runRetention(env.database.db, new Date('2027-03-12T12:00:00Z'), 90)).anonymisedBookings).toBe(0);
    expect((await runRetention(env.database.db, new Date('2027-03-13T12:00:00Z'), 90)).anonymisedBookings).toBe(1);
  });

  it('wipes the address of sent mail at once and prunes old audit entries', async () => {
    const db = env.database.db;
    await db.update(mailJobs).set({ status: 'sent', recipient: 'aylin@example.org' });
    const old = new Date('2026-11-01T10:00:00Z');
    await recordAudit(db, { organisationId: org.organisation.id, staffId: null, action: 'login_failed', at: old });
    await recordAudit(db, { organisationId: org.organisation.id, staffId: null, action: 'login_failed', at: new Date('2027-02-20T10:00:00Z') });
    const result = await runRetention(db, new Date(BEFORE_EVENT), 90);
    expect(result).toMatchObject({ anonymisedBookings: 0, wipedMails: 1, prunedAuditEntries: 1 });
    expect((await db.select().from(mailJobs))[0]!.recipient).toBeNull();
    expect((await db.select().from(auditLog)).map((entry) => entry.at)).toEqual([new Date('2027-02-20T10:00:00Z')]);
  });

  it('runs inside the mail worker\'s round', async () => {
    env.clock.set('2027-04-01T10:00:00Z');
    const round = await env.app.mailWorker.runOnce();
    expect(round.retention?.anonymisedBookings).toBe(1);
  });
});

describe('deletion at the family\'s request', () => {
  it('cancels the appointment, frees its time and removes the personal data at once; the link then leads nowhere', async () => {
    const browser = new Browser(env.app);
    await browser.get(manageUrl());
    expect(browser.html().querySelector(`a[href="${manageUrl()}/delete"]`)).not.toBeNull();
    await browser.get(`${manageUrl()}/delete`);
    expect(browser.last.body).toContain('Ihr Termin am Mittwoch, 10. März 2027 wird dabei abgesagt');
    const response = await browser.post(`${manageUrl()}/delete`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/de/wmk/data-deleted');
    await browser.follow();
    expect(browser.html().querySelector('h1')?.text).toBe('Ihre Daten sind gelöscht');
    expect(await bookingRow()).toMatchObject({ name: '', email: null, phone: null, status: 'cancelled', childcare: false });
    expect((await env.database.db.select().from(bookingItems)).every((item) => !item.active)).toBe(true);
    expect((await env.app.inject(manageUrl())).statusCode).toBe(404);
    expect(await env.database.db.select().from(mailJobs)).toEqual([expect.objectContaining({ status: 'skipped', recipient: null })]);
  });

  it('needs the private link: a wrong one deletes nothing', async () => {
    const browser = new Browser(env.app);
    await browser.get(`${manageUrl()}/delete`);
    const response = await browser.post('/de/wmk/booking/AAAAAAAAAAAAAAAAAAAAAA/delete');
    expect(response.statusCode).toBe(404);
    expect((await bookingRow()).name).toBe('Aylin Kaya');
  });
});

describe('public pages of the organisation', () => {
  it('link privacy notice, imprint and accessibility statement from the footer, filled from the settings', async () => {
    await env.database.db.update(organisations).set({
      postalAddress: 'Schlossplatz 1, 37269 Eschwege', representedBy: 'den Landrat', dataProtectionContact: 'datenschutz@kreis.example', retentionDays: 21,
    });
    const browser = new Browser(env.app);
    await browser.get('/de/wmk');
    const footer = browser.html().querySelectorAll('footer a').map((a) => a.getAttribute('href'));
    expect(footer).toEqual(expect.arrayContaining(['/de/wmk/privacy', '/de/wmk/imprint', '/de/wmk/accessibility']));
    const privacy = (await browser.get('/de/wmk/privacy')).body;
    expect(privacy).toContain('Schlossplatz 1, 37269 Eschwege');
    expect(privacy).toContain('datenschutz@kreis.example');
    expect(privacy).toContain('21 Tage nach dem Termin');
    expect((await browser.get('/en/wmk/imprint')).body).toContain('Represented by den Landrat.');
    const accessibility = await browser.get('/de/wmk/accessibility');
    expect(accessibility.body).toContain('Barrieren melden');
    expect(accessibility.body).toContain('mailto:info@example.org');
  });

  it('offer a calendar feed of the published events with the Berlin time zone, drafts left out', async () => {
    await createEvent(env.database.db, org, { localDate: '2027-04-14', status: 'draft' });
    await createEvent(env.database.db, org, { localDate: '2027-05-12', status: 'cancelled' });
    const response = await env.app.inject('/de/wmk/events.ics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body).toContain('BEGIN:VTIMEZONE');
    expect(response.body).toContain('DTSTART;TZID=Europe/Berlin:20270310T140000');
    expect(response.body).not.toContain('20270414');
    expect(response.body).toMatch(/STATUS:CANCELLED[\s\S]*20270512|20270512[\s\S]*STATUS:CANCELLED/);
    expect(response.body).toContain('URL;VALUE=URI:http://familientag.test/de/wmk/events/');
    expect(response.body).not.toContain('Aylin');
  });
});
