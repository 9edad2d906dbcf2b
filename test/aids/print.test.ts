import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { berlinInstant, formatTime } from '../../src/lib/dates.js';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { useTestApp } from '../helpers/app.js';
import { type Browser, signIn } from '../helpers/browser.js';
import { BEFORE_EVENT, STAFF_PASSWORD, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk } from '../helpers/fixtures.js';
import { pdfPages, pdfQrCodes, pdfText } from '../helpers/pdf.js';

const env = useTestApp(BEFORE_EVENT);
let eventId = 0;
let codes: string[] = [];
const browsers: Record<string, Browser> = {};

beforeAll(async () => {
  const db = env.database.db;
  const org = await createOrganisation(db);
  const { event, deskIds } = await createEvent(db, org);
  eventId = event.id;
  const kindergeld = await slotsOfDesk(db, deskIds[0]!);
  const wohngeld = await slotsOfDesk(db, deskIds[1]!);
  const first = await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: kindergeld[1]!.id }, { topicKey: 'wohngeld', slotId: wohngeld[2]!.id }], 'Familie Yilmaz');
  const second = await createBooking(db, org, event, [{ topicKey: 'wohngeld', slotId: wohngeld[0]!.id }], 'Familie Novak');
  await db.update(bookings).set({ phone: '0151 2345678', interpreterLanguage: 'uk', childcare: true }).where(eq(bookings.id, second.bookingId));
  codes = [second.code, first.code];
  for (const role of ['coordinator', 'desk', 'expert'] as const) {
    await createStaff(db, org, role);
    browsers[role] = await signIn(env.app, 'wmk', `${role}@wmk.example`, STAFF_PASSWORD);
  }
});

describe('the front desk’s day list', () => {
  it('lists the expected families by time with code, appointments, needs, interpreter and phone; audit-logged; no-store', async () => {
    const desk = browsers.desk!;
    await desk.get(`/de/wmk/staff/events/${eventId}/board`);
    expect(desk.html().querySelector(`a[href$="/events/${eventId}/day-list.pdf"]`)?.text).toBe('Tagesliste als PDF (für den Ausfall der Verbindung)');
    const response = await desk.get(`/de/wmk/staff/events/${eventId}/day-list.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Tagesliste: Mittwoch, 10. März 2027');
    expect(text).toContain('2 erwartete Familien');
    const layout = pdfText(response.rawPayload, { layout: true });
    const [novak, yilmaz] = codes;
    expect(layout.indexOf(novak!)).toBeLessThan(layout.indexOf(yilmaz!));
    expect(text).toMatch(new RegExp(`14:00 ${novak} 14:00 Wohngeld \\(Tisch 2\\) Kinderbetreuung Ukrainisch 0151 2345678`));
    expect(text).toMatch(new RegExp(`14:30 ${yilmaz} 14:30 Kindergeld \\(Tisch 1\\) 15:00 Wohngeld \\(Tisch 2\\) – – –`));
    expect(text).not.toMatch(/Yilmaz|Novak/);
    expect(pdfPages(response.rawPayload)).toBe(1);
    const [entry] = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'export'));
    expect(entry).toMatchObject({ subjectType: 'event', subjectId: eventId, resultCount: 2 });
  });

  it('is for the front desk and coordinators only', async () => {
    expect((await browsers.coordinator!.get(`/en/wmk/staff/events/${eventId}/day-list.pdf`)).statusCode).toBe(200);
    expect(pdfText(browsers.coordinator!.last.rawPayload)).toContain('Day list: Wednesday, 10 March 2027');
    expect((await browsers.expert!.get(`/de/wmk/staff/events/${eventId}/day-list.pdf`)).statusCode).toBe(403);
    const roles = env.app.staffRoutes.find((r) => r.url === '/:lang/:org/staff/events/:eventId/day-list.pdf')?.roles;
    expect(roles).toEqual(['coordinator', 'desk']);
  });
});

describe('event flyers', () => {
  it('offers A4 and A5 with an optional second language, and the QR code’s address is the event’s booking page', async () => {
    const coordinator = browsers.coordinator!;
    await coordinator.get(`/de/wmk/staff/events/${eventId}`);
    expect(coordinator.html().querySelector(`a[href$="/events/${eventId}/flyer"]`)?.text).toBe('Flyer drucken');
    await coordinator.get(`/de/wmk/staff/events/${eventId}/flyer`);
    expect(coordinator.html().querySelector('main form')?.getAttribute('action')).toBe(`/de/wmk/staff/events/${eventId}/flyer.pdf`);
    expect(coordinator.html().querySelectorAll('input[name="format"]').map((i) => i.getAttribute('value'))).toEqual(['A4', 'A5']);

    const poster = await coordinator.get(`/de/wmk/staff/events/${eventId}/flyer.pdf?format=A4&second=en`);
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['cache-control']).toBe('no-store');
    const text = pdfText(poster.rawPayload);
    expect(text).toMatch(/^Kreis wmk Tag der Familienleistungen Family Benefits Day Mittwoch, 10\. März 2027 Wednesday, 10 March 2027 14:00–16:00 Uhr 14:00–16:00/);
    expect(text).toContain('Familienzentrum wmk Marktplatz 1, 37269 Eschwege Bus 200 bis Markt Bus 200 to Markt');
    expect(text).toContain('Kindergeld · Child benefit');
    expect(text).toContain('Wohngeld · Housing benefit');
    expect(text).not.toContain('Stromspar');
    expect(text).toContain('Ohne Termin möglich – oder hier einen Termin buchen:');
    expect(text).toContain('No appointment needed – or book one here:');
    // Without a language: the phone that scans it gets the page in its own language.
    expect(text).toContain(`http://familientag.test/wmk/events/${eventId}`);
    expect(text).not.toContain('/de/wmk/events');
    expect(pdfPages(poster.rawPayload)).toBe(1);

    const handout = await coordinator.get(`/de/wmk/staff/events/${eventId}/flyer.pdf?format=A5`);
    const handoutText = pdfText(handout.rawPayload);
    expect(handoutText).not.toContain('Family Benefits Day');
    expect(handoutText).toContain('Ohne Termin möglich');
    expect(pdfPages(handout.rawPayload)).toBe(1);
    expect((await browsers.desk!.get(`/de/wmk/staff/events/${eventId}/flyer.pdf`)).statusCode).toBe(403);
  });

  it('keeps the phone number in its order under Arabic and Persian, and writes their hours as they write times', async () => {
    for (const lang of ['ar', 'fa']) {
      const flyer = await browsers.coordinator!.get(`/de/wmk/staff/events/${eventId}/flyer.pdf?format=A4&second=${lang}`);
      const text = pdfText(flyer.rawPayload);
      expect(text.split('05651 302-0').length - 1, lang).toBe(2); // the German line and the second language's
      expect(text, lang).not.toContain('0-302');
      // 14:00 as the language writes it: "2:00 م" in Arabic, "۱۴:۰۰" in Persian (pdftotext may move the "م").
      expect(text, lang).toContain(/[\d۰-۹]+:[\d۰-۹]+/.exec(formatTime(berlinInstant('2027-03-10', '14:00'), lang))![0]);
    }
    expect(formatTime(berlinInstant('2027-03-10', '14:00'), 'fa')).toBe('۱۴:۰۰');
    expect(formatTime(berlinInstant('2027-03-10', '14:00'), 'ar')).toMatch(/^2:00/);
  });

  it('carries a QR code that a phone reads as the event’s booking page, on the poster and the handout', async () => {
    for (const format of ['A4', 'A5']) {
      const flyer = await browsers.coordinator!.get(`/de/wmk/staff/events/${eventId}/flyer.pdf?format=${format}`);
      const [scanned] = pdfQrCodes(flyer.rawPayload);
      expect(scanned, format).toBe(`http://familientag.test/wmk/events/${eventId}`);
      // The phone's language decides: an Arabic phone is sent to the Arabic page, a German one to the German.
      for (const [phone, lang] of [['ar-SY,ar;q=0.9', 'ar'], ['de-DE', 'de']]) {
        const scan = await env.app.inject({ method: 'GET', url: new URL(scanned!).pathname, headers: { 'accept-language': phone! } });
        expect([scan.statusCode, scan.headers.location]).toEqual([303, `/${lang}/wmk/events/${eventId}`]);
        const page = await env.app.inject({ method: 'GET', url: scan.headers.location as string });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain(`<html lang="${lang}"`);
      }
    }
  });
});
