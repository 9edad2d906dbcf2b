import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { venues } from '../../src/modules/organisations/organisations.table.js';
import { MAIL_KINDS } from '../../src/modules/booking/family-mail.js';
import { useTestApp } from '../helpers/app.js';
import { type Browser, signIn, text } from '../helpers/browser.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';
import de from '../../locales/de.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };

const env = useTestApp(BEFORE_EVENT);
let eventId: number;
let coordinator: Browser;
let front: Browser;
const codes: Record<string, string> = {};

beforeAll(async () => {
  const db = env.database.db;
  const org = await createOrganisation(db);
  const { event, deskIds } = await createEvent(db, org);
  eventId = event.id;
  const [k1400, k1430] = await slotsOfDesk(db, deskIds[0]!);
  const [, , w1500] = await slotsOfDesk(db, deskIds[1]!);
  const [, , k1500] = await slotsOfDesk(db, deskIds[0]!);
  const family = async (name: string, stops: Array<{ topicKey: string; slotId: number }>, set: Partial<typeof bookings.$inferInsert>, email = '') => {
    const booking = await createBooking(db, org, event, stops, name, email);
    await db.update(bookings).set(set).where(eq(bookings.id, booking.bookingId));
    codes[name] = booking.code;
  };
  await family('Amal', [{ topicKey: 'kindergeld', slotId: k1400!.id }], { interpreterLanguage: 'ar', childcare: true, phone: '0151 111' });
  await family('Basim', [{ topicKey: 'kindergeld', slotId: k1430!.id }, { topicKey: 'wohngeld', slotId: w1500!.id }],
    { interpreterLanguage: 'ar', stepFree: true, language: 'en', phone: '0151 222' });
  await family('Darius', [{ topicKey: 'kindergeld', slotId: k1500!.id }], { interpreterLanguage: 'fa' }, 'darius@example.org');
  for (const role of ['coordinator', 'desk', 'expert'] as const) await createStaff(db, org, role);
  env.clock.set('2027-03-10T12:50:00Z');
  coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
  front = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
});

const staffUrl = (path: string, lang = 'de') => `/${lang}/wmk/staff/events/${eventId}${path}`;
const rowOf = (browser: Browser, name: string) => browser.html().querySelectorAll('tbody tr').find((tr) => tr.text.includes(name))!;

describe('languages and needs on the day', () => {
  it('names the interpreter\'s language on the board, in the page\'s language, and shows the phone number there', async () => {
    await front.get(staffUrl('/board'));
    const amal = rowOf(front, 'Amal').text.replace(/\s+/g, ' ');
    expect(amal).toContain('Dolmetschen: Arabisch · Kinderbetreuung');
    expect(amal).toContain('0151 111');
    expect(rowOf(front, 'Darius').text).toContain('Dolmetschen: Persisch');
    await front.get(staffUrl('/board', 'en'));
    expect(rowOf(front, 'Amal').text).toContain('Interpreter: Arabic · Childcare');
  });

  it('shows no raw language codes in a booking\'s details', async () => {
    await front.get(staffUrl('/board?q=Basim'));
    const link = front.html().querySelector('tbody a.kern-link')!.getAttribute('href')!;
    await front.get(link);
    const details = text(front.html(), 'dl')!;
    expect(details).toContain('Englisch');
    expect(details).toContain('Dolmetschen: Arabisch · barrierefrei');
    expect(details).not.toMatch(/\b(en|ar)\b/);
  });

  it('sums up interpreters per language and hour, childcare and step-free access, reachable from the board and the event page', async () => {
    await front.get(staffUrl('/board'));
    const fromBoard = front.html().querySelector(`a[href="${staffUrl('/needs')}"]`);
    expect(fromBoard).not.toBeNull();
    await coordinator.get(staffUrl(''));
    expect(coordinator.html().querySelector(`a[href="${staffUrl('/needs')}"]`)).not.toBeNull();

    await front.get(staffUrl('/needs'));
    expect(front.last.statusCode).toBe(200);
    const table = front.html().querySelector('.needs-table')!;
    const headings = table.querySelectorAll('thead th').map((th) => th.text.trim());
    expect(headings).toEqual(['Bedarf', '14 Uhr', '15 Uhr', 'Familien insgesamt']);
    const rows = table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text.trim()));
    expect(rows).toEqual([
      ['Dolmetschen: Arabisch', '2', '1', '2'],
      ['Dolmetschen: Persisch', '–', '1', '1'],
      ['Kinderbetreuung', '1', '–', '1'],
      ['barrierefrei', '1', '1', '1'],
    ]);
  });

  it('warns when families need step-free access at a venue without it, and only then', async () => {
    await front.get(staffUrl('/needs'));
    expect(front.html().querySelector('.step-free-missing')).toBeNull();
    await env.database.db.update(venues).set({ stepFree: false });
    try {
      await front.get(staffUrl('/needs'));
      expect(text(front.html(), '.step-free-missing')).toContain('ist nicht stufenlos erreichbar, aber 1 Familie braucht stufenlosen Zugang');
      await front.get(staffUrl('/needs', 'en'));
      expect(text(front.html(), '.step-free-missing')).toContain('has no step-free access, but 1 family needs it');
    } finally {
      await env.database.db.update(venues).set({ stepFree: true });
    }
  });

  it('lists the families without an e-mail address with their phone, as the event page promises', async () => {
    await coordinator.get(staffUrl('/needs'));
    const phoneTable = coordinator.html().querySelectorAll('table').at(-1)!;
    expect(phoneTable.text).toContain('Amal');
    expect(phoneTable.text).toContain('0151 222');
    expect(phoneTable.text).toContain(codes.Basim!);
    expect(phoneTable.text).not.toContain('Darius');
    expect(coordinator.html().querySelector('#phone-heading')).not.toBeNull();
  });

  it('keeps the summary to coordinators and the front desk', async () => {
    const expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    expect((await expert.get(staffUrl('/needs'))).statusCode).toBe(403);
  });
});

describe('notice kinds', () => {
  it('has a label in every language for every kind of mail, and the event page shows the booking confirmations by name', async () => {
    for (const kind of MAIL_KINDS) {
      expect(de.planning.event.noticeKinds, kind).toHaveProperty(kind);
      expect(en.planning.event.noticeKinds, kind).toHaveProperty(kind);
    }
    await coordinator.get(staffUrl(''));
    const notices = text(coordinator.html(), 'main')!;
    expect(notices).toContain('Buchung bestätigt');
    expect(notices).not.toContain('noticeKinds');
  });
});
