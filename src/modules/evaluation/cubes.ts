import type { HeldEvent } from '../events/events.figures.js';
import type { EventNeeds } from '../booking/booking.figures.js';
import type { VisitCount } from '../queue/queue.figures.js';
import type { IntakeRecord } from '../intake/intake.repository.js';
import {
  CHILDREN, CONSULTATION_LANGUAGES, DURATION_BANDS, FIRST_VISIT, HEARD_VIA, HOUSEHOLDS, OUTCOMES, REFERRAL_TARGETS, YOUNGEST_AGES,
} from '../intake/intake.options.js';
import { type AnswerNode, type AnswerSpace, type Measure, type Profile, allUnits, answerIs, answerPatterns } from './answers.js';
import { type ProtectedCube, protect } from './suppression.js';

/** The where-and-when nodes of a year: the year, each month, each venue, each venue in a month, each event. */
export type Places = {
  events: HeldEvent[];
  nodes: number[][];
  year: number;
  month: Map<string, number>;
  venue: Map<number, number>;
  monthVenue: Map<string, number>;
};

export function placesOf(events: HeldEvent[]): Places {
  const nodes: number[][] = [];
  const index = new Map<string, number>();
  const node = (leaves: number[]) => {
    const key = leaves.join(',');
    if (!index.has(key)) {
      index.set(key, nodes.length);
      nodes.push(leaves);
    }
    return index.get(key)!;
  };
  const leavesWhere = (test: (e: HeldEvent) => boolean) => events.flatMap((e, i) => (test(e) ? [i] : []));
  events.forEach((_, i) => node([i]));
  const year = node(events.map((_, i) => i));
  const month = new Map<string, number>();
  const venue = new Map<number, number>();
  const monthVenue = new Map<string, number>();
  for (const m of new Set(events.map((e) => e.localDate.slice(0, 7)))) month.set(m, node(leavesWhere((e) => e.localDate.startsWith(m))));
  for (const v of new Set(events.map((e) => e.venueId))) venue.set(v, node(leavesWhere((e) => e.venueId === v)));
  for (const e of events) {
    const key = `${e.localDate.slice(0, 7)}|${e.venueId}`;
    monthVenue.set(key, node(leavesWhere((x) => x.venueId === e.venueId && x.localDate.startsWith(e.localDate.slice(0, 7)))));
  }
  return { events, nodes, year, month, venue, monthVenue };
}

/** A protected cube and where to find a node of each dimension in it. */
export type Figures = { cube: ProtectedCube; nodes: Map<string, number>; topicNode: (topicId: number | null) => number };

type Unit = { event: number; topic: number; profile: Profile; count: number };

/** Units are counted into the nodes by their profile; `direct` gives node counts that were counted already. */
function build(
  places: Places, topicIds: number[], space: AnswerSpace, units: Unit[], perTopic: boolean,
  direct: Array<{ event: number; values: Record<string, number> }> = [],
): Figures {
  const tLeaves = perTopic ? topicIds.length : 1;
  const tNodes = perTopic ? [...topicIds.map((_, i) => [i]), topicIds.map((_, i) => i)] : [[0]];
  const C = space.nodes.length;
  const leafValues = new Float64Array(places.events.length * tLeaves * C);
  const eventIndex = new Map(places.events.map((e, i) => [e.id, i]));
  const topicIndex = new Map(topicIds.map((id, i) => [id, i]));
  for (const unit of units) {
    const w = eventIndex.get(unit.event);
    const t = perTopic ? topicIndex.get(unit.topic) : 0;
    if (w === undefined || t === undefined) continue;
    space.nodes.forEach((node, c) => {
      leafValues[(w * tLeaves + t) * C + c]! += node.weight(unit.profile) * unit.count;
    });
  }
  for (const { event, values } of direct) {
    const w = eventIndex.get(event);
    if (w === undefined) continue;
    space.nodes.forEach((node, c) => {
      leafValues[w * tLeaves * C + c]! += values[node.key] ?? 0;
    });
  }
  const possible = places.events.map((e) => (perTopic ? topicIds.map((id) => e.topicIds.includes(id)) : [true]));
  // A topic that units were counted for is possible there, even if its desk has gone since.
  for (const unit of units) {
    const w = eventIndex.get(unit.event);
    const t = perTopic ? topicIndex.get(unit.topic) : 0;
    if (w !== undefined && t !== undefined) possible[w]![t] = true;
  }
  const cube = protect({
    wLeaves: places.events.length, wNodes: places.nodes, tLeaves, tNodes, cNodes: C, cPatterns: answerPatterns(space), possible, leafValues,
  });
  return {
    cube,
    nodes: new Map(space.nodes.map((n, i) => [n.key, i])),
    topicNode: (topicId) => (!perTopic ? 0 : topicId === null ? topicIds.length : topicIndex.get(topicId) ?? -1),
  };
}

const NONE = 'none';
const NOT_DISCUSSED = 'not_discussed';
const outcomeCategories = [NOT_DISCUSSED, ...OUTCOMES.filter((o) => o !== 'referred'), ...REFERRAL_TARGETS.map((r) => `referred:${r}`)];
const INTAKE_MEASURES = (benefitIds: number[]): Measure[] => [
  { key: 'kind', categories: ['recorded', 'declined', 'skipped'] },
  { key: 'household', categories: [...HOUSEHOLDS, NONE] },
  { key: 'children', categories: [...CHILDREN, NONE] },
  { key: 'youngestAge', categories: [...YOUNGEST_AGES, NONE] },
  { key: 'heardVia', categories: [...HEARD_VIA, NONE] },
  { key: 'firstVisit', categories: [...FIRST_VISIT, NONE] },
  { key: 'language', categories: [...CONSULTATION_LANGUAGES, NONE] },
  { key: 'interpreter', categories: ['yes', 'no', NONE] },
  { key: 'duration', categories: [...DURATION_BANDS.map(String), 'unknown', NONE] },
  ...benefitIds.map((id) => ({ key: `outcome:${id}`, categories: [...outcomeCategories, NONE] })),
];

/** Node keys of the intake cube, as the report reads them. */
export const intakeKey = {
  kind: (k: string) => `kind:${k}`,
  answer: (measure: string, category: string) => `${measure}:${category}`,
  discussed: (benefitId: number) => `discussed:${benefitId}`,
  outcome: (benefitId: number, outcome: string) => `outcome:${benefitId}:${outcome}`,
  referral: (target: string) => `referral:${target}`,
  all: 'all',
};

function intakeSpace(benefitIds: number[]): AnswerSpace {
  const measures = INTAKE_MEASURES(benefitIds);
  const nodes: AnswerNode[] = [
    allUnits(intakeKey.all),
    ...['recorded', 'declined', 'skipped'].map((k) => answerIs(intakeKey.kind(k), 'kind', [k])),
  ];
  for (const measure of measures.slice(1, 9)) {
    for (const category of measure.categories) {
      const unshown = category === NONE || (measure.key === 'interpreter' && category === 'no') || (measure.key === 'duration' && category === 'unknown');
      if (!unshown) nodes.push(answerIs(intakeKey.answer(measure.key, category), measure.key, [category]));
    }
  }
  for (const id of benefitIds) {
    nodes.push(answerIs(intakeKey.discussed(id), `outcome:${id}`, outcomeCategories.filter((c) => c !== NOT_DISCUSSED)));
    for (const outcome of OUTCOMES) {
      const categories = outcome === 'referred' ? REFERRAL_TARGETS.map((r) => `referred:${r}`) : [outcome];
      nodes.push(answerIs(intakeKey.outcome(id, outcome), `outcome:${id}`, categories));
    }
  }
  for (const target of REFERRAL_TARGETS) {
    nodes.push({ key: intakeKey.referral(target), weight: (p) => benefitIds.filter((id) => p[`outcome:${id}`] === `referred:${target}`).length });
  }
  const recorded: Profile = Object.fromEntries(measures.map((m) => [m.key, m.categories[0]!]));
  recorded.duration = 'unknown';
  const blank = (kind: string): Profile => ({ ...Object.fromEntries(measures.map((m) => [m.key, NONE])), kind });
  return {
    measures,
    nodes,
    bases: [recorded, blank('declined'), blank('skipped')],
    valid: (p) => (p.kind === 'recorded' ? measures.every((m) => p[m.key] !== NONE) : measures.every((m) => m.key === 'kind' || p[m.key] === NONE)),
  };
}

function intakeProfile(record: IntakeRecord, benefitIds: number[]): Profile {
  if (record.kind !== 'recorded') return { kind: record.kind };
  const profile: Profile = {
    kind: 'recorded', household: record.household!, children: record.children!, youngestAge: record.youngestAge!, heardVia: record.heardVia!,
    firstVisit: record.firstVisit!, language: record.language!, interpreter: record.interpreter ? 'yes' : 'no',
    duration: record.durationBand === null ? 'unknown' : String(record.durationBand),
  };
  for (const id of benefitIds) {
    const outcome = record.outcomes.find((o) => o.benefitTopicId === id);
    profile[`outcome:${id}`] = !outcome ? NOT_DISCUSSED : outcome.outcome === 'referred' ? `referred:${outcome.referredTo}` : outcome.outcome;
  }
  return profile;
}

export function intakeFigures(places: Places, topicIds: number[], benefitIds: number[], records: IntakeRecord[]): Figures {
  const units = records.map((r) => ({ event: r.eventId, topic: r.topicId, profile: intakeProfile(r, benefitIds), count: 1 }));
  return build(places, topicIds, intakeSpace(benefitIds), units, true);
}

export const visitKey = { all: 'all', way: (w: string) => `way:${w}`, result: (r: string) => `result:${r}`, bookedNoShow: 'booked-no-show' };

export function visitFigures(places: Places, topicIds: number[], counts: VisitCount[]): Figures {
  const ways = ['booked', 'walk_in', 'sent_on'];
  const results = ['seen', 'no_show', 'left'];
  const space: AnswerSpace = {
    measures: [{ key: 'way', categories: ways }, { key: 'result', categories: results }],
    nodes: [
      allUnits(visitKey.all),
      ...ways.map((w) => answerIs(visitKey.way(w), 'way', [w])),
      ...results.map((r) => answerIs(visitKey.result(r), 'result', [r])),
      { key: visitKey.bookedNoShow, weight: (p) => (p.way === 'booked' && p.result === 'no_show' ? 1 : 0) },
    ],
    bases: ways.flatMap((way) => results.map((result) => ({ way, result }))),
    valid: () => true,
  };
  const units = counts.map((c) => ({ event: c.eventId, topic: c.topicId, profile: { way: c.way, result: c.result }, count: c.n }));
  return build(places, topicIds, space, units, true);
}

export const needsKey = { bookings: 'bookings', childcare: 'childcare', stepFree: 'step-free', interpreter: 'interpreter', language: (l: string) => `interpreter:${l}` };

/**
 * Needs asked for at booking. The tallies keep counts per event, not bookings, so the counts go into the cube
 * as they are; the patterns still follow the bookings (each with or without childcare, one interpreter language or none).
 */
export function needsFigures(places: Places, needs: Map<number, EventNeeds>, languages: string[]): Figures {
  const space: AnswerSpace = {
    measures: [
      { key: 'childcare', categories: ['yes', 'no'] }, { key: 'stepFree', categories: ['yes', 'no'] },
      { key: 'interpreter', categories: [NONE, ...languages] },
    ],
    nodes: [
      allUnits(needsKey.bookings),
      answerIs(needsKey.childcare, 'childcare', ['yes']),
      answerIs(needsKey.stepFree, 'stepFree', ['yes']),
      answerIs(needsKey.interpreter, 'interpreter', languages),
      ...languages.map((l) => answerIs(needsKey.language(l), 'interpreter', [l])),
    ],
    bases: [{ childcare: 'no', stepFree: 'no', interpreter: NONE }],
    valid: () => true,
  };
  const direct = [...needs].map(([event, n]) => ({
    event,
    values: {
      [needsKey.bookings]: n.bookings, [needsKey.childcare]: n.childcare, [needsKey.stepFree]: n.stepFree,
      [needsKey.interpreter]: [...n.interpreters.values()].reduce((a, b) => a + b, 0),
      ...Object.fromEntries([...n.interpreters].map(([l, count]) => [needsKey.language(l), count])),
    },
  }));
  return build(places, [], space, [], false, direct);
}
