import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { needsOfEvents } from '../booking/booking.figures.js';
import { type HeldEvent, firstHeldEventDate, heldEventsBetween, offeredSlots } from '../events/events.figures.js';
import { intakeRecordsOfEvents } from '../intake/intake.repository.js';
import { listTopics } from '../organisations/topics.repository.js';
import { visitCounts, waitingMinutes } from '../queue/queue.figures.js';
import { type Figures, type Places, intakeFigures, needsFigures, placesOf, visitFigures } from './cubes.js';
import { type EvaluationYear, completeYears } from './periods.js';

export type YearFigures = {
  year: EvaluationYear;
  places: Places;
  topics: Awaited<ReturnType<typeof listTopics>>;
  /** Topics of the year (offered, counted or discussed), in the county's order; the cubes' topic leaves are `topicIds`. */
  topicIds: number[];
  intake: Figures;
  visits: Figures;
  needs: Figures;
  interpreterLanguages: string[];
  waits: Array<{ eventId: number; topicId: number; minutes: number }>;
  offered: Array<{ eventId: number; topicId: number | null; slots: number }>;
};

export async function evaluationYears(db: Db, organisation: { id: number; retentionDays: number }, now: Date): Promise<EvaluationYear[]> {
  const today = berlinDate(now);
  const first = await firstHeldEventDate(db, organisation.id, today);
  if (!first) return [];
  const held = await heldEventsBetween(db, organisation.id, first, today);
  const lastOf = (year: EvaluationYear) => held.filter((e) => e.localDate >= year.from && e.localDate <= year.to).at(-1)?.localDate;
  return completeYears(first, today, lastOf, organisation.retentionDays);
}

/**
 * A complete year's figures never change, so each is protected once and kept, one per county and year. The
 * fingerprint of everything counted makes sure that a year whose data did change is worked out afresh.
 */
const cache = new Map<string, { fingerprint: string; figures: YearFigures }>();

export async function yearFigures(db: Db, organisationId: number, year: EvaluationYear): Promise<YearFigures> {
  const events: HeldEvent[] = await heldEventsBetween(db, organisationId, year.from, year.to);
  const eventIds = events.map((e) => e.id);
  const topics = await listTopics(db, organisationId);
  const records = await intakeRecordsOfEvents(db, eventIds);
  const visits = await visitCounts(db, eventIds);
  const needs = await needsOfEvents(db, eventIds);
  const waits = await waitingMinutes(db, eventIds);
  const offered = await offeredSlots(db, eventIds);
  const fingerprint = createHash('sha256').update(JSON.stringify([
    events, topics.map((t) => [t.id, t.name, t.sortOrder]),
    records.map((r) => [r.eventId, r.topicId, r.kind, r.household, r.children, r.youngestAge, r.heardVia, r.firstVisit, r.language,
      r.interpreter, r.durationBand, r.outcomes.map((o) => [o.benefitTopicId, o.outcome, o.referredTo]).sort()]).sort(),
    visits, [...needs.values()].map((n) => [n.eventId, n.bookings, n.childcare, n.stepFree, [...n.interpreters]]), waits, offered,
  ])).digest('hex');
  const key = `${organisationId}:${year.from}`;
  const cached = cache.get(key);
  if (cached?.fingerprint === fingerprint) return cached.figures;
  // The cube's topics are those of the year itself, in id order: a topic added, renamed or moved later
  // leaves a complete year's cube, and so its suppression, exactly as it was.
  const used = new Set([...events.flatMap((e) => e.topicIds), ...records.map((r) => r.topicId), ...visits.map((v) => v.topicId)]);
  const topicIds = [...used].sort((a, b) => a - b);
  const benefitIds = [...new Set([...topicIds, ...records.flatMap((r) => r.outcomes.map((o) => o.benefitTopicId))])].sort((a, b) => a - b);
  const places = placesOf(events);
  const interpreterLanguages = [...new Set([...needs.values()].flatMap((n) => [...n.interpreters.keys()]))].sort();
  const figures: YearFigures = {
    year, places, topics: topics.filter((t) => benefitIds.includes(t.id)), topicIds, interpreterLanguages,
    intake: intakeFigures(places, topicIds, benefitIds, records),
    visits: visitFigures(places, topicIds, visits),
    needs: needsFigures(places, needs, interpreterLanguages),
    waits,
    offered,
  };
  cache.set(key, { fingerprint, figures });
  return figures;
}
