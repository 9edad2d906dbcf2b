import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { hashToken, newBookingCode } from '../../src/lib/tokens.js';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { runRetention } from '../../src/modules/booking/retention.js';
import { intakeOutcomes, intakeRecords } from '../../src/modules/intake/intake.table.js';
import { topics } from '../../src/modules/organisations/organisations.table.js';
import { tickets, visits } from '../../src/modules/queue/queue.table.js';
import { createEvent, createOrganisation, slotsOfDesk } from '../helpers/fixtures.js';

/**
 * One past event (2025-06-11, one Kindergeld desk, 12 ten-minute slots) with every figure known by hand:
 * 10 bookings (8 came, 2 did not), 7 walk-ins (one left before the call), 5 families sent on; 19 served with
 * waits of 0..18 minutes; 20 checklists (14 recorded, 3 declined, 3 skipped), one also about Wohngeld. Year 1 runs 2025-06 to 2026-05.
 */
export async function evaluationFixture(db: Db) {
  const org = await createOrganisation(db, 'wmk');
  // A topic name typed by staff that a spreadsheet would run as a formula.
  await db.update(topics).set({ name: { de: '=HYPERLINK("http://x.invalid")', en: '=HYPERLINK("http://x.invalid")' } }).where(eq(topics.id, org.topic('wohngeld').id));
  const { event, deskIds } = await createEvent(db, org, { localDate: '2025-06-11', desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'], slotMinutes: 10 }] });
  const deskId = deskIds[0]!;
  const kindergeld = org.topic('kindergeld').id;
  const slots = await slotsOfDesk(db, deskId);
  const at = (minutes: number) => new Date(Date.UTC(2025, 5, 11, 12, minutes));
  const bookingIds: number[] = [];
  for (let i = 0; i < 10; i++) {
    const [booking] = await db.insert(bookings).values({
      organisationId: org.organisation.id, eventId: event.id, code: newBookingCode(), manageTokenHash: hashToken(randomBytes(16).toString('hex')),
      name: `Familie ${i}`, language: 'de', consentedAt: at(0), childcare: i < 5, interpreterLanguage: i < 3 ? 'ar' : null,
    }).returning({ id: bookings.id });
    bookingIds.push(booking!.id);
    await db.insert(bookingItems).values({ bookingId: booking!.id, topicId: kindergeld, slotId: slots[i]!.id });
  }
  let number = 0;
  const ticket = async (kind: 'booked' | 'walk_in', bookingId: number | null) => {
    const [row] = await db.insert(tickets).values({
      organisationId: org.organisation.id, eventId: event.id, number: ++number, kind, bookingId, tokenHash: hashToken(randomBytes(16).toString('hex')), language: 'de', arrivedAt: at(0),
    }).returning({ id: tickets.id });
    return row!.id;
  };
  let wait = 0;
  const served = (ticketId: number, kind: 'booked' | 'walk_in' | 'sent_on') => ({
    eventId: event.id, ticketId, deskId, topicId: kind === 'sent_on' ? null : kindergeld, kind, queuedAt: at(0), status: 'done' as const,
    callCount: 1, calledAt: at(wait++), startedAt: at(30), finishedAt: at(45),
  });
  const booked = [];
  for (const id of bookingIds.slice(0, 8)) booked.push(await ticket('booked', id));
  const walkIns = [];
  for (let i = 0; i < 7; i++) walkIns.push(await ticket('walk_in', null));
  await db.insert(visits).values([
    ...booked.map((id) => served(id, 'booked')),
    ...walkIns.slice(0, 6).map((id) => served(id, 'walk_in')),
    { eventId: event.id, ticketId: walkIns[6]!, deskId, topicId: kindergeld, kind: 'walk_in', queuedAt: at(0), status: 'waiting' },
    ...booked.slice(0, 5).map((id) => served(id, 'sent_on')),
  ]);
  const recorded = (i: number) => ({
    eventId: event.id, topicId: kindergeld, kind: 'recorded' as const, durationBand: 15,
    heardVia: (i < 6 ? 'flyer' : i < 11 ? 'qr_code' : 'press') as 'flyer',
    household: (i < 7 ? 'single_parent' : 'couple') as 'couple', children: (i < 5 ? '1' : '2') as '1', youngestAge: '0_2' as const,
    firstVisit: (i < 9 ? 'yes' : 'no') as 'yes', language: (i < 10 ? 'de' : 'ar') as 'de', interpreter: i >= 10,
  });
  const rows = await db.insert(intakeRecords).values([
    ...Array.from({ length: 14 }, (_, i) => recorded(i)),
    ...Array.from({ length: 3 }, () => ({ eventId: event.id, topicId: kindergeld, kind: 'declined' as const })),
    ...Array.from({ length: 3 }, () => ({ eventId: event.id, topicId: kindergeld, kind: 'skipped' as const })),
  ]).returning();
  const recordedRows = rows.filter((r) => r.kind === 'recorded');
  await db.insert(intakeOutcomes).values([
    ...recordedRows.map((r, i) => ({ recordId: r.id, benefitTopicId: kindergeld, outcome: (i < 8 ? 'completed' : 'started') as 'completed' })),
    // One family also talked about Wohngeld and was sent to the Jobcenter.
    { recordId: recordedRows[0]!.id, benefitTopicId: org.topic('wohngeld').id, outcome: 'referred' as const, referredTo: 'jobcenter' as const },
  ]);
  // The retention job has long removed the needs from the bookings; the tallies keep their counts.
  await runRetention(db, new Date('2025-07-01T10:00:00Z'), 90);
  return { org, event, deskId };
}
