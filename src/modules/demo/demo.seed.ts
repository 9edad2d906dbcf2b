import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { hashToken, newBookingCode, newManageToken } from '../../lib/tokens.js';
import { insertBookingWithItems, newBookingId } from '../booking/booking.repository.js';
import { insertPublishedEvent } from '../events/event-plans.js';
import { bookableSlots } from '../events/events.repository.js';
import { createDeskWithSlots } from '../events/events.service.js';
import { upcomingDates } from '../events/rotation.rules.js';
import { findOrganisationBySlug, insertOrganisation } from '../organisations/organisations.repository.js';
import { insertTopic } from '../organisations/topics.repository.js';
import { insertVenue } from '../organisations/venues.repository.js';
import { hashPassword } from '../staff/passwords.js';
import { insertStaff } from '../staff/staff.repository.js';
import { seedHistory } from './demo.history.js';
import { saveAuthority } from '../benefits/authorities.repository.js';
import { isBenefit } from '../benefits/benefits.js';
import {
  DEMO_AUTHORITIES, DEMO_FAMILIES, DEMO_PASSWORD, DEMO_STAFF, type DemoOrganisation, ORGANISATIONS, TOPICS, demoStaffEmail,
} from './demo.data.js';

/** Desks of a demo event: which topics sit together at one desk. */
const DESK_GROUPS: Array<{ label: string; topicKeys: string[] }> = [
  { label: 'Tisch 1 · Familienkasse', topicKeys: ['kindergeld', 'kinderzuschlag'] },
  { label: 'Tisch 2 · Wohngeld', topicKeys: ['wohngeld'] },
  { label: 'Tisch 3 · Jobcenter', topicKeys: ['buergergeld'] },
  { label: 'Tisch 4 · Jugendamt', topicKeys: ['unterhaltsvorschuss', 'but'] },
  { label: 'Tisch 5 · Stromspar-Check', topicKeys: ['stromspar'] },
];

/** Monthly events after today's practice day. */
const EVENTS_PER_ORGANISATION = 6;

/**
 * Fills an empty database with two demo counties. Runs on every start in development and does
 * nothing once the demo organisations exist.
 */
export async function seedDemo(db: Db, now: Date): Promise<boolean> {
  if (await findOrganisationBySlug(db, 'wmk')) return false;
  await db.transaction(async (tx) => {
    for (const demo of ORGANISATIONS) await seedOrganisation(tx, demo, now);
  });
  return true;
}

async function seedOrganisation(tx: Db, demo: DemoOrganisation, now: Date) {
  const org = await insertOrganisation(tx, {
    slug: demo.slug, name: demo.name, eventTitle: demo.eventTitle, contactPhone: demo.contactPhone, contactEmail: demo.contactEmail,
    postalAddress: demo.postalAddress, representedBy: demo.representedBy, dataProtectionContact: demo.dataProtectionContact,
  });
  const venueRows: Array<{ id: number }> = [];
  for (const venue of demo.venues) venueRows.push({ id: await insertVenue(tx, org.id, venue) });
  const topicRows: Array<{ id: number; key: string; defaultSlotMinutes: number }> = [];
  for (const [index, t] of TOPICS.filter((topic) => demo.topicKeys.includes(topic.key)).entries()) {
    const fields = { name: t.name, description: t.description, defaultSlotMinutes: t.slotMinutes, documents: t.documents, sortOrder: index };
    topicRows.push({ id: await insertTopic(tx, org.id, t.key, fields), key: t.key, defaultSlotMinutes: t.slotMinutes });
  }
  const topicByKey = new Map(topicRows.map((t) => [t.key, t]));
  for (const [benefit, fields] of Object.entries(DEMO_AUTHORITIES[demo.slug] ?? {})) {
    if (isBenefit(benefit)) await saveAuthority(tx, org.id, benefit, fields);
  }

  const staffIds = new Map<string, number>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of DEMO_STAFF) {
    staffIds.set(person.role, await insertStaff(tx, {
      organisationId: org.id, email: demoStaffEmail(person.local, demo.slug), name: person.name, role: person.role, passwordHash,
      topicIds: topicRows.filter((t) => DESK_GROUPS[0]!.topicKeys.includes(t.key)).map((t) => t.id),
    }));
  }

  // A year of anonymous history before today, for the evaluation.
  await seedHistory(tx, {
    organisationId: org.id, slug: org.slug, venueIds: venueRows.map((v) => v.id), topics: topicRows, rule: demo.rule, deskGroups: DESK_GROUPS, now,
  });

  // A practice day today, all day long, so that a whole event day can be tried out at once.
  const today = berlinDate(now);
  const dates = upcomingDates(demo.rule, DateTime.fromJSDate(now), EVENTS_PER_ORGANISATION).filter((d) => d !== today);
  const days = [{ localDate: today, startsLocal: '08:00', endsLocal: '20:00' },
    ...dates.map((localDate) => ({ localDate, startsLocal: demo.rule.startsLocal, endsLocal: demo.rule.endsLocal }))];
  for (const [index, { localDate, startsLocal, endsLocal }] of days.entries()) {
    const eventId = await insertPublishedEvent(tx, org, {
      venueId: venueRows[index % venueRows.length]!.id,
      localDate,
      startsLocal,
      endsLocal,
    });
    for (const [groupIndex, group] of DESK_GROUPS.entries()) {
      const deskTopics = group.topicKeys.flatMap((key) => topicByKey.get(key) ?? []);
      if (deskTopics.length === 0) continue;
      const deskId = await createDeskWithSlots(tx, {
        eventId,
        localDate,
        label: group.label,
        startsLocal,
        endsLocal,
        slotMinutes: deskTopics[0]!.defaultSlotMinutes,
        breaks: [{ start: addHours(startsLocal, 2), end: addHours(startsLocal, 2, 15) }],
        walkInPercent: 25,
        topicIds: deskTopics.map((t) => t.id),
        expertId: groupIndex === 0 ? staffIds.get('expert')! : null,
      });
      if (groupIndex === 0 && localDate === today) await seedFamilies(tx, org.id, eventId, deskId, deskTopics[0]!.id, now);
    }
  }
}

/** Books the first free slots from now on at a desk for the demo families (no contact data). */
async function seedFamilies(tx: Db, organisationId: number, eventId: number, deskId: number, topicId: number, now: Date) {
  const free = (await bookableSlots(tx, [eventId], now)).filter((slot) => slot.deskId === deskId).slice(0, DEMO_FAMILIES.length);
  for (const [index, slot] of free.entries()) {
    await insertBookingWithItems(tx, {
      id: await newBookingId(tx), organisationId, eventId, code: newBookingCode(), manageTokenHash: hashToken(newManageToken()),
      name: DEMO_FAMILIES[index]!, language: index === 1 ? 'en' : 'de', consentedAt: now,
    }, [{ topicId, slotId: slot.slotId }]);
  }
}

const addHours = (localTime: string, hours: number, minutes = 0) => {
  const [h, m] = localTime.split(':').map(Number);
  const total = h! * 60 + m! + hours * 60 + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};
