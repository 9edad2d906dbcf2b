export type FreeSlot = {
  slotId: number;
  deskId: number;
  topicIds: readonly number[];
  startsAt: Date;
  endsAt: Date;
};

export type ItineraryStop = { topicId: number; slotId: number; deskId: number; startsAt: Date; endsAt: Date };
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
  /** Most proposals offered for several topics (one topic: every free time). */
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
  const backToBack = bestPerStart(slots, wanted, options.shortGapMinutes, counter);
  const withWaits = options.longestGapMinutes > options.shortGapMinutes
    ? bestPerStart(slots, wanted, options.longestGapMinutes, counter)
    : new Map<number, Itinerary>();
  const proposals = [...backToBack.values()];
  for (const [start, itinerary] of withWaits) if (!backToBack.has(start)) proposals.push(itinerary);
  const kept = wanted.length > 1 && proposals.length > options.maxProposals
    ? proposals.sort((a, b) => a.waitMinutes - b.waitMinutes || a.startsAt.getTime() - b.startsAt.getTime()).slice(0, options.maxProposals)
    : proposals;
  return kept.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
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
  // reach[i]: the sets of topics (bit masks) a visit can have covered when its last appointment is slot i.
  const reach = slots.map(() => new Set<number>());
  let best = 0;
  slots.forEach((_, i) => {
    for (const bit of bits(graph.masks[i]!)) reach[i]!.add(bit);
    for (const covered of reach[i]!) {
      if (better(covered, best)) best = covered;
      const [from, to] = graph.following(i);
      for (let j = from; j < to; j++) {
        for (const bit of bits(graph.masks[j]! & ~covered)) {
          counter.steps++;
          reach[j]!.add(covered | bit);
        }
      }
    }
  });
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

/** The best way to finish a visit from one slot on: its end, waits and desk changes, and the next appointment. */
type Plan = { endsAt: number; waitMs: number; deskChanges: number; next?: { index: number; bit: number } };

/** Per start time, the best plan whose waits are each at most gapMinutes. */
function bestPerStart(slots: FreeSlot[], wanted: number[], gapMinutes: number, counter: SearchCounter): Map<number, Itinerary> {
  const graph = new SlotGraph(slots, wanted, gapMinutes);
  const all = (1 << wanted.length) - 1;
  // rest(remaining, i): the best way to cover the topics in `remaining` after an appointment in slot i.
  const memo = new Map<number, Plan | null>();
  const rest = (remaining: number, i: number): Plan | null => {
    const key = remaining * slots.length + i;
    const known = memo.get(key);
    if (known !== undefined) return known;
    counter.steps++;
    let best: Plan | null = null;
    if (remaining === 0) {
      best = { endsAt: slots[i]!.endsAt.getTime(), waitMs: 0, deskChanges: 0 };
    } else {
      const [from, to] = graph.following(i);
      for (let j = from; j < to; j++) {
        for (const bit of bits(graph.masks[j]! & remaining)) {
          counter.steps++;
          const after = rest(remaining & ~bit, j);
          if (!after) continue;
          const candidate: Plan = {
            endsAt: after.endsAt,
            waitMs: after.waitMs + slots[j]!.startsAt.getTime() - slots[i]!.endsAt.getTime(),
            deskChanges: after.deskChanges + (slots[j]!.deskId === slots[i]!.deskId ? 0 : 1),
            next: { index: j, bit },
          };
          if (!best || comparePlans(candidate, best) < 0) best = candidate;
        }
      }
    }
    memo.set(key, best);
    return best;
  };

  const bestByStart = new Map<number, { plan: Plan; index: number; bit: number }>();
  slots.forEach((slot, i) => {
    for (const bit of bits(graph.masks[i]!)) {
      counter.steps++;
      const plan = rest(all & ~bit, i);
      if (!plan) continue;
      const start = slot.startsAt.getTime();
      const known = bestByStart.get(start);
      if (!known || comparePlans(plan, known.plan) < 0) bestByStart.set(start, { plan, index: i, bit });
    }
  });
  const itineraries = new Map<number, Itinerary>();
  for (const [start, { plan, index, bit }] of bestByStart) {
    const stops: ItineraryStop[] = [];
    let remaining = all;
    for (let step: Plan['next'] = { index, bit }; step; step = memo.get((remaining * slots.length) + step.index)!.next) {
      const slot = slots[step.index]!;
      stops.push({ topicId: wanted[Math.log2(step.bit)]!, slotId: slot.slotId, deskId: slot.deskId, startsAt: slot.startsAt, endsAt: slot.endsAt });
      remaining &= ~step.bit;
    }
    itineraries.set(start, { startsAt: stops[0]!.startsAt, endsAt: stops.at(-1)!.endsAt, stops, waitMinutes: Math.round(plan.waitMs / 60_000) });
  }
  return itineraries;
}

const comparePlans = (a: Plan, b: Plan) => a.endsAt - b.endsAt || a.waitMs - b.waitMs || a.deskChanges - b.deskChanges;

/** Free slots of a desk serving at least one wanted topic, by start time (then desk, for stable results). */
function relevantSlots(wanted: number[], freeSlots: readonly FreeSlot[]): FreeSlot[] {
  return freeSlots
    .filter((slot) => slot.topicIds.some((id) => wanted.includes(id)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.deskId - b.deskId || a.slotId - b.slotId);
}

/** Which slot may follow which: it starts once the other has ended, within the allowed wait. */
class SlotGraph {
  /** Per slot, the wanted topics its desk serves, as a bit mask over `wanted`. */
  readonly masks: number[];
  private readonly starts: number[];
  private readonly gapMs: number;

  constructor(private readonly slots: FreeSlot[], wanted: number[], gapMinutes: number) {
    this.masks = slots.map((slot) => wanted.reduce((mask, id, index) => (slot.topicIds.includes(id) ? mask | (1 << index) : mask), 0));
    this.starts = slots.map((slot) => slot.startsAt.getTime());
    this.gapMs = gapMinutes * 60_000;
  }

  /** The range [from, to) of indexes of the slots that can follow slot i (sorted by start: a binary search finds it). */
  following(i: number): [number, number] {
    const earliest = this.slots[i]!.endsAt.getTime();
    const latest = earliest + this.gapMs;
    let low = i + 1;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! < earliest) low = middle + 1;
      else high = middle;
    }
    let to = low;
    while (to < this.starts.length && this.starts[to]! <= latest) to++;
    return [low, to];
  }
}

function* bits(mask: number): Generator<number> {
  for (let rest = mask; rest !== 0; rest &= rest - 1) yield rest & -rest;
}

function popcount(mask: number): number {
  let count = 0;
  for (const _ of bits(mask)) count++;
  return count;
}
