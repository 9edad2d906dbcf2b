import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { tickets, visits } from '../../src/modules/queue/queue.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, assignExpert, createBooking, createEvent, createOrganisation,
  createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const { clock } = env;
/** 13:50 in Berlin on the event day; the desks open at 14:00. */
const MORNING = '2027-03-10T12:50:00Z';
const at = (berlinTime: string) => clock.set(`2027-03-10T${berlinTime}:00+01:00`);

let org: OrganisationFixture;
let eventId: number;
let deskIds: number[];
let front: Browser;
let expert: Browser;
let family: { bookingId: number; code: string };

beforeEach(async () => {
  clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  const db = env.database.db;
  org = await createOrganisation(db);
  const created = await createEvent(db, org);
  eventId = created.event.id;
  deskIds = created.deskIds;
  const [first] = await slotsOfDesk(db, deskIds[0]!);
  family = await createBooking(db, org, created.event, [{ topicKey: 'kindergeld', slotId: first!.id }], 'Aylin Kaya');
  await createStaff(db, org, 'desk');
  const { id: expertId } = await createStaff(db, org, 'expert', { topicKeys: ['kindergeld'] });
  await assignExpert(db, deskIds[0]!, expertId);
  clock.set(MORNING);
  front = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
  expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
});

const staffUrl = (path: string) => `/de/wmk/staff/events/${eventId}${path}`;
const queueUrl = () => staffUrl(`/desks/${deskIds[0]}/queue`);

async function checkInFamily() {
  await front.get(staffUrl('/board'));
  const response = await front.post(staffUrl('/check-in'), { bookingId: String(family.bookingId) });
  expect(response.statusCode).toBe(303);
  await front.follow();
  return front;
}

/** Reads the ticket page link from the slip's printed URL. */
function ticketPathFromSlip(browser: Browser) {
  const url = text(browser.html(), '.slip__link')!;
  return new URL(url).pathname;
}

describe('front desk', () => {
  it('shows the day board with the expected family, and finds them by code and by name', async () => {
    await front.get(staffUrl('/board'));
    expect(front.last.statusCode).toBe(200);
    const row = front.html().querySelector('tbody tr')!;
    expect(row.text).toContain('Aylin Kaya');
    expect(row.text).toContain('14:00');
    expect(row.text).toContain('erwartet');

    await front.get(staffUrl(`/board?q=${family.code.toLowerCase().slice(0, 3)}-${family.code.slice(3).toLowerCase()}`));
    expect(front.html().querySelectorAll('tbody tr')).toHaveLength(1);
    await front.get(staffUrl('/board?q=kaya'));
    expect(front.html().querySelectorAll('tbody tr')).toHaveLength(1);
    await front.get(staffUrl('/board?q=Nobody%25'));
    expect(text(front.html(), 'main')).toContain('Keine Buchung gefunden');

    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'name_search'));
    expect(audit.map((a) => a.resultCount)).toEqual([1, 0]);
    // The log knows that someone searched, not for what.
    expect(JSON.stringify(audit)).not.toMatch(/kaya|nobody/i);
    const opened = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'open_booking'));
    expect(opened).toMatchObject([{ subjectType: 'booking', subjectId: family.bookingId }]);
  });

  it('marks a booked family late after their time and as not come after their last slot', async () => {
    at('14:10');
    await front.get(staffUrl('/board'));
    expect(text(front.html(), 'tbody tr')).toContain('verspätet');
    at('14:31');
    await front.get(staffUrl('/board'));
    expect(text(front.html(), 'tbody tr')).toContain('nicht gekommen');
  });

  it('checks a family in once: number 1, a slip with a QR code to the live ticket page, and a place in the queue', async () => {
    await checkInFamily();
    expect(text(front.html(), '.slip__number')).toBe('1');
    expect(front.html().querySelector('.qr-code svg')).not.toBeNull();
    const firstLink = ticketPathFromSlip(front);
    expect(firstLink).toMatch(/^\/de\/wmk\/ticket\/[A-Za-z0-9_-]{22}$/);

    // A second press (or a second desk) gives back the same ticket, not a new number.
    await front.get(staffUrl('/board'));
    const again = await front.post(staffUrl('/check-in'), { bookingId: String(family.bookingId) });
    expect(again.statusCode).toBe(303);
    const rows = await env.database.db.select().from(tickets);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ number: 1, kind: 'booked', bookingId: family.bookingId });
    const queued = await env.database.db.select().from(visits);
    expect(queued).toMatchObject([{ deskId: deskIds[0], kind: 'booked', status: 'waiting' }]);
    // The slip is reprinted by the desk that made it with the same QR code, see slip.test.ts for other desks.
    await front.get(staffUrl(`/tickets/${rows[0]!.id}`));
    expect(front.html().querySelector('.qr-code svg')).not.toBeNull();
    expect(ticketPathFromSlip(front)).toBe(firstLink);

    await front.get(staffUrl('/board'));
    expect(text(front.html(), 'tbody tr')).toContain('da');
    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'check_in'));
    expect(audit).toMatchObject([{ subjectType: 'booking', subjectId: family.bookingId }]);
  });

  it('registers a walk-in with topics and language, and refuses an empty form with the answers kept', async () => {
    await front.get(staffUrl('/walk-in'));
    const refused = await front.post(staffUrl('/walk-in'), { language: 'en' });
    expect(refused.statusCode).toBe(400);
    expect(text(front.html(), '.error-summary')).toContain('Wählen Sie mindestens ein Thema.');
    expect(front.html().querySelector('option[value="en"]')!.hasAttribute('selected')).toBe(true);

    await front.post(staffUrl('/walk-in'), { language: 'en', topicIds: [String(org.topic('kindergeld').id), String(org.topic('wohngeld').id)] });
    expect(front.last.statusCode).toBe(303);
    await front.follow();
    expect(text(front.html(), '.slip__number')).toBe('1');
    expect(ticketPathFromSlip(front)).toMatch(/^\/en\/wmk\/ticket\//);
    const queued = await env.database.db.select().from(visits).orderBy(visits.deskId);
    expect(queued.map((v) => [v.deskId, v.kind])).toEqual([[deskIds[0], 'walk_in'], [deskIds[1], 'walk_in']]);
  });
});

describe('expert queue, display and the family\'s ticket page', () => {
  it('runs a consultation: call, the display and ticket page follow, start, finish', async () => {
    await checkInFamily();
    const ticketPath = ticketPathFromSlip(front);
    const familyPhone = new Browser(env.app);

    await familyPhone.get(ticketPath);
    expect(familyPhone.last.statusCode).toBe(200);
    expect(text(familyPhone.html(), 'main')).toContain('Sie sind als Nächstes dran.');
    expect(familyPhone.last.body).not.toContain('Aylin');

    await expert.get(queueUrl());
    expect(expert.last.statusCode).toBe(200);
    expect(text(expert.html(), '[data-live="queue"] tbody')).toContain('1');
    expect(expert.last.body).not.toContain('Aylin');
    await expert.post(staffUrl(`/desks/${deskIds[0]}/call-next`));
    expect(expert.last.statusCode).toBe(303);

    const display = await new Browser(env.app).get(`/de/wmk/events/${eventId}/display`);
    expect(display.statusCode).toBe(200);
    const screen = new Browser(env.app);
    await screen.get(`/de/wmk/events/${eventId}/display`);
    expect(text(screen.html(), '.display__call--latest')).toBe('Nummer1 → Tisch 1');

    await familyPhone.get(ticketPath);
    expect(text(familyPhone.html(), '.your-turn')).toBe('Sie sind dran: bitte zu Tisch 1');

    await expert.get(queueUrl());
    const [visit] = await env.database.db.select().from(visits);
    await expert.post(staffUrl(`/desks/${deskIds[0]}/visits/${visit!.id}/start`));
    at('14:19');
    await expert.post(staffUrl(`/desks/${deskIds[0]}/visits/${visit!.id}/finish`));
    const [done] = await env.database.db.select().from(visits);
    expect(done).toMatchObject({ status: 'done', callCount: 1 });
    expect(done!.finishedAt!.toISOString()).toBe('2027-03-10T13:19:00.000Z');
    await familyPhone.get(ticketPath);
    expect(text(familyPhone.html(), '.ticket-turns')).toContain('Erledigt');
    await front.get(staffUrl('/board'));
    expect(text(front.html(), 'tbody tr')).toContain('fertig');
  });

  it('serves the booked family at its time before an earlier walk-in, and the walk-in in the gap after', async () => {
    await front.get(staffUrl('/walk-in'));
    await front.post(staffUrl('/walk-in'), { language: 'de', topicIds: String(org.topic('kindergeld').id) });
    at('13:55');
    await checkInFamily();
    // The walk-in came first, but the 14:00 family is due within one slot.
    await expert.get(queueUrl());
    await expert.post(staffUrl(`/desks/${deskIds[0]}/call-next`));
    const called = await env.database.db.select({ number: tickets.number, status: visits.status }).from(visits).innerJoin(tickets, eq(tickets.id, visits.ticketId));
    expect(called.find((v) => v.status === 'called')?.number).toBe(2);
  });

  it('holds walk-ins back while a booked family is due, and says until when', async () => {
    const db = env.database.db;
    const [, second] = await slotsOfDesk(db, deskIds[0]!);
    const { event } = { event: (await db.query.events.findFirst())! };
    await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: second!.id }], 'Später');
    at('14:19');
    await front.get(staffUrl('/walk-in'));
    await front.post(staffUrl('/walk-in'), { language: 'de', topicIds: String(org.topic('kindergeld').id) });
    await expert.get(queueUrl());
    const response = await expert.post(staffUrl(`/desks/${deskIds[0]}/call-next`));
    expect(response.statusCode).toBe(200);
    expect(text(expert.html(), '[role="status"]')).toContain('Um 14:30 kommt eine Familie mit Termin');
    expect(await db.select().from(visits).where(eq(visits.status, 'called'))).toHaveLength(0);
  });

  it('allows "did not come" only after the set number of calls, and sends a family on to another desk', async () => {
    await front.get(staffUrl('/walk-in'));
    await front.post(staffUrl('/walk-in'), { language: 'de', topicIds: String(org.topic('kindergeld').id) });
    at('14:15');
    await expert.get(queueUrl());
    await expert.post(staffUrl(`/desks/${deskIds[0]}/call-next`));
    expect(expert.last.statusCode).toBe(303);
    const [visit] = await env.database.db.select().from(visits);
    const noShow = staffUrl(`/desks/${deskIds[0]}/visits/${visit!.id}/no-show`);
    await expert.get(queueUrl());
    expect((await expert.post(noShow)).statusCode).toBe(409);
    expect(text(expert.html(), '[role="status"]')).toContain('oft genug aufgerufen');
    await expert.post(staffUrl(`/desks/${deskIds[0]}/visits/${visit!.id}/call-again`));
    await expert.post(staffUrl(`/desks/${deskIds[0]}/visits/${visit!.id}/call-again`));
    expect((await expert.post(noShow)).statusCode).toBe(303);
    const [after] = await env.database.db.select().from(visits);
    expect(after).toMatchObject({ status: 'no_show', callCount: 3 });

    // A second walk-in is sent on to the Wohngeld desk and waits there.
    await front.get(staffUrl('/walk-in'));
    await front.post(staffUrl('/walk-in'), { language: 'de', topicIds: String(org.topic('kindergeld').id) });
    await expert.post(staffUrl(`/desks/${deskIds[0]}/call-next`));
    const [, second] = await env.database.db.select().from(visits).orderBy(visits.id);
    await expert.get(queueUrl());
    await expert.post(staffUrl(`/desks/${deskIds[0]}/visits/${second!.id}/send-on`), { toDeskId: String(deskIds[1]) });
    expect(expert.last.statusCode).toBe(303);
    const rows = await env.database.db.select().from(visits).orderBy(visits.id);
    expect(rows.slice(1).map((v) => [v.deskId, v.status, v.kind])).toEqual([
      [deskIds[0], 'sent_on', 'walk_in'],
      [deskIds[1], 'waiting', 'sent_on'],
    ]);
  });

  it('keeps experts to their own desk', async () => {
    const response = await expert.get(staffUrl(`/desks/${deskIds[1]}/queue`));
    expect(response.statusCode).toBe(403);
  });
});
