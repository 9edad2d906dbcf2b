import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { berlinInstant } from '../../lib/dates.js';
import { events } from '../events/events.table.js';
import { createDeskWithSlots } from '../events/events.service.js';
import { upcomingDates } from '../events/rotation.rules.js';
import { organisations, topics, venues } from '../organisations/organisations.table.js';
import { type DemoOrganisation, ORGANISATIONS, TOPICS } from './demo.data.js';

/** Desks of a demo event: which topics sit together at one desk. */
const DESK_GROUPS: Array<{ label: string; topicKeys: string[] }> = [
  { label: 'Tisch 1 · Familienkasse', topicKeys: ['kindergeld', 'kinderzuschlag'] },
  { label: 'Tisch 2 · Wohngeld', topicKeys: ['wohngeld'] },
  { label: 'Tisch 3 · Jobcenter', topicKeys: ['buergergeld'] },
  { label: 'Tisch 4 · Jugendamt', topicKeys: ['unterhaltsvorschuss', 'but'] },
  { label: 'Tisch 5 · Stromspar-Check', topicKeys: ['stromspar'] },
];

const EVENTS_PER_ORGANISATION = 6;

/**
 * Fills an empty database with two demo counties. Runs on every start in development and does
 * nothing once the demo organisations exist.
 */
export async function seedDemo(db: Db, now: Date): Promise<boolean> {
  const [existing] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'wmk'));
  if (existing) return false;
  await db.transaction(async (tx) => {
    for (const demo of ORGANISATIONS) await seedOrganisation(tx, demo, now);
  });
  return true;
}

async function seedOrganisation(tx: Db, demo: DemoOrganisation, now: Date) {
  const [organisation] = await tx.insert(organisations).values({
    slug: demo.slug, name: demo.name, eventTitle: demo.eventTitle, contactPhone: demo.contactPhone, contactEmail: demo.contactEmail,
  }).returning();
  const org = organisation!;
  const venueRows = await tx.insert(venues).values(demo.venues.map((v) => ({ ...v, organisationId: org.id }))).returning();
  const topicRows = await tx.insert(topics).values(
    TOPICS.filter((t) => demo.topicKeys.includes(t.key)).map((t, index) => ({
      organisationId: org.id, key: t.key, name: t.name, description: t.description,
      defaultSlotMinutes: t.slotMinutes, documents: t.documents, sortOrder: index,
    })),
  ).returning();
  const topicByKey = new Map(topicRows.map((t) => [t.key, t]));

  const dates = upcomingDates(demo.rule, DateTime.fromJSDate(now), EVENTS_PER_ORGANISATION);
  for (const [index, localDate] of dates.entries()) {
    const start = berlinInstant(localDate, demo.rule.startsLocal);
    const [event] = await tx.insert(events).values({
      organisationId: org.id,
      venueId: venueRows[index % venueRows.length]!.id,
      localDate,
      startsLocal: demo.rule.startsLocal,
      endsLocal: demo.rule.endsLocal,
      status: 'published',
      bookingOpensAt: start.minus({ days: org.bookingOpensDaysBefore }).toJSDate(),
      bookingClosesAt: start.minus({ hours: org.bookingClosesHoursBefore }).toJSDate(),
    }).returning({ id: events.id });
    for (const group of DESK_GROUPS) {
      const deskTopics = group.topicKeys.flatMap((key) => topicByKey.get(key) ?? []);
      if (deskTopics.length === 0) continue;
      await createDeskWithSlots(tx, {
        eventId: event!.id,
        localDate,
        label: group.label,
        startsLocal: demo.rule.startsLocal,
        endsLocal: demo.rule.endsLocal,
        slotMinutes: deskTopics[0]!.defaultSlotMinutes,
        breaks: [{ start: addHours(demo.rule.startsLocal, 2), end: addHours(demo.rule.startsLocal, 2, 15) }],
        walkInPercent: 25,
        topicIds: deskTopics.map((t) => t.id),
      });
    }
  }
}

const addHours = (localTime: string, hours: number, minutes = 0) => {
  const [h, m] = localTime.split(':').map(Number);
  const total = h! * 60 + m! + hours * 60 + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};
