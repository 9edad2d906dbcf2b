import { describe, expect, it } from 'vitest';
import {
  type FreeSlot, type Itinerary, MAX_TOPICS_PER_BOOKING, buildItineraries, explainNoFit,
} from '../../src/modules/booking/itinerary.rules.js';
import { generateSlots } from '../../src/modules/events/slots.rules.js';

const at = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00+01:00`);
const slot = (slotId: number, deskId: number, topicIds: number[], start: string, end: string): FreeSlot => ({
  slotId, deskId, topicIds, startsAt: at(start), endsAt: at(end),
});
const KINDERGELD = 1;
const WOHNGELD = 2;
const options = { shortGapMinutes: 15, longestGapMinutes: 60, maxProposals: 12 };
const backToBackOnly = { ...options, longestGapMinutes: 15 };

const free = [
  slot(1, 10, [KINDERGELD], '14:00', '14:30'),
  slot(2, 10, [KINDERGELD], '14:30', '15:00'),
  slot(3, 20, [WOHNGELD], '14:30', '15:00'),
  slot(4, 20, [WOHNGELD], '15:30', '16:00'),
];

const describeAll = (topicIds: number[], slots: FreeSlot[], opts = options) =>
  buildItineraries(topicIds, slots, opts).map((i) => i.stops.map((s) => `${s.topicId}@${s.slotId}`).join(' → '));

/**
 * The demo's desks (src/modules/demo): 1 Kindergeld + Kinderzuschlag, 2 Wohngeld, 3 Bürgergeld,
 * 4 Unterhaltsvorschuss + BuT (30 minutes), 5 Stromspar-Check (20 minutes); every 4th slot kept for walk-ins,
 * which puts the 30-minute desks' walk-in slots at the same times.
 */
const DEMO_DESKS = [
  { deskId: 1, topicIds: [1, 2], slotMinutes: 30 },
  { deskId: 2, topicIds: [3], slotMinutes: 30 },
  { deskId: 3, topicIds: [4], slotMinutes: 30 },
  { deskId: 4, topicIds: [5, 6], slotMinutes: 30 },
  { deskId: 5, topicIds: [7], slotMinutes: 20 },
];
function demoEvent(endsLocal = '18:00', walkInPercent = 25): FreeSlot[] {
  let slotId = 0;
  return DEMO_DESKS.flatMap((desk) => generateSlots({
    localDate: '2027-03-10', startsLocal: '14:00', endsLocal, slotMinutes: desk.slotMinutes, breaks: [], walkInPercent,
  }).filter((s) => !s.walkInOnly).map((s) => ({ slotId: ++slotId, deskId: desk.deskId, topicIds: desk.topicIds, startsAt: s.startsAt, endsAt: s.endsAt })));
}

/** Checks what the booking guarantees rely on: every topic once, at a free slot of a desk serving it, in time order. */
function expectValid(itinerary: Itinerary, topicIds: number[], slots: FreeSlot[], longestGapMinutes = 60) {
  expect(itinerary.stops.map((s) => s.topicId).sort()).toEqual([...topicIds].sort());
  let previous: Date | undefined;
  let waited = 0;
  for (const stop of itinerary.stops) {
    const source = slots.find((s) => s.slotId === stop.slotId)!;
    expect(source.topicIds).toContain(stop.topicId);
    if (previous) {
      const gap = (stop.startsAt.getTime() - previous.getTime()) / 60_000;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(longestGapMinutes);
      waited += gap;
    }
    previous = stop.endsAt;
  }
  expect(itinerary.waitMinutes).toBe(waited);
  expect(itinerary.startsAt).toEqual(itinerary.stops[0]!.startsAt);
  expect(itinerary.endsAt).toEqual(itinerary.stops.at(-1)!.endsAt);
}

describe('buildItineraries', () => {
  it('offers every free time for one topic', () => {
    expect(describeAll([KINDERGELD], free)).toEqual(['1@1', '1@2']);
  });

  it('chains several topics back to back across desks, in either order, and shows a longer wait where nothing is back to back', () => {
    // 14:00 Kindergeld then 14:30 Wohngeld is back to back. From 14:30 only Kindergeld, then Wohngeld at 15:30:
    // offered too, with its 30 minutes' wait.
    expect(describeAll([KINDERGELD, WOHNGELD], free)).toEqual(['1@1 → 2@3', '1@2 → 2@4']);
    expect(describeAll([WOHNGELD, KINDERGELD], free)).toEqual(['1@1 → 2@3', '1@2 → 2@4']);
    expect(buildItineraries([KINDERGELD, WOHNGELD], free, options).map((i) => i.waitMinutes)).toEqual([0, 30]);
    expect(describeAll([KINDERGELD, WOHNGELD], free, backToBackOnly)).toEqual(['1@1 → 2@3']);
  });

  it('allows a short wait between two appointments', () => {
    const slots = [slot(1, 10, [KINDERGELD], '14:00', '14:30'), slot(2, 20, [WOHNGELD], '14:45', '15:15')];
    expect(describeAll([KINDERGELD, WOHNGELD], slots, backToBackOnly)).toEqual(['1@1 → 2@2']);
  });

  it('never offers a wait longer than the longest allowed', () => {
    const slots = [slot(1, 10, [KINDERGELD], '14:00', '14:30'), slot(2, 20, [WOHNGELD], '15:45', '16:15')];
    expect(describeAll([KINDERGELD, WOHNGELD], slots)).toEqual([]);
  });

  it('prefers a back-to-back plan to one with waits at the same start time', () => {
    const slots = [
      slot(1, 10, [KINDERGELD], '14:00', '14:30'),
      slot(2, 20, [WOHNGELD], '15:00', '15:30'),
      slot(3, 30, [WOHNGELD], '14:30', '15:00'),
    ];
    expect(describeAll([KINDERGELD, WOHNGELD], slots)).toEqual(['1@1 → 2@3']);
  });

  it('finds the back-to-back plan that a greedy "earliest next appointment" misses', () => {
    // After 14:00 A, the earliest B (14:30–14:50) leaves C at 15:20 thirty minutes away; the later B (14:40–15:10) fits.
    const slots = [
      slot(1, 10, [1], '14:00', '14:30'),
      slot(2, 20, [2], '14:30', '14:50'),
      slot(3, 30, [2], '14:40', '15:10'),
      slot(4, 40, [3], '15:20', '15:50'),
    ];
    expect(describeAll([1, 2, 3], slots, backToBackOnly)).toEqual(['1@1 → 2@3 → 3@4']);
  });

  it('uses consecutive slots of one desk that serves two topics, never the same slot twice', () => {
    const slots = [slot(1, 10, [KINDERGELD, WOHNGELD], '14:00', '14:30'), slot(2, 10, [KINDERGELD, WOHNGELD], '14:30', '15:00')];
    const result = buildItineraries([KINDERGELD, WOHNGELD], slots, options);
    expect(result).toHaveLength(1);
    expect(new Set(result[0]!.stops.map((s) => s.slotId)).size).toBe(2);
    expect(result[0]!.stops.map((s) => s.deskId)).toEqual([10, 10]);
  });

  it('between equally long plans, keeps the family at the desk that serves two of its topics', () => {
    const slots = [
      slot(1, 10, [KINDERGELD, WOHNGELD], '14:00', '14:30'),
      slot(2, 10, [KINDERGELD, WOHNGELD], '14:30', '15:00'),
      slot(3, 20, [WOHNGELD], '14:30', '15:00'),
    ];
    const [first] = buildItineraries([KINDERGELD, WOHNGELD], slots, options);
    expect(first!.stops.map((s) => s.deskId)).toEqual([10, 10]);
  });

  it('finds nothing when a topic has no free slot', () => {
    expect(describeAll([KINDERGELD, 99], free)).toEqual([]);
    expect(describeAll([], free)).toEqual([]);
  });

  it('keeps, per start time, the itinerary that ends soonest', () => {
    const slots = [
      slot(1, 10, [KINDERGELD], '14:00', '14:30'),
      slot(2, 20, [WOHNGELD], '14:30', '15:00'),
      slot(3, 30, [3], '14:30', '15:00'),
      slot(4, 30, [3], '15:00', '15:30'),
    ];
    const [first] = buildItineraries([KINDERGELD, WOHNGELD, 3], slots, options);
    expect(first!.startsAt).toEqual(at('14:00'));
    expect(first!.endsAt).toEqual(at('15:30'));
  });

  it.each([4, 5, 7])('finds visits for %i topics on the demo desks, whose walk-in slots all fall at the same times', (count) => {
    const slots = demoEvent();
    const topicIds = [1, 2, 3, 4, 5, 6, 7].slice(0, count);
    const result = buildItineraries(topicIds, slots, options);
    expect(result.length).toBeGreaterThan(0);
    expect(result.length).toBeLessThanOrEqual(options.maxProposals);
    for (const itinerary of result) expectValid(itinerary, topicIds, slots);
    // Back to back, four or five topics of the 30-minute desks never fit: all of them keep 15:30 and 17:30 for walk-ins.
    if (count < 7) expect(buildItineraries(topicIds, slots, backToBackOnly)).toEqual([]);
  });

  it('offers at most maxProposals, spread over the day, back-to-back ones before any with longer waits', () => {
    const slots = demoEvent('18:00', 0);
    const all = buildItineraries([1, 3], slots, { ...options, maxProposals: 100 });
    expect(all.length).toBeGreaterThan(3);
    const result = buildItineraries([1, 3], slots, { ...options, maxProposals: 3 });
    expect(result).toHaveLength(3);
    expect(result.every((i) => i.waitMinutes === 0)).toBe(true);
    expect(result.map((i) => i.startsAt)).toEqual([all[0]!.startsAt, all[Math.round((all.length - 1) / 2)]!.startsAt, all.at(-1)!.startsAt]);
    // With walk-in slots, some start times need a wait: those fill the room the back-to-back ones leave.
    const withWalkIns = demoEvent();
    const mixed = buildItineraries([1, 3, 4], withWalkIns, { ...options, maxProposals: 100 });
    const backToBack = mixed.filter((i) => i.stops.every((s, k) => k === 0 || s.startsAt.getTime() - i.stops[k - 1]!.endsAt.getTime() <= 15 * 60_000));
    expect(backToBack.length).toBeGreaterThan(0);
    expect(backToBack.length).toBeLessThan(mixed.length);
    const capped = buildItineraries([1, 3, 4], withWalkIns, { ...options, maxProposals: backToBack.length + 1 });
    expect(capped).toHaveLength(backToBack.length + 1);
    for (const itinerary of backToBack) expect(capped).toContainEqual(itinerary);
  });

  it(`refuses more than ${MAX_TOPICS_PER_BOOKING} topics`, () => {
    const many = Array.from({ length: MAX_TOPICS_PER_BOOKING + 1 }, (_, i) => i + 1);
    const slots = many.flatMap((topicId, i) => [slot(i + 1, i + 1, many, '14:00', '14:30')]);
    expect(buildItineraries(many, slots, options)).toEqual([]);
  });

  it('bounds its work by 2^topics × slots, not by the number of topic orders', () => {
    const slots = demoEvent('20:00', 0);
    const counter = { steps: 0 };
    const result = buildItineraries([1, 2, 3, 4, 5, 6, 7], slots, options, counter);
    expect(result.length).toBeGreaterThan(0);
    // Each (remaining topics, slot) state once, each looking at the slots that may follow within the longest wait
    // (at most `following`), once per kind of wait: far below the 7! = 5040 orders × slots of trying every order.
    const following = Math.max(...slots.map((a) => slots.filter((b) => b.startsAt >= a.endsAt && b.startsAt.getTime() - a.endsAt.getTime() <= 60 * 60_000).length));
    const bound = 2 * (2 ** 7 * slots.length * (1 + 7 * following) + 7 * slots.length);
    expect(counter.steps).toBeLessThan(bound);
    expect(counter.steps).toBeLessThan(5040 * slots.length);
    // Twice the day, at most about twice the bound: linear in slots.
    const longer = { steps: 0 };
    const twiceTheSlots = [...slots, ...slots.map((s) => ({ ...s, slotId: s.slotId + 10_000, startsAt: new Date(s.startsAt.getTime() + 6 * 3_600_000), endsAt: new Date(s.endsAt.getTime() + 6 * 3_600_000) }))];
    buildItineraries([1, 2, 3, 4, 5, 6, 7], twiceTheSlots, options, longer);
    expect(longer.steps).toBeLessThan(2 * bound);
  });

  it('stays bounded for the most topics on a big day: 8 topics, 10 desks, 10 hours', () => {
    let slotId = 0;
    const slots = Array.from({ length: 10 }, (_, desk) => desk).flatMap((desk) => generateSlots({
      localDate: '2027-03-10', startsLocal: '08:00', endsLocal: '18:00', slotMinutes: desk % 3 === 2 ? 20 : 30, breaks: [], walkInPercent: 25,
    }).filter((s) => !s.walkInOnly).map((s) => ({ slotId: ++slotId, deskId: desk, topicIds: [(desk % 8) + 1, ((desk + 3) % 8) + 1], startsAt: s.startsAt, endsAt: s.endsAt })));
    const topicIds = [1, 2, 3, 4, 5, 6, 7, 8];
    const counter = { steps: 0 };
    const result = buildItineraries(topicIds, slots, options, counter);
    expect(result).toHaveLength(options.maxProposals);
    for (const itinerary of result) expectValid(itinerary, topicIds, slots);
    const following = Math.max(...slots.map((a) => slots.filter((b) => b.startsAt >= a.endsAt && b.startsAt.getTime() - a.endsAt.getTime() <= 60 * 60_000).length));
    expect(counter.steps).toBeLessThan(2 * 2 ** 8 * slots.length * (1 + 8 * following));
    // Trying every order of 8 topics from every first slot alone would be 8! × slots.
    expect(counter.steps).toBeLessThan(40_320 * slots.length);
  });
});

describe('explainNoFit', () => {
  it('names the topics without any free time and what still fits together', () => {
    const result = explainNoFit([KINDERGELD, 99, WOHNGELD], free, options);
    expect(result).toEqual({ unavailableTopicIds: [99], largestFit: [KINDERGELD, WOHNGELD] });
  });

  it('finds the most topics that fit into a short event, keeping the family\'s first topics', () => {
    // Two hours, every desk with 4 slots of which one is for walk-ins: seven topics cannot all fit.
    const slots = demoEvent('16:00');
    const topicIds = [1, 2, 3, 4, 5, 6, 7];
    expect(buildItineraries(topicIds, slots, options)).toEqual([]);
    const counter = { steps: 0 };
    const { unavailableTopicIds, largestFit } = explainNoFit(topicIds, slots, options, counter);
    expect(unavailableTopicIds).toEqual([]);
    expect(largestFit.length).toBeGreaterThan(1);
    expect(largestFit.length).toBeLessThan(7);
    const fitting = buildItineraries(largestFit, slots, options);
    expect(fitting.length).toBeGreaterThan(0);
    for (const itinerary of fitting) expectValid(itinerary, largestFit, slots);
    expect(largestFit[0]).toBe(1);
    expect(counter.steps).toBeLessThan(2 ** 7 * slots.length * 7 * 4);
  });

  it('finds nothing that fits when no chosen topic has a free time', () => {
    expect(explainNoFit([98, 99], free, options)).toEqual({ unavailableTopicIds: [98, 99], largestFit: [] });
  });
});
