import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { inBerlin } from '../../src/lib/dates.js';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { SlotTakenError } from '../../src/modules/booking/booking.service.js';
import { DeskChangeRefused, saveDesk } from '../../src/modules/planning/desks.service.js';
import { desks, events, slots } from '../../src/modules/events/events.table.js';
import { mailJobs } from '../../src/modules/mail/mail.table.js';
import { venues } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
let org: OrganisationFixture;
let coordinator: Browser;
let secondVenueId: number;

beforeEach(async () => {
  env.clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  const db = env.database.db;
  org = await createOrganisation(db);
  const [second] = await db.insert(venues).values({
    organisationId: org.organisation.id, name: 'Familienzentrum Sontra', street: 'Bahnhofstr. 1', postcode: '36205', town: 'Sontra',
  }).returning();
  secondVenueId = second!.id;
  await createStaff(db, org, 'coordinator');
  coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
});

const staffUrl = (path: string) => `/de/wmk/staff${path}`;
const errorsOn = (browser: Browser) => browser.html().querySelectorAll('.error-summary li').map((li) => li.text.trim());
/** The outbox without the booking confirmations that the fixtures' bookings wrote. */
const noticesOnly = async () => (await env.database.db.select().from(mailJobs)).filter((job) => job.kind !== 'booking_confirmed');
const berlinWallTimes = (rows: Array<{ startsAt: Date }>) => rows.map((slot) => inBerlin(slot.startsAt).toFormat('yyyy-MM-dd HH:mm'));

describe('planning a year from a rotation rule', () => {
  it('creates a draft for the 2nd Wednesday of twelve months, the venues taking turns, and nothing twice', async () => {
    await coordinator.get(staffUrl('/events/plan'));
    const plan = {
      week: '2', weekday: '3', startsLocal: '14:00', endsLocal: '18:00', firstMonth: '2027-04', months: '12',
      venueIds: [String(org.venue.id), String(secondVenueId), ''],
    };
    const response = await coordinator.post(staffUrl('/events/plan'), plan);
    expect(response.statusCode).toBe(303);
    await coordinator.follow();
    expect(text(coordinator.html(), '[role=status]')).toContain('12 Entwürfe angelegt, 0 Tage übersprungen');

    const rows = await env.database.db.select().from(events).orderBy(asc(events.localDate));
    expect(rows.map((e) => e.localDate)).toEqual([
      '2027-04-14', '2027-05-12', '2027-06-09', '2027-07-14', '2027-08-11', '2027-09-08',
      '2027-10-13', '2027-11-10', '2027-12-08', '2028-01-12', '2028-02-09', '2028-03-08',
    ]);
    expect(rows.every((e) => e.status === 'draft' && e.startsLocal === '14:00' && e.endsLocal === '18:00')).toBe(true);
    expect(rows.map((e) => e.venueId)).toEqual(rows.map((_, i) => (i % 2 === 0 ? org.venue.id : secondVenueId)));
    // Booking opens 60 days before and closes 2 hours before the start, in Berlin time (summer time in April).
    expect(rows[0]!.bookingClosesAt.toISOString()).toBe('2027-04-14T10:00:00.000Z');

    await coordinator.post(staffUrl('/events/plan'), plan);
    await coordinator.follow();
    expect(text(coordinator.html(), '[role=status]')).toContain('0 Entwürfe angelegt, 12 Tage übersprungen');
    expect(await env.database.db.select().from(events)).toHaveLength(12);
  });

  it('explains what is wrong and keeps the plan as typed', async () => {
    await coordinator.get(staffUrl('/events/plan'));
    await coordinator.post(staffUrl('/events/plan'), { week: '2', weekday: '3', startsLocal: '18:00', endsLocal: '14:00', firstMonth: '04/2027', months: '12' });
    expect(coordinator.last.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual([
      'Geben Sie den ersten Monat ein, zum Beispiel 2027-01.', 'Wählen Sie mindestens einen Ort.', 'Das Ende muss nach dem Beginn liegen.',
    ].sort((a, b) => ['firstMonth', 'venueIds', 'endsLocal'].indexOf(a) - ['firstMonth', 'venueIds', 'endsLocal'].indexOf(b)));
    expect(coordinator.html().querySelector('#field-firstMonth')?.getAttribute('value')).toBe('04/2027');
    expect(await env.database.db.select().from(events)).toHaveLength(0);
  });
});

describe('copying desks', () => {
  it('gives an empty event the desks of another one, with experts, topics and fresh slots on its own date', async () => {
    const db = env.database.db;
    const { id: expertId } = await createStaff(db, org, 'expert', { topicKeys: ['kindergeld'] });
    const { event: source, deskIds } = await createEvent(db, org);
    await db.update(desks).set({ expertId, breaks: [{ start: '15:00', end: '15:30' }] }).where(eq(desks.id, deskIds[0]!));
    await coordinator.get(staffUrl('/events/new'));
    await coordinator.post(staffUrl('/events/new'), { localDate: '2027-10-31', venueId: String(org.venue.id), startsLocal: '14:00', endsLocal: '16:00' });
    const eventUrl = coordinator.last.headers.location as string;
    const targetId = Number(eventUrl.split('/').pop());
    await coordinator.get(eventUrl);
    await coordinator.post(`${eventUrl}/desks/copy`, { fromEventId: String(source.id) });
    await coordinator.follow();
    expect(text(coordinator.html(), '[role=status]')).toBe('2 Tische übernommen.');
    const copied = await db.select().from(desks).where(eq(desks.eventId, targetId)).orderBy(asc(desks.label));
    expect(copied.map((d) => [d.label, d.expertId, d.breaks])).toEqual([['Tisch 1', expertId, [{ start: '15:00', end: '15:30' }]], ['Tisch 2', null, []]]);
    // 31 October 2027 is the day summer time ends: the slots still start at 14:00 Berlin time.
    const firstDesk = await slotsOfDesk(db, copied[0]!.id);
    expect(berlinWallTimes(firstDesk)).toEqual(['2027-10-31 14:00', '2027-10-31 14:30', '2027-10-31 15:30']);

    await coordinator.post(`${eventUrl}/desks/copy`, { fromEventId: String(source.id) });
    await coordinator.follow();
    expect(text(coordinator.html(), '[role=alert]')).toContain('Dieser Termin hat schon Tische');
    expect(await db.select().from(desks).where(eq(desks.eventId, targetId))).toHaveLength(2);
  });

  it('staffs every draft of a year plan like a model event, ready to publish', async () => {
    const { event: model } = await createEvent(env.database.db, org);
    await coordinator.get(staffUrl('/events/plan'));
    await coordinator.post(staffUrl('/events/plan'), {
      week: '1', weekday: '4', startsLocal: '10:00', endsLocal: '14:00', firstMonth: '2027-04', months: '3',
      venueIds: [String(org.venue.id)], copyDesksFrom: String(model.id),
    });
    expect(coordinator.last.statusCode).toBe(303);
    const drafts = (await env.database.db.select().from(events).orderBy(asc(events.localDate))).filter((e) => e.id !== model.id);
    expect(drafts.map((e) => e.localDate)).toEqual(['2027-04-01', '2027-05-06', '2027-06-03']);
    for (const draft of drafts) {
      // The model's desks run 14–16 on a 14:00 event; on these 10:00 events they run 10–12.
      const draftDesks = await env.database.db.select().from(desks).where(eq(desks.eventId, draft.id));
      expect(draftDesks.map((d) => `${d.startsLocal}–${d.endsLocal}`)).toEqual(['10:00–12:00', '10:00–12:00']);
      expect(await env.database.db.select().from(slots).where(eq(slots.eventId, draft.id))).toHaveLength(8);
    }
    await coordinator.get(staffUrl(`/events/${drafts[0]!.id}`));
    await coordinator.post(staffUrl(`/events/${drafts[0]!.id}/publish`));
    expect(coordinator.last.statusCode).toBe(303);
  });
});

describe('a single event from draft to published', () => {
  it('cannot be published without desks, then is staffed and published, and families see it', async () => {
    await coordinator.get(staffUrl('/events/new'));
    await coordinator.post(staffUrl('/events/new'), { localDate: '2027-05-05', venueId: String(org.venue.id), startsLocal: '14:00', endsLocal: '18:00' });
    expect(coordinator.last.statusCode).toBe(303);
    const eventUrl = coordinator.last.headers.location as string;
    const eventId = Number(eventUrl.split('/').pop());

    await coordinator.get(eventUrl);
    await coordinator.post(`${eventUrl}/publish`);
    expect(coordinator.last.statusCode).toBe(409);
    expect(text(coordinator.html(), '[role=alert]')).toContain('Fügen Sie zuerst einen Tisch hinzu');
    expect((await env.app.inject(`/de/wmk/events/${eventId}`)).statusCode).toBe(404);

    await coordinator.get(`${eventUrl}/desks/new`);
    const desk = {
      label: 'Tisch 1', topicIds: [String(org.topic('kindergeld').id)], expertId: '', startsLocal: '14:00', endsLocal: '18:00',
      slotMinutes: '30', breaks: '16:00 - 16:30', walkInPercent: '25',
    };
    await coordinator.post(`${eventUrl}/desks/new`, { ...desk, breaks: 'mittags' });
    expect(coordinator.last.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual(['Schreiben Sie Pausen als Von-Bis-Zeiten, zum Beispiel 16:00-16:15.']);
    expect(coordinator.html().querySelector('#field-breaks')?.getAttribute('value')).toBe('mittags');
    await coordinator.post(`${eventUrl}/desks/new`, desk);
    expect(coordinator.last.statusCode).toBe(303);

    const deskSlots = await env.database.db.select().from(slots).where(eq(slots.eventId, eventId)).orderBy(asc(slots.startsAt));
    // 14:00–18:00 in 30-minute slots is 8, minus the break: 7, every 4th kept for walk-ins.
    expect(deskSlots).toHaveLength(7);
    expect(berlinWallTimes(deskSlots).map((t) => t.slice(11))).toEqual(['14:00', '14:30', '15:00', '15:30', '16:30', '17:00', '17:30']);
    expect(deskSlots.filter((s) => s.walkInOnly)).toHaveLength(1);

    await coordinator.get(eventUrl);
    await coordinator.post(`${eventUrl}/publish`);
    expect(coordinator.last.statusCode).toBe(303);
    const [published] = await env.database.db.select().from(events).where(eq(events.id, eventId));
    expect(published!.status).toBe('published');
    expect((await env.app.inject(`/de/wmk/events/${eventId}`)).statusCode).toBe(200);
  });

  it('refuses a date in the past', async () => {
    env.clock.set('2027-03-10T12:00:00Z');
    coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await coordinator.get(staffUrl('/events/new'));
    await coordinator.post(staffUrl('/events/new'), { localDate: '2027-03-09', venueId: String(org.venue.id), startsLocal: '14:00', endsLocal: '18:00' });
    expect(coordinator.last.statusCode).toBe(409);
    expect(errorsOn(coordinator)).toEqual(['Dieses Datum liegt in der Vergangenheit.']);
  });
});

describe('changing desks never drops a booked slot', () => {
  async function bookedEvent() {
    const { event, deskIds } = await createEvent(env.database.db, org, { desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld', 'wohngeld'] }] });
    const deskSlots = await slotsOfDesk(env.database.db, deskIds[0]!);
    const family = await createBooking(env.database.db, org, event, [{ topicKey: 'wohngeld', slotId: deskSlots[1]!.id }], 'Familie Weber');
    return { event, deskId: deskIds[0]!, bookedSlot: deskSlots[1]!, family };
  }
  const deskFields = (overrides: Record<string, string | string[]>) => ({
    label: 'Tisch 1', topicIds: [String(org.topic('kindergeld').id), String(org.topic('wohngeld').id)], expertId: '',
    startsLocal: '14:00', endsLocal: '16:00', slotMinutes: '30', breaks: '', walkInPercent: '0', ...overrides,
  });

  it('refuses new slot times that would drop a booking, naming its code and time, and changes nothing', async () => {
    const { event, deskId, family } = await bookedEvent();
    const before = await slotsOfDesk(env.database.db, deskId);
    const url = staffUrl(`/events/${event.id}/desks/${deskId}`);
    await coordinator.get(url);
    await coordinator.post(url, deskFields({ slotMinutes: '45' }));
    expect(coordinator.last.statusCode).toBe(409);
    const alert = text(coordinator.html(), '#field-form')!;
    expect(alert).toContain('Diese Änderung würde 1 Buchung treffen');
    expect(alert).toContain(`${family.code}: 14:30, Wohngeld`);
    expect(coordinator.html().querySelector('#field-slotMinutes')?.getAttribute('value')).toBe('45');
    expect(await slotsOfDesk(env.database.db, deskId)).toEqual(before);
  });

  it('refuses to take away a topic that a family booked at this desk', async () => {
    const { event, deskId, family } = await bookedEvent();
    const url = staffUrl(`/events/${event.id}/desks/${deskId}`);
    await coordinator.get(url);
    await coordinator.post(url, deskFields({ topicIds: [String(org.topic('kindergeld').id)] }));
    expect(coordinator.last.statusCode).toBe(409);
    expect(text(coordinator.html(), '#field-form')).toContain(family.code);
  });

  it('keeps booked slots with their bookings when the change leaves their time, and adds the new times', async () => {
    const { event, deskId, bookedSlot, family } = await bookedEvent();
    const { id: expertId } = await createStaff(env.database.db, org, 'expert', { topicKeys: ['wohngeld'] });
    const url = staffUrl(`/events/${event.id}/desks/${deskId}`);
    await coordinator.get(url);
    await coordinator.post(url, deskFields({ endsLocal: '17:00', walkInPercent: '25', expertId: String(expertId), label: 'Tisch A' }));
    expect(coordinator.last.statusCode).toBe(303);
    const after = await slotsOfDesk(env.database.db, deskId);
    expect(berlinWallTimes(after).map((t) => t.slice(11))).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(after.find((s) => s.id === bookedSlot.id)).toBeDefined();
    const [item] = await env.database.db.select().from(bookingItems).where(eq(bookingItems.bookingId, family.bookingId));
    expect(item).toMatchObject({ slotId: bookedSlot.id, active: true });
    const [desk] = await env.database.db.select().from(desks).where(eq(desks.id, deskId));
    expect(desk).toMatchObject({ label: 'Tisch A', expertId, walkInPercent: 25 });
  });

  it('will not remove a desk with bookings, and removes an empty one after confirmation', async () => {
    const { event, deskId, family } = await bookedEvent();
    const url = staffUrl(`/events/${event.id}/desks/${deskId}`);
    await coordinator.get(url);
    await coordinator.post(`${url}/delete`, {});
    expect(coordinator.last.statusCode).toBe(400);
    await coordinator.post(`${url}/delete`, { confirm: 'yes' });
    expect(coordinator.last.statusCode).toBe(409);
    expect(text(coordinator.html(), '#field-form')).toContain(family.code);

    await coordinator.get(staffUrl(`/events/${event.id}/desks/new`));
    await coordinator.post(staffUrl(`/events/${event.id}/desks/new`), deskFields({ label: 'Tisch 2' }));
    const [extra] = await env.database.db.select().from(desks).where(and(eq(desks.eventId, event.id), eq(desks.label, 'Tisch 2')));
    await coordinator.get(staffUrl(`/events/${event.id}/desks/${extra!.id}`));
    await coordinator.post(staffUrl(`/events/${event.id}/desks/${extra!.id}/delete`), { confirm: 'yes' });
    expect(coordinator.last.statusCode).toBe(303);
    expect(await env.database.db.select().from(desks).where(eq(desks.eventId, event.id))).toHaveLength(1);
  });

  it('does not seat one expert at two desks of the same event', async () => {
    const { event, deskId } = await bookedEvent();
    const { id: expertId } = await createStaff(env.database.db, org, 'expert');
    await env.database.db.update(desks).set({ expertId }).where(eq(desks.id, deskId));
    await coordinator.get(staffUrl(`/events/${event.id}/desks/new`));
    await coordinator.post(staffUrl(`/events/${event.id}/desks/new`), deskFields({ label: 'Tisch 2', expertId: String(expertId) }));
    expect(coordinator.last.statusCode).toBe(409);
    expect(errorsOn(coordinator)).toEqual(['Diese Person sitzt an diesem Tag schon an einem anderen Tisch.']);
  });
});

describe('moving and cancelling an event with bookings', () => {
  async function eventWithFamilies() {
    const { event, deskIds } = await createEvent(env.database.db, org);
    const deskSlots = await slotsOfDesk(env.database.db, deskIds[0]!);
    const withEmail = await createBooking(env.database.db, org, event, [{ topicKey: 'kindergeld', slotId: deskSlots[0]!.id }], 'Familie Mail', 'mail@example.org');
    const withoutEmail = await createBooking(env.database.db, org, event, [{ topicKey: 'kindergeld', slotId: deskSlots[1]!.id }], 'Familie Telefon');
    return { event, deskIds, withEmail, withoutEmail };
  }

  it('moves across the change to summer time, slots keep their wall-clock time, and one notice per reachable family is written', async () => {
    const { event, withEmail, withoutEmail } = await eventWithFamilies();
    const url = staffUrl(`/events/${event.id}`);
    await coordinator.get(`${url}/move`);
    expect(text(coordinator.html(), 'main')).toContain('2 Familien haben gebucht. 1 davon ohne E-Mail-Adresse');
    await coordinator.post(`${url}/move`, { localDate: '2027-03-31', venueId: String(secondVenueId) });
    expect(coordinator.last.statusCode).toBe(303);

    const moved = await env.database.db.select().from(slots).where(eq(slots.eventId, event.id)).orderBy(asc(slots.startsAt));
    expect(berlinWallTimes(moved).slice(0, 4)).toEqual(['2027-03-31 14:00', '2027-03-31 14:00', '2027-03-31 14:30', '2027-03-31 14:30']);
    expect(moved[0]!.startsAt.toISOString()).toBe('2027-03-31T12:00:00.000Z');
    const [row] = await env.database.db.select().from(events).where(eq(events.id, event.id));
    expect(row).toMatchObject({ localDate: '2027-03-31', venueId: secondVenueId, revision: 1 });
    expect(row!.bookingClosesAt.toISOString()).toBe('2027-03-31T10:00:00.000Z');
    const items = await env.database.db.select().from(bookingItems);
    expect(items.every((item) => item.active)).toBe(true);

    const jobs = await noticesOnly();
    expect(jobs).toEqual([expect.objectContaining({
      kind: 'event_moved', bookingId: withEmail.bookingId, status: 'pending', idempotencyKey: `event_moved:${event.id}:${withEmail.bookingId}:1`,
    })]);
    await coordinator.follow();
    const page = text(coordinator.html(), 'main')!;
    expect(page).toContain('1 Familien werden per E-Mail benachrichtigt, 1 haben keine E-Mail-Adresse');
    expect(page).toContain('1 Familie hat keine E-Mail-Adresse angegeben');
    expect(page).toContain(`Termin verschoben ${withEmail.code}`);
    expect(page).not.toContain(withoutEmail.code);

    // A second move is a second cause: another notice, never a duplicate of the first.
    await coordinator.post(`${url}/move`, { localDate: '2027-04-07', venueId: String(secondVenueId) });
    await coordinator.post(`${url}/move`, { localDate: '2027-04-07', venueId: String(secondVenueId) });
    expect(coordinator.last.statusCode).toBe(409);
    expect((await noticesOnly()).map((j) => j.idempotencyKey).sort()).toEqual([
      `event_moved:${event.id}:${withEmail.bookingId}:1`, `event_moved:${event.id}:${withEmail.bookingId}:2`,
    ]);
  });

  it('cancels only after confirmation: bookings cancelled, slots freed, families told, the public page says so', async () => {
    const { event, withEmail } = await eventWithFamilies();
    const url = staffUrl(`/events/${event.id}`);
    await coordinator.get(`${url}/cancel`);
    await coordinator.post(`${url}/cancel`, {});
    expect(coordinator.last.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual(['Bestätigen Sie bitte, dass Sie den Termin absagen wollen.']);
    expect((await env.database.db.select().from(events).where(eq(events.id, event.id)))[0]!.status).toBe('published');

    await coordinator.post(`${url}/cancel`, { confirm: 'yes' });
    expect(coordinator.last.statusCode).toBe(303);
    const familyRows = await env.database.db.select().from(bookings).where(eq(bookings.eventId, event.id));
    expect(familyRows.map((b) => b.status)).toEqual(['cancelled', 'cancelled']);
    expect((await env.database.db.select().from(bookingItems)).every((i) => !i.active)).toBe(true);
    const jobs = await noticesOnly();
    expect(jobs.map((j) => [j.kind, j.bookingId])).toEqual([['event_cancelled', withEmail.bookingId]]);
    const publicPage = await env.app.inject(`/de/wmk/events/${event.id}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('abgesagt');

    await coordinator.get(`${url}/move`);
    await coordinator.post(`${url}/move`, { localDate: '2027-04-07', venueId: String(org.venue.id) });
    expect(coordinator.last.statusCode).toBe(409);
    expect(errorsOn(coordinator)).toEqual(['Dieser Termin ist abgesagt und lässt sich nicht mehr ändern.']);
  });

  it('lists the audit entries of the move for the coordinator', async () => {
    const { event } = await eventWithFamilies();
    await coordinator.get(staffUrl(`/events/${event.id}/move`));
    await coordinator.post(staffUrl(`/events/${event.id}/move`), { localDate: '2027-03-17', venueId: String(org.venue.id) });
    await coordinator.get(staffUrl('/audit'));
    expect(text(coordinator.html(), 'tbody tr')).toContain('Termin verschoben');
  });
});

describe('a desk change racing a booking', () => {
  it('either keeps the slot for the family or refuses the booking; never a booking without its slot', async () => {
    const db = env.database.db;
    for (let round = 0; round < 6; round++) {
      await resetDatabase(env.database);
      org = await createOrganisation(db);
      const { event, deskIds } = await createEvent(db, org, { desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'] }] });
      const [, lastSlot] = (await slotsOfDesk(db, deskIds[0]!)).slice(-2);
      const shorterDay = {
        label: 'Tisch 1', topicIds: [org.topic('kindergeld').id], expertId: null, startsLocal: '14:00', endsLocal: '15:30',
        slotMinutes: 30, breaks: [], walkInPercent: 0,
      };
      const outcomes = await Promise.allSettled([
        saveDesk(db, { organisationId: org.organisation.id, eventId: event.id, localDate: event.localDate }, deskIds[0], shorterDay),
        createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: lastSlot!.id }]),
      ]);
      const [deskChange, booking] = outcomes;
      expect((deskChange.status === 'fulfilled' ? 1 : 0) + (booking.status === 'fulfilled' ? 1 : 0)).toBe(1);
      // Each loser is told in its own words: the family that the time is gone, the coordinator which booking is in the way.
      if (booking.status === 'rejected') expect(booking.reason).toBeInstanceOf(SlotTakenError);
      if (deskChange.status === 'rejected') expect(deskChange.reason).toBeInstanceOf(DeskChangeRefused);
      const items = await db.select().from(bookingItems).where(eq(bookingItems.active, true));
      const slotStillThere = (await db.select().from(slots).where(eq(slots.id, lastSlot!.id))).length === 1;
      expect(items.length === 1).toBe(slotStillThere);
    }
  });
});
