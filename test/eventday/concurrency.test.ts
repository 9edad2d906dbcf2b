import { beforeEach, describe, expect, it } from 'vitest';
import { tickets, visits } from '../../src/modules/queue/queue.table.js';
import { callNext, finishConsultation, startConsultation } from '../../src/modules/queue/calling.service.js';
import { checkIn, registerWalkIn } from '../../src/modules/queue/checkin.service.js';
import { eq } from 'drizzle-orm';
import { useTestApp } from '../helpers/app.js';
import { resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, type OrganisationFixture, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const database = () => env.database.db;
const DAY = new Date('2027-03-10T13:05:00Z');

let org: OrganisationFixture;
let event: Awaited<ReturnType<typeof createEvent>>['event'];
let deskIds: number[];
let staffId: number;

beforeEach(async () => {
  await resetDatabase(env.database);
  org = await createOrganisation(database());
  ({ event, deskIds } = await createEvent(database(), org, {
    desks: [
      { label: 'Tisch 1', topicKeys: ['kindergeld'], startsLocal: '10:00', endsLocal: '18:00', slotMinutes: 10 },
      { label: 'Tisch 2', topicKeys: ['wohngeld'], startsLocal: '10:00', endsLocal: '18:00', slotMinutes: 10 },
    ],
  }));
  ({ id: staffId } = await createStaff(database(), org, 'desk'));
});

const actor = () => ({ organisationId: org.organisation.id, staffId, eventId: event.id, now: DAY });

describe(`the day under load (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('30 check-ins and walk-ins at once from several desks get the numbers 1 to 30, each once', async () => {
    const slots = await slotsOfDesk(database(), deskIds[0]!);
    const bookings = [];
    for (const slot of slots.slice(0, 15)) {
      bookings.push(await createBooking(database(), org, event, [{ topicKey: 'kindergeld', slotId: slot.id }]));
    }
    const results = await Promise.all([
      ...bookings.map((b) => checkIn(database(), { ...actor(), bookingId: b.bookingId })),
      ...Array.from({ length: 15 }, () => registerWalkIn(database(), { ...actor(), topicIds: [org.topic('wohngeld').id], language: 'de' })),
    ]);
    expect(results.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const rows = await database().select().from(tickets);
    expect(new Set(rows.map((r) => r.number)).size).toBe(30);
  });

  it('the same booking checked in by two desks at once gets one ticket', async () => {
    const [slot] = await slotsOfDesk(database(), deskIds[0]!);
    const booking = await createBooking(database(), org, event, [{ topicKey: 'kindergeld', slotId: slot!.id }]);
    const results = await Promise.all(Array.from({ length: 5 }, () => checkIn(database(), { ...actor(), bookingId: booking.bookingId })));
    expect(new Set(results.map((r) => r.ticketId)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyCheckedIn)).toHaveLength(1);
    expect(await database().select().from(tickets)).toHaveLength(1);
    expect(await database().select().from(visits)).toHaveLength(1);
  });

  it('two experts pressing "call next" at the same moment never get the same family', async () => {
    // Eight families who need both desks: each is in both queues.
    for (let i = 0; i < 8; i++) {
      await registerWalkIn(database(), { ...actor(), topicIds: [org.topic('kindergeld').id, org.topic('wohngeld').id], language: 'de' });
    }
    const desk = (deskId: number) => ({ organisationId: org.organisation.id, eventId: event.id, deskId, now: DAY });
    for (let round = 0; round < 8; round++) {
      const [first, second] = await Promise.all([callNext(database(), desk(deskIds[0]!)), callNext(database(), desk(deskIds[1]!))]);
      const called = [first, second].flatMap((r) => (r.called ? [r.called] : []));
      expect(called.length).toBeGreaterThan(0);
      if (called.length === 2) expect(called[0]!.ticketNumber).not.toBe(called[1]!.ticketNumber);
      const busy = await database().select().from(visits).where(eq(visits.status, 'called'));
      expect(new Set(busy.map((v) => v.ticketId)).size).toBe(busy.length);
      for (const visit of busy) {
        await startConsultation(database(), { ...desk(visit.deskId), visitId: visit.id });
        await finishConsultation(database(), { ...desk(visit.deskId), visitId: visit.id });
      }
    }
  });
});
