export type FreeSlot = {
  slotId: number;
  deskId: number;
  topicIds: readonly number[];
  startsAt: Date;
  endsAt: Date;
};

export type ItineraryStop = { topicId: number; slotId: number; deskId: number; startsAt: Date; endsAt: Date };
export type Itinerary = { startsAt: Date; endsAt: Date; stops: ItineraryStop[] };

export type ItineraryOptions = {
  /** Longest wait between two appointments that still counts as back to back. */
  maxGapMinutes: number;
};

/**
 * For each possible start time, the shortest visit that covers every topic, one after another
 * across the desks (e.g. 14:00 Kindergeld, 14:30 Wohngeld). The order of topics is free.
 * One topic is the simple case: every free time for it.
 */
export function buildItineraries(
  topicIds: readonly number[],
  freeSlots: readonly FreeSlot[],
  options: ItineraryOptions,
): Itinerary[] {
  if (topicIds.length === 0) return [];
  const sorted = [...freeSlots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const bestByStart = new Map<number, Itinerary>();
  for (const order of permutations([...new Set(topicIds)])) {
    for (const first of sorted) {
      if (!first.topicIds.includes(order[0]!)) continue;
      const itinerary = extend(order, first, sorted, options.maxGapMinutes * 60_000);
      if (!itinerary) continue;
      const key = itinerary.startsAt.getTime();
      const known = bestByStart.get(key);
      if (!known || itinerary.endsAt < known.endsAt) bestByStart.set(key, itinerary);
    }
  }
  return [...bestByStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

function extend(order: number[], first: FreeSlot, sorted: readonly FreeSlot[], maxGapMs: number): Itinerary | undefined {
  const stops: ItineraryStop[] = [stop(order[0]!, first)];
  let previous = first;
  for (const topicId of order.slice(1)) {
    const next = sorted.find(
      (slot) =>
        slot.topicIds.includes(topicId) &&
        slot.startsAt >= previous.endsAt &&
        slot.startsAt.getTime() - previous.endsAt.getTime() <= maxGapMs &&
        !stops.some((s) => s.slotId === slot.slotId),
    );
    if (!next) return undefined;
    stops.push(stop(topicId, next));
    previous = next;
  }
  return { startsAt: first.startsAt, endsAt: previous.endsAt, stops };
}

const stop = (topicId: number, slot: FreeSlot): ItineraryStop => ({
  topicId, slotId: slot.slotId, deskId: slot.deskId, startsAt: slot.startsAt, endsAt: slot.endsAt,
});

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i]!, ...tail];
  }
}
