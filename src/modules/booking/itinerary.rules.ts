export type FreeSlot = {
  slotId: number;
  deskId: number;
  topicIds: readonly number[];
  startsAt: Date;
  endsAt: Date;
};

type ItineraryStop = { topicId: number; slotId: number; deskId: number; startsAt: Date; endsAt: Date };
export type Itinerary = {
  startsAt: Date;
  endsAt: Date;
  stops: ItineraryStop[];
  /** Minutes spent waiting between the appointments, all together. */
  waitMinutes: number;
};

/**
 * Most topics one booking can hold. Eight appointments of 20–30 minutes fill an afternoon; the search
 * grows with 2^topics, so the bound also keeps it cheap. The topics page states it when an event offers more.
 */
export const MAX_TOPICS_PER_BOOKING = 8;

export type ItineraryOptions = {
  /** Waits up to this long still count as back to back; such plans are offered first. */
  shortGapMinutes: number;
  /** Longest single wait offered at all: only for start times without a back-to-back plan, and shown. */
  longestGapMinutes: number;
  /** Most proposals offered for several topics, spread over the day (one topic: every free time). */
  maxProposals: number;
};

/** Counts the search's work (states and candidate next appointments looked at), to bound it in tests. */
export type SearchCounter = { steps: number };

/**
 * For each possible start time, the visit that covers every topic once, one appointment after another across
 * the desks (e.g. 14:00 Kindergeld, 14:30 Wohngeld), and ends soonest; among those, the least waiting, then the
 * fewest desk changes. The order of topics is free. A desk serving two of the topics serves them in two
 * consecutive slots: each appointment stays one slot held by its own booking item.
 * Back-to-back plans come first; a start time without one gets a plan with longer waits (up to
 * longestGapMinutes) rather than nothing. The search is exact and needs at most 2^topics × slots states,
 * not topics! orders.
 */
export function buildItineraries(
  topicIds: readonly number[],
  freeSlots: readonly FreeSlot[],
  options: ItineraryOptions,
  counter: SearchCounter = { steps: 0 },
): Itinerary[] {
  const wanted = [...new Set(topicIds)];
  if (wanted.length === 0 || wanted.length > MAX_TOPICS_PER_BOOKING) return [];
  const slots = relevantSlots(wanted, freeSlots);
  const backToBack = [...bestPerStart(slots, wanted, options.shortGapMinutes, counter).values()];
  if (wanted.length === 1) return backToBack;
  if (backToBack.length >= options.maxProposals) return spreadOverTheDay(backToBack, options.maxProposals);
  // Longer waits only for start times without a back-to-back visit, and only as many as there is room for.
  const starts = new Set(backToBack.map((i) => i.startsAt.getTime()));
  const withWaits = options.longestGapMinutes > options.shortGapMinutes
    ? [...bestPerStart(slots, wanted, options.longestGapMinutes, counter).values()].filter((i) => !starts.has(i.startsAt.getTime()))
    : [];
  const leastWaiting = withWaits
    .sort((a, b) => a.waitMinutes - b.waitMinutes || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, options.maxProposals - backToBack.length);
  return [...backToBack, ...leastWaiting].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** `count` of the itineraries (sorted by start), evenly spread from the first to the last, so late starts stay offered. */
function spreadOverTheDay(itineraries: Itinerary[], count: number): Itinerary[] {
  if (count <= 1) return itineraries.slice(0, count);
  const last = itineraries.length - 1;
  return Array.from({ length: count }, (_, i) => itineraries[Math.round((i * last) / (count - 1))]!);
}

export type NoFit = {
  /** Chosen topics without any free online time. */
  unavailableTopicIds: number[];
  /** The most chosen topics that still fit into one visit (earlier topics kept first); empty when none. */
  largestFit: number[];
};

/**
 * Why no visit covers all chosen topics, and what does fit instead: the largest set of them for which a plan
 * exists (with waits up to longestGapMinutes). Also at most 2^topics × slots states.
 */
export function explainNoFit(
  topicIds: readonly number[],
  freeSlots: readonly FreeSlot[],
  options: Pick<ItineraryOptions, 'longestGapMinutes'>,
  counter: SearchCounter = { steps: 0 },
): NoFit {
  const wanted = [...new Set(topicIds)].slice(0, MAX_TOPICS_PER_BOOKING);
  const slots = relevantSlots(wanted, freeSlots);
  const unavailableTopicIds = wanted.filter((id) => !slots.some((s) => s.topicIds.includes(id)));
  const graph = new SlotGraph(slots, wanted, options.longestGapMinutes);
  const count = slots.length;
  const masks = 1 << wanted.length;
  // reached[covered × count + i]: a visit can have covered these topics (a bit mask) with its last appointment at slot i.
  const reached = new Uint8Array(masks * count);
  let best = 0;
  for (let i = 0; i < count; i++) {
    for (let own = graph.masks[i]!; own !== 0; own &= own - 1) reached[(own & -own) * count + i] = 1;
    for (let covered = 1; covered < masks; covered++) {
      if (!reached[covered * count + i]) continue;
      counter.steps++;
      if (better(covered, best)) best = covered;
      for (let j = graph.from[i]!; j < graph.to[i]!; j++) {
        for (let open = graph.masks[j]! & ~covered; open !== 0; open &= open - 1) {
          counter.steps++;
          reached[(covered | (open & -open)) * count + j] = 1;
        }
      }
    }
  }
  return { unavailableTopicIds, largestFit: wanted.filter((_, index) => best & (1 << index)) };
}

/** More topics wins; between equally many, the set that keeps the earlier topics of the family's list. */
function better(mask: number, than: number): boolean {
  const a = popcount(mask);
  const b = popcount(than);
  if (a !== b) return a > b;
  const lowest = (mask ^ than) & -(mask ^ than);
  return (mask & lowest) !== 0;
}

const IMPOSSIBLE = -2;
const DONE = -1;

/**
 * Per start time, the best plan whose waits are each at most gapMinutes. A state is (topics still to cover,
 * slot of the appointment just had). Later slots are solved first, so each state is solved once, from the
 * states of the slots that may follow it; flat arrays, because big events have many.
 */
function bestPerStart(slots: FreeSlot[], wanted: number[], gapMinutes: number, counter: SearchCounter): Map<number, Itinerary> {
  const graph = new SlotGraph(slots, wanted, gapMinutes);
  const count = slots.length;
  const all = (1 << wanted.length) - 1;
  const starts = Float64Array.from(slots, (s) => s.startsAt.getTime());
  const ends = Float64Array.from(slots, (s) => s.endsAt.getTime());
  const desks = Float64Array.from(slots, (s) => s.deskId);
  const states = (all + 1) * count;
  // For a state: the end of the visit, its waiting and desk changes from here on, and the next appointment
  // (slot × 32 + topic index), DONE when nothing remains, IMPOSSIBLE when the topics cannot be covered.
  const endsAt = new Float64Array(states);
  const waits = new Float64Array(states);
  const changes = new Float64Array(states);
  const next = new Int32Array(states).fill(IMPOSSIBLE);
  let steps = 0;
  for (let i = count - 1; i >= 0; i--) {
    endsAt[i] = ends[i]!;
    next[i] = DONE;
    for (let remaining = 1; remaining <= all; remaining++) {
      // Reached only after slot i covered one of its own topics, so one of them is no longer remaining.
      if ((graph.masks[i]! & ~remaining) === 0) continue;
      steps++;
      const state = remaining * count + i;
      for (let j = graph.from[i]!; j < graph.to[i]!; j++) {
        for (let open = graph.masks[j]! & remaining; open !== 0; open &= open - 1) {
          steps++;
          const bit = open & -open;
          const after = (remaining ^ bit) * count + j;
          if (next[after] === IMPOSSIBLE) continue;
          const end = endsAt[after]!;
          const wait = waits[after]! + starts[j]! - ends[i]!;
          const change = changes[after]! + (desks[j] === desks[i] ? 0 : 1);
          if (next[state] === IMPOSSIBLE || end < endsAt[state]!
            || (end === endsAt[state] && (wait < waits[state]! || (wait === waits[state] && change < changes[state]!)))) {
            next[state] = j * 32 + (31 - Math.clz32(bit));
            endsAt[state] = end;
            waits[state] = wait;
            changes[state] = change;
          }
        }
      }
    }
  }
  counter.steps += steps;

  const bestByStart = new Map<number, { state: number; index: number; topic: number }>();
  for (let i = 0; i < count; i++) {
    for (let own = graph.masks[i]!; own !== 0; own &= own - 1) {
      counter.steps++;
      const bit = own & -own;
      const state = (all ^ bit) * count + i;
      if (next[state] === IMPOSSIBLE) continue;
      const known = bestByStart.get(starts[i]!);
      const better = !known
        || endsAt[state]! < endsAt[known.state]!
        || (endsAt[state] === endsAt[known.state] && (waits[state]! < waits[known.state]!
          || (waits[state] === waits[known.state] && changes[state]! < changes[known.state]!)));
      if (better) bestByStart.set(starts[i]!, { state, index: i, topic: 31 - Math.clz32(bit) });
    }
  }

  const itineraries = new Map<number, Itinerary>();
  for (const [start, first] of bestByStart) {
    const stops: ItineraryStop[] = [];
    let remaining = all;
    for (let step = first.index * 32 + first.topic; step >= 0;) {
      const slot = slots[step >> 5]!;
      const topic = step & 31;
      stops.push({ topicId: wanted[topic]!, slotId: slot.slotId, deskId: slot.deskId, startsAt: slot.startsAt, endsAt: slot.endsAt });
      remaining &= ~(1 << topic);
      step = next[remaining * count + (step >> 5)]!;
    }
    itineraries.set(start, { startsAt: stops[0]!.startsAt, endsAt: stops.at(-1)!.endsAt, stops, waitMinutes: Math.round(waits[first.state]! / 60_000) });
  }
  return itineraries;
}

/** Free slots of a desk serving at least one wanted topic, by start time (then desk, for stable results). */
function relevantSlots(wanted: number[], freeSlots: readonly FreeSlot[]): FreeSlot[] {
  return freeSlots
    .filter((slot) => slot.topicIds.some((id) => wanted.includes(id)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.deskId - b.deskId || a.slotId - b.slotId);
}

/** Which slot may follow which: it starts once the other has ended, within the allowed wait. */
class SlotGraph {
  /** Per slot, the wanted topics its desk serves, as a bit mask over `wanted`. */
  readonly masks: Int32Array;
  /** Per slot i, the slots from[i] ≤ j < to[i] that may follow it (slots are sorted by start). */
  readonly from: Int32Array;
  readonly to: Int32Array;

  constructor(slots: FreeSlot[], wanted: number[], gapMinutes: number) {
    this.masks = Int32Array.from(slots, (slot) => wanted.reduce((mask, id, index) => (slot.topicIds.includes(id) ? mask | (1 << index) : mask), 0));
    const starts = slots.map((slot) => slot.startsAt.getTime());
    this.from = new Int32Array(slots.length);
    this.to = new Int32Array(slots.length);
    slots.forEach((slot, i) => {
      const earliest = slot.endsAt.getTime();
      const latest = earliest + gapMinutes * 60_000;
      let low = i + 1;
      let high = starts.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (starts[middle]! < earliest) low = middle + 1;
        else high = middle;
      }
      let to = low;
      while (to < starts.length && starts[to]! <= latest) to++;
      this.from[i] = low;
      this.to[i] = to;
    });
  }
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}
