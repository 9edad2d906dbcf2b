import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { ZONE, berlinInstant } from '../../lib/dates.js';
import { insertBookingItemRows, insertBookingRows, insertNeedsTallyRows } from '../booking/booking.bulk.js';
import { insertDeskRows, insertDeskTopicRows, insertEventRows, insertSlotRows, setLastTicketNumber } from '../events/events.bulk.js';
import { generateSlots } from '../events/slots.rules.js';
import { nthWeekdayOfMonth } from '../events/rotation.rules.js';
import {
  CHILDREN, CONSULTATION_LANGUAGES, FIRST_VISIT, HEARD_VIA, HOUSEHOLDS, OUTCOMES, REFERRAL_TARGETS, YOUNGEST_AGES, durationBand,
} from '../intake/intake.options.js';
import { type NewIntakeOutcomeRow, type NewIntakeRecordRow, insertIntakeOutcomeRows, insertIntakeRecordRows } from '../intake/intake.bulk.js';
import { type NewVisitRow, insertTicketRows, insertVisitRows } from '../queue/queue.bulk.js';

/** Twelve past months, so that the evaluation has a complete year to show on the first start. */
const HISTORY_MONTHS = 12;
/** The same history on every fresh start: a fixed seed for the random choices below. */
const SEED = 0x5eed_2024;

/** mulberry32: a small, fast generator; enough for demo figures, never for anything secret. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** One of the values, by weight. */
    pick: <T>(values: readonly T[], weights?: number[]) => {
      const w = weights ?? values.map(() => 1);
      let r = next() * w.reduce((a, b) => a + b, 0);
      for (const [i, value] of values.entries()) {
        r -= w[i] ?? 0;
        if (r < 0) return value;
      }
      return values.at(-1)!;
    },
  };
}

type Random = ReturnType<typeof generator>;
type DeskGroup = { label: string; topicKeys: string[] };
type HistoryInput = {
  organisationId: number;
  slug: string;
  venueIds: number[];
  topics: Array<{ id: number; key: string; defaultSlotMinutes: number }>;
  rule: { week: number; weekday: number; startsLocal: string; endsLocal: string };
  deskGroups: DeskGroup[];
  now: Date;
};

/** Inserts in chunks: one statement per table and chunk, far below PostgreSQL's 65535 parameters. */
async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const tokenHash = (random: Random) => createHash('sha256').update(`demo-history:${random.next()}:${random.next()}`).digest('base64url');
const code = (random: Random) => Array.from({ length: 8 }, () => 'ACDEFGHJKMNPQRTUVWXY34679'[random.int(0, 24)]).join('');

/**
 * A year of past event days for one demo county: events, desks and slots, bookings already anonymised
 * (needs kept only as tallies), check-ins, walk-ins, no-shows, families sent on and the experts' anonymous
 * checklists. Everything goes in with a few bulk inserts per table, so a fresh start stays quick.
 */
export async function seedHistory(tx: Db, input: HistoryInput): Promise<void> {
  const random = generator(SEED + input.slug.length * 7919 + input.organisationId);
  const today = DateTime.fromJSDate(input.now).setZone(ZONE);
  const topicByKey = new Map(input.topics.map((t) => [t.key, t]));
  const dates: string[] = [];
  for (let back = HISTORY_MONTHS; back >= 1; back--) {
    const month = today.startOf('month').minus({ months: back });
    const date = nthWeekdayOfMonth(month.year, month.month, input.rule.week, input.rule.weekday);
    if (date) dates.push(date);
  }
  const eventRows = await insertEventRows(tx, dates.map((localDate, i) => ({
    organisationId: input.organisationId, venueId: input.venueIds[i % input.venueIds.length]!, localDate,
    startsLocal: input.rule.startsLocal, endsLocal: input.rule.endsLocal, status: 'published' as const,
    bookingOpensAt: berlinInstant(localDate, '00:00').minus({ days: 60 }).toJSDate(),
    bookingClosesAt: berlinInstant(localDate, input.rule.startsLocal).minus({ hours: 2 }).toJSDate(),
  })));

  const deskPlans = eventRows.flatMap((event) => input.deskGroups.map((group) => ({
    event, topics: group.topicKeys.flatMap((key) => topicByKey.get(key) ?? []), label: group.label,
  }))).filter((d) => d.topics.length > 0);
  const deskRows = await insertDeskRows(tx, deskPlans.map((d) => ({
    eventId: d.event.id, label: d.label, startsLocal: input.rule.startsLocal, endsLocal: input.rule.endsLocal,
    slotMinutes: d.topics[0]!.defaultSlotMinutes, walkInPercent: 25,
  })));
  await insertDeskTopicRows(tx, deskPlans.flatMap((d, i) => d.topics.map((t) => ({ deskId: deskRows[i]!.id, topicId: t.id }))));
  const slotValues = deskPlans.flatMap((d, i) => generateSlots({
    localDate: d.event.localDate, startsLocal: input.rule.startsLocal, endsLocal: input.rule.endsLocal,
    slotMinutes: d.topics[0]!.defaultSlotMinutes, breaks: [], walkInPercent: 25,
  }).map((s) => ({ ...s, eventId: d.event.id, deskId: deskRows[i]!.id })));
  const slotRows: Array<{ id: number; deskId: number; startsAt: Date; walkInOnly: boolean }> = [];
  await insertAll(slotValues, async (chunk) => {
    slotRows.push(...await insertSlotRows(tx, chunk));
  });

  // Each family: a booking (or a walk-in), then what happened at the desk, then the checklist.
  type Family = {
    eventId: number; deskIndex: number; topicId: number; slot?: { id: number; startsAt: Date }; came: boolean;
    needs: { childcare: boolean; stepFree: boolean; interpreter: string | null }; sentTo?: number;
    left: boolean; queuedAt: Date; calledAt: Date; startedAt: Date; finishedAt: Date;
  };
  const families: Family[] = [];
  deskPlans.forEach((desk, deskIndex) => {
    const deskId = deskRows[deskIndex]!.id;
    const own = slotRows.filter((s) => s.deskId === deskId);
    const popularity = 0.55 + random.next() * 0.4;
    const visit = (start: Date, lateMinutes: number) => {
      const queuedAt = new Date(start.getTime() + lateMinutes * 60_000);
      const calledAt = new Date(queuedAt.getTime() + Math.round(random.next() ** 2 * 35) * 60_000);
      const startedAt = new Date(calledAt.getTime() + 60_000);
      return { queuedAt, calledAt, startedAt, finishedAt: new Date(startedAt.getTime() + random.int(8, 42) * 60_000) };
    };
    const eventDesks = deskPlans.map((d, i) => ({ d, i })).filter((x) => x.d.event.id === desk.event.id && x.i !== deskIndex);
    const family = (slot: { id: number; startsAt: Date } | undefined, lateMinutes: number) => ({
      eventId: desk.event.id, deskIndex, topicId: random.pick(desk.topics).id, slot,
      came: !slot || random.chance(0.87),
      needs: {
        childcare: random.chance(0.15), stepFree: random.chance(0.05),
        interpreter: random.chance(0.13) ? random.pick(['ar', 'uk', 'fa', 'tr', 'ru', 'prs'], [5, 4, 3, 2, 2, 1]) : null,
      },
      sentTo: random.chance(0.06) && eventDesks.length ? random.pick(eventDesks).i : undefined,
      left: !slot && random.chance(0.05),
      ...visit(slot?.startsAt ?? own[0]!.startsAt, lateMinutes),
    });
    for (const slot of own) {
      if (!slot.walkInOnly && random.chance(popularity)) families.push(family(slot, random.int(-10, 5)));
      else if (slot.walkInOnly && random.chance(0.8)) families.push(family(undefined, random.int(0, 200)));
    }
  });

  const booked = families.filter((f) => f.slot);
  const bookingRows: Array<{ id: number }> = [];
  await insertAll(booked, async (chunk) => {
    bookingRows.push(...await insertBookingRows(tx, chunk.map((f) => {
      const eventDate = DateTime.fromJSDate(f.slot!.startsAt);
      return {
        organisationId: input.organisationId, eventId: f.eventId, code: `H${code(random)}`, manageTokenHash: `deleted:demo:${tokenHash(random)}`,
        name: '', language: random.chance(0.9) ? 'de' : 'en', consentedAt: eventDate.minus({ days: random.int(1, 40) }).toJSDate(),
        createdAt: eventDate.minus({ days: random.int(1, 40) }).toJSDate(), anonymisedAt: eventDate.plus({ days: 15 }).toJSDate(),
      };
    })));
  });
  await insertAll(booked.map((f, i) => ({ bookingId: bookingRows[i]!.id, topicId: f.topicId, slotId: f.slot!.id })), (chunk) => insertBookingItemRows(tx, chunk));

  // What the retention job kept of the needs: counts per event.
  const tallies = new Map<string, { eventId: number; need: 'bookings' | 'childcare' | 'step_free' | 'interpreter'; language: string; count: number }>();
  const tally = (eventId: number, need: 'bookings' | 'childcare' | 'step_free' | 'interpreter', language = '') => {
    const key = `${eventId}|${need}|${language}`;
    const entry = tallies.get(key) ?? { eventId, need, language, count: 0 };
    entry.count += 1;
    tallies.set(key, entry);
  };
  for (const f of booked) {
    tally(f.eventId, 'bookings');
    if (f.needs.childcare) tally(f.eventId, 'childcare');
    if (f.needs.stepFree) tally(f.eventId, 'step_free');
    if (f.needs.interpreter) tally(f.eventId, 'interpreter', f.needs.interpreter);
  }
  await insertAll([...tallies.values()], (chunk) => insertNeedsTallyRows(tx, chunk));

  const arrived = families.filter((f) => f.came);
  const numbers = new Map<number, number>();
  const ticketRows: Array<{ id: number }> = [];
  const bookingOf = new Map(booked.map((f, i) => [f, bookingRows[i]!.id]));
  await insertAll(arrived, async (chunk) => {
    ticketRows.push(...await insertTicketRows(tx, chunk.map((f) => {
      const number = (numbers.get(f.eventId) ?? 0) + 1;
      numbers.set(f.eventId, number);
      return {
        organisationId: input.organisationId, eventId: f.eventId, number, kind: f.slot ? 'booked' as const : 'walk_in' as const,
        bookingId: bookingOf.get(f) ?? null, tokenHash: tokenHash(random), language: 'de', arrivedAt: f.queuedAt,
      };
    })));
  });
  for (const [eventId, last] of numbers) await setLastTicketNumber(tx, eventId, last);
  const visitValues: Array<NewVisitRow> = arrived.flatMap((f, i): Array<NewVisitRow> => {
    const deskId = deskRows[f.deskIndex]!.id;
    const base = {
      eventId: f.eventId, ticketId: ticketRows[i]!.id, deskId, topicId: f.topicId, kind: f.slot ? 'booked' as const : 'walk_in' as const,
      slotId: f.slot?.id ?? null, dueAt: f.slot?.startsAt ?? null, queuedAt: f.queuedAt, callCount: f.left ? 0 : 1,
    };
    if (f.left) return [{ ...base, status: 'waiting' as const }];
    const here = { ...base, status: f.sentTo === undefined ? 'done' as const : 'sent_on' as const, calledAt: f.calledAt, startedAt: f.startedAt, finishedAt: f.finishedAt };
    if (f.sentTo === undefined) return [here];
    const later = new Date(f.finishedAt.getTime() + random.int(2, 20) * 60_000);
    return [here, {
      eventId: f.eventId, ticketId: ticketRows[i]!.id, deskId: deskRows[f.sentTo]!.id, topicId: null, kind: 'sent_on' as const,
      queuedAt: f.finishedAt, status: 'done' as const, callCount: 1, calledAt: later, startedAt: later,
      finishedAt: new Date(later.getTime() + random.int(8, 30) * 60_000),
    }];
  });
  await insertAll(visitValues, (chunk) => insertVisitRows(tx, chunk));

  // The experts' checklists: most consultations recorded, some declined or skipped, a few without a ticket.
  const topicIds = input.topics.map((t) => t.id);
  const records: Array<NewIntakeRecordRow> = [];
  const outcomes: Array<NewIntakeOutcomeRow> = [];
  const checklist = (eventId: number, topicId: number, minutes: number | null, withoutTicket: boolean) => {
    const kind = random.pick(['recorded', 'declined', 'skipped', 'none'] as const, [82, 6, 7, 5]);
    if (kind === 'none') return;
    const id = crypto.randomUUID();
    if (kind !== 'recorded') {
      records.push({ id, eventId, topicId, kind, withoutTicket });
      return;
    }
    const household = random.pick(HOUSEHOLDS, [38, 46, 8, 8]);
    records.push({
      id, eventId, topicId, kind, withoutTicket, durationBand: minutes === null ? null : durationBand(minutes), household,
      children: random.pick(CHILDREN, [28, 34, 20, 12, 6]), youngestAge: random.pick(YOUNGEST_AGES, [22, 20, 19, 18, 9, 4, 8]),
      heardVia: random.pick(HEARD_VIA, [18, 9, 14, 6, 16, 12, 10, 11, 2, 2]), firstVisit: random.pick(FIRST_VISIT, [64, 30, 6]),
      language: random.pick(CONSULTATION_LANGUAGES, [70, 3, 8, 4, 4, 6, 3, 1, 1, 1, 1]), interpreter: random.chance(0.11),
    });
    const discussed = new Set([topicId, ...(random.chance(0.3) ? [random.pick(topicIds)] : [])]);
    for (const benefitTopicId of discussed) {
      const outcome = random.pick(OUTCOMES, [34, 22, 16, 9, 8, 11]);
      outcomes.push({ id: crypto.randomUUID(), recordId: id, benefitTopicId, outcome, referredTo: outcome === 'referred' ? random.pick(REFERRAL_TARGETS, [5, 4, 4, 3, 3, 2, 2, 1]) : null });
    }
  };
  for (const v of visitValues) {
    if (v.status === 'waiting') continue;
    const topicId = v.topicId ?? deskPlans[deskRows.findIndex((d) => d.id === v.deskId)]!.topics[0]!.id;
    checklist(v.eventId, topicId, v.startedAt && v.finishedAt ? (v.finishedAt.getTime() - v.startedAt.getTime()) / 60_000 : null, false);
  }
  for (const desk of deskPlans) for (let i = random.int(0, 2); i > 0; i--) checklist(desk.event.id, random.pick(desk.topics).id, null, true);
  // Shuffled, so that not even the demo's insertion order follows the consultations.
  for (let i = records.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  await insertAll(records, (chunk) => insertIntakeRecordRows(tx, chunk));
  await insertAll(outcomes, (chunk) => insertIntakeOutcomeRows(tx, chunk));
}
