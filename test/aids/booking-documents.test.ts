import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { combineDocuments } from '../../src/modules/aids/combined-documents.js';
import { cancelBooking } from '../../src/modules/booking/booking.service.js';
import { topics } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { BEFORE_EVENT, createBooking, createEvent, createOrganisation, slotsOfDesk } from '../helpers/fixtures.js';
import { pdfPages, pdfQrCodes, pdfText } from '../helpers/pdf.js';

const env = useTestApp(BEFORE_EVENT);
let manageUrl = '';
let code = '';
let bookingId = 0;

beforeAll(async () => {
  const db = env.database.db;
  const org = await createOrganisation(db);
  await db.update(topics).set({ documents: { de: ['Steuer-ID jedes Kindes', 'Bankverbindung (IBAN)'], en: ['Tax ID of each child', 'Bank details (IBAN)'] } }).where(eq(topics.id, org.topic('kindergeld').id));
  await db.update(topics).set({ documents: { de: ['Mietvertrag', 'bankverbindung  (IBAN) ', 'Mietvertrag'], en: ['Tenancy agreement', 'Bank details (IBAN)'] } }).where(eq(topics.id, org.topic('wohngeld').id));
  const { event, deskIds } = await createEvent(db, org);
  const [first] = await slotsOfDesk(db, deskIds[0]!);
  const [, second] = await slotsOfDesk(db, deskIds[1]!);
  const booking = await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: first!.id }, { topicKey: 'wohngeld', slotId: second!.id }]);
  manageUrl = `/de/wmk/booking/${booking.manageToken}`;
  code = booking.code;
  bookingId = booking.bookingId;
});

describe('one combined list of documents for all booked topics', () => {
  it('names a document two topics share once, first, and each topic’s own after it', () => {
    expect(combineDocuments([
      { topic: 'Kindergeld', documents: ['Steuer-ID', 'Bankverbindung (IBAN)'] },
      { topic: 'Wohngeld', documents: ['Mietvertrag', ' bankverbindung (IBAN)', 'Mietvertrag'] },
      { topic: 'Stromspar-Check', documents: ['Bankverbindung (IBAN)'] },
    ])).toEqual({
      shared: ['Bankverbindung (IBAN)'],
      perTopic: [{ topic: 'Kindergeld', documents: ['Steuer-ID'] }, { topic: 'Wohngeld', documents: ['Mietvertrag'] }],
    });
  });
});

describe('documents-to-bring PDF of a booking', () => {
  it('is linked from the confirmation and manage page and holds code, times, address and the combined list, in the page’s language', async () => {
    const family = new Browser(env.app);
    await family.get(`${manageUrl}?confirmed=1`);
    const link = family.html().querySelectorAll('a').find((a) => a.getAttribute('href')?.endsWith('/documents.pdf'));
    expect(link?.text).toBe('Liste der Unterlagen als PDF (zum Ausdrucken)');
    const response = await family.get(link!.getAttribute('href')!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe('inline; filename="unterlagen-2027-03-10.pdf"');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Unterlagen für Ihre Termine');
    expect(text).toContain(code);
    expect(text).toContain('Mittwoch, 10. März 2027');
    expect(text).toContain('Familienzentrum wmk, Marktplatz 1, 37269 Eschwege');
    expect(text).toMatch(/14:00 Kindergeld \(Tisch 1\).*14:30 Wohngeld \(Tisch 2\)/);
    expect(text).toMatch(/Für mehrere Ihrer Termine Bankverbindung \(IBAN\) Kindergeld Steuer-ID jedes Kindes Wohngeld Mietvertrag/);
    expect(text.match(/IBAN/g)).toHaveLength(1);
    expect(text).toContain('Seite 1 von 1');
    expect(pdfPages(response.rawPayload)).toBe(1);
    expect(pdfQrCodes(response.rawPayload)).toEqual([code]);
    expect(response.rawPayload.length).toBeLessThan(60_000);

    const english = pdfText((await family.get(`${manageUrl.replace('/de/', '/en/')}/documents.pdf`)).rawPayload);
    expect(english).toMatch(/^Kreis wmk · Family Benefits Day Documents for your appointments Your booking code/);
    expect(english).toContain('Wednesday, 10 March 2027');
    expect(english).toMatch(/For several of your appointments Bank details \(IBAN\) Child benefit Tax ID of each child Housing benefit Tenancy agreement/);
  });

  it('is a 404 for an unknown link and for a cancelled booking', async () => {
    const family = new Browser(env.app);
    expect((await family.get('/de/wmk/booking/AAAAAAAAAAAAAAAAAAAAAA/documents.pdf')).statusCode).toBe(404);
    await cancelBooking(env.database.db, bookingId, new Date(BEFORE_EVENT));
    expect((await family.get(`${manageUrl}/documents.pdf`)).statusCode).toBe(404);
  });
});
