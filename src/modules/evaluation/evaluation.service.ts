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
  /** Topics offered or counted in the year: the topic leaves of the cubes. */
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
 * A complete year's figures never change, so each is protected once and kept; the key also holds the
 * number of units counted, so a year that somehow still changed would be worked out afresh.
 */
const cache = new Map<string, YearFigures>();

export async function yearFigures(db: Db, organisationId: number, year: EvaluationYear): Promise<YearFigures> {
  const events: HeldEvent[] = await heldEventsBetween(db, organisationId, year.from, year.to);
  const eventIds = events.map((e) => e.id);
  const topics = await listTopics(db, organisationId);
  const records = await intakeRecordsOfEvents(db, eventIds);
  const visits = await visitCounts(db, eventIds);
  const needs = await needsOfEvents(db, eventIds);
  const key = [organisationId, year.from, eventIds.length, records.length, visits.reduce((n, v) => n + v.n, 0),
    [...needs.values()].reduce((n, v) => n + v.bookings, 0)].join(':');
  const cached = cache.get(key);
  if (cached) return cached;
  const used = new Set([...events.flatMap((e) => e.topicIds), ...records.map((r) => r.topicId), ...visits.map((v) => v.topicId)]);
  const topicIds = topics.filter((t) => used.has(t.id)).map((t) => t.id);
  const places = placesOf(events);
  const interpreterLanguages = [...new Set([...needs.values()].flatMap((n) => [...n.interpreters.keys()]))].sort();
  const figures: YearFigures = {
    year, places, topics, topicIds, interpreterLanguages,
    intake: intakeFigures(places, topicIds, topics.map((t) => t.id), records),
    visits: visitFigures(places, topicIds, visits),
    needs: needsFigures(places, needs, interpreterLanguages),
    waits: await waitingMinutes(db, eventIds),
    offered: await offeredSlots(db, eventIds),
  };
  cache.set(key, figures);
  return figures;
}
