import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
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
  at('13:55');
  front = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
  expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
});

const staffUrl = (path: string) => `/de/wmk/staff/events/${eventId}${path}`;
const deskUrl = (path: string) => staffUrl(`/desks/${deskIds[0]}${path}`);
const db = () => env.database.db;

async function checkInFamily() {
  await front.get(staffUrl('/board'));
  expect((await front.post(staffUrl('/check-in'), { bookingId: String(family.bookingId) })).statusCode).toBe(303);
}

async function walkIn() {
  await front.get(staffUrl('/walk-in'));
  expect((await front.post(staffUrl('/walk-in'), { language: 'de', topicIds: String(org.topic('kindergeld').id) })).statusCode).toBe(303);
}

async function visitOf(number: number) {
  const [row] = await db().select({ visit: visits }).from(visits).innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(eq(tickets.number, number));
  return row!.visit;
}

/** Calls the next family and presses "call again" until they have been called `times` times. */
async function callTimes(times: number) {
  await expert.get(deskUrl('/queue'));
  expect((await expert.post(deskUrl('/call-next'))).statusCode).toBe(303);
  const [called] = await db().select().from(visits).where(eq(visits.status, 'called'));
  for (let i = 1; i < times; i += 1) await expert.post(deskUrl(`/visits/${called!.id}/call-again`));
  return called!;
}

const boardRow = async () => {
  await front.get(staffUrl('/board'));
  return text(front.html(), 'tbody tr')!;
};

describe('"did not come"', () => {
  it('is offered and accepted only once the family has been called the set number of times', async () => {
    await checkInFamily();
    at('14:00');
    const called = await callTimes(2);
    await expert.get(deskUrl('/queue'));
    expect(expert.last.body).not.toContain(`/visits/${called.id}/no-show`);
    expect(text(expert.html(), '#no-show-hint')).toContain('nach 3 Aufrufen');
    expect((await expert.post(deskUrl(`/visits/${called.id}/no-show`))).statusCode).toBe(409);
    expect((await visitOf(1)).status).toBe('called');

    await expert.post(deskUrl(`/visits/${called.id}/call-again`));
    await expert.get(deskUrl('/queue'));
    expect(expert.html().querySelector(`form[action$="/visits/${called.id}/no-show"] button`)).not.toBeNull();
    expect((await expert.post(deskUrl(`/visits/${called.id}/no-show`))).statusCode).toBe(303);
    expect((await visitOf(1)).status).toBe('no_show');
  });

  it('shows on the board as "did not come" and in its count, not as done', async () => {
    await checkInFamily();
    at('14:00');
    const called = await callTimes(3);
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));
    const row = await boardRow();
    expect(row).toContain('nicht gekommen');
    expect(row).not.toContain('fertig');
    expect(text(front.html(), '.board-counts')).toContain('Nicht gekommen: 1');
    expect(text(front.html(), '.board-counts')).toContain('Fertig: 0');
  });

  it('counts a walk-in who did not come as well', async () => {
    at('14:10');
    await walkIn();
    const called = await callTimes(3);
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));
    await front.get(staffUrl('/board'));
    const walkInRow = front.html().querySelectorAll('tbody tr').find((tr) => tr.text.includes('ohne Termin'))!;
    expect(walkInRow.text).toContain('nicht gekommen');
    // The booked family is only late, not missing yet: the one "did not come" is the walk-in.
    expect(text(front.html(), '.board-counts')).toContain('Nicht gekommen: 1');
  });
});

describe('back in the queue', () => {
  it('lets the front desk put a family who turns up late back in the queue, behind those who waited meanwhile', async () => {
    await checkInFamily();
    at('14:00');
    await walkIn(); // number 2, waits while the booked family is called
    const called = await callTimes(3);
    at('14:03');
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));

    at('14:04');
    // Found by code or name, the booking's page offers the same.
    await front.get(staffUrl(`/bookings/${family.bookingId}`));
    expect(text(front.html(), 'main')).toContain('nicht gekommen (aufgerufen)');
    expect(front.html().querySelector(`form[action="${staffUrl(`/tickets/${called.ticketId}/back-in-queue`)}"]`)).not.toBeNull();
    await front.get(staffUrl('/board'));
    const form = front.html().querySelector('tbody form[action$="/back-in-queue"]');
    expect(form).not.toBeNull();
    expect(form!.getAttribute('action')).toBe(staffUrl(`/tickets/${called.ticketId}/back-in-queue`));
    expect((await front.post(form!.getAttribute('action')!)).statusCode).toBe(303);
    await front.follow();
    expect(text(front.html(), '[role="status"]')).toContain('Nummer 1 ist wieder in der Warteschlange');
    expect(text(front.html(), 'tbody tr')).toContain('da');
    expect(await visitOf(1)).toMatchObject({ status: 'waiting', kind: 'walk_in', dueAt: null, callCount: 0 });

    // Their booked time has passed: the walk-in who waited since 14:00 comes first.
    at('14:05');
    await expert.get(deskUrl('/queue'));
    await expert.post(deskUrl('/call-next'));
    expect((await visitOf(2)).status).toBe('called');
    expect((await visitOf(1)).status).toBe('waiting');
  });

  it('lets the expert put a family back from the desk screen, and refuses it for a family that is not missing', async () => {
    await checkInFamily();
    at('14:00');
    const called = await callTimes(3);
    expect((await expert.post(deskUrl(`/visits/${called.id}/back-in-queue`))).statusCode).toBe(409);
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));
    await expert.get(deskUrl('/queue'));
    expect(text(expert.html(), '.missed')).toContain('1');
    const button = expert.html().querySelector(`.missed form[action$="/visits/${called.id}/back-in-queue"]`);
    expect(button).not.toBeNull();
    expect((await expert.post(deskUrl(`/visits/${called.id}/back-in-queue`))).statusCode).toBe(303);
    expect((await visitOf(1)).status).toBe('waiting');
    await expert.get(deskUrl('/queue'));
    expect(expert.html().querySelector('.missed')).toBeNull();
    expect(text(expert.html(), '[data-live="queue"] tbody')).toContain('1');
  });

  it('puts a family back once when the front desk and the expert press at the same moment', async () => {
    await checkInFamily();
    at('14:00');
    const called = await callTimes(3);
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));
    await front.get(staffUrl('/board'));
    await expert.get(deskUrl('/queue'));
    const statuses = (await Promise.all([
      front.post(staffUrl(`/tickets/${called.ticketId}/back-in-queue`)),
      expert.post(deskUrl(`/visits/${called.id}/back-in-queue`)),
    ])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([303, 409]);
    expect(await db().select().from(visits)).toHaveLength(1);
    expect((await visitOf(1)).status).toBe('waiting');
  });
});

describe('undo', () => {
  it('takes back a finish until the next call, and not after', async () => {
    await checkInFamily();
    await walkIn();
    at('14:00');
    const called = await callTimes(1);
    await expert.post(deskUrl(`/visits/${called.id}/start`));
    at('14:20');
    await expert.post(deskUrl(`/visits/${called.id}/finish`));
    // Finishing leads to the checklist; the queue page still offers to take the finish back.
    expect(expert.last.headers.location).toContain('/checklist?after=');
    await expert.get(deskUrl('/queue'));
    expect(text(expert.html(), '.undo-step')).toContain('Nummer 1: Beratung beendet');
    const undo = deskUrl(`/visits/${called.id}/undo`);
    expect(expert.html().querySelector(`form[action="${undo}"]`)).not.toBeNull();

    at('14:21');
    expect((await expert.post(undo)).statusCode).toBe(303);
    expect(await visitOf(1)).toMatchObject({ status: 'serving', finishedAt: null });
    await expert.post(deskUrl(`/visits/${called.id}/finish`));
    at('14:30');
    await expert.get(deskUrl('/queue'));
    await expert.post(deskUrl('/call-next'));
    expect((await visitOf(2)).status).toBe('called');
    await expert.get(deskUrl('/queue'));
    expect(expert.html().querySelector('.undo-step')).toBeNull();
    expect((await expert.post(undo)).statusCode).toBe(409);
    expect(text(expert.html(), '[role="status"]')).toContain('nicht mehr rückgängig');
    expect((await visitOf(1)).status).toBe('done');
  });

  it('does not take back a finish once the family has been called to their next desk', async () => {
    const db0 = db();
    const [, k1430] = await slotsOfDesk(db0, deskIds[0]!);
    const [, , w1500] = await slotsOfDesk(db0, deskIds[1]!);
    const event = (await db0.query.events.findFirst())!;
    family = await createBooking(db0, org, event, [{ topicKey: 'kindergeld', slotId: k1430!.id }, { topicKey: 'wohngeld', slotId: w1500!.id }], 'Zwei Tische');
    const second = await createStaff(db0, org, 'expert', { email: 'wohngeld@wmk.example', topicKeys: ['wohngeld'] });
    await assignExpert(db0, deskIds[1]!, second.id);
    await checkInFamily();
    at('14:30');
    // Idle for more than 30 minutes, the morning's session has ended.
    expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    const called = await callTimes(1);
    await expert.post(deskUrl(`/visits/${called.id}/start`));
    at('14:58');
    await expert.post(deskUrl(`/visits/${called.id}/finish`));
    at('15:00');
    const other = await signIn(env.app, 'wmk', 'wohngeld@wmk.example', STAFF_PASSWORD);
    expect((await other.get(staffUrl(`/desks/${deskIds[1]}/queue`))).statusCode).toBe(200);
    expect((await other.post(staffUrl(`/desks/${deskIds[1]}/call-next`))).statusCode).toBe(303);
    at('15:01');
    await expert.get(deskUrl('/queue'));
    expect((await expert.post(deskUrl(`/visits/${called.id}/undo`))).statusCode).toBe(409);
    expect((await db0.select().from(visits).where(eq(visits.id, called.id)))[0]!.status).toBe('done');
  });

  it('takes back "did not come" for a few minutes only', async () => {
    await checkInFamily();
    at('14:00');
    const called = await callTimes(3);
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));
    await expert.follow();
    expect(text(expert.html(), '.undo-step')).toContain('Nummer 1: als nicht erschienen markiert');
    expect((await expert.post(deskUrl(`/visits/${called.id}/undo`))).statusCode).toBe(303);
    expect(await visitOf(1)).toMatchObject({ status: 'called', callCount: 3, finishedAt: null });
    expect(await boardRow()).toContain('da');

    await expert.get(deskUrl('/queue'));
    await expert.post(deskUrl(`/visits/${called.id}/no-show`));
    at('14:06');
    await expert.get(deskUrl('/queue'));
    expect(expert.html().querySelector('.undo-step')).toBeNull();
    expect((await expert.post(deskUrl(`/visits/${called.id}/undo`))).statusCode).toBe(409);
    expect((await visitOf(1)).status).toBe('no_show');
  });
});
