import type { Db } from '../../db/client.js';
import { formatTime } from '../../lib/dates.js';
import { pick } from '../../lib/localized.js';
import { deskLabels, slotsByIds } from '../events/events.repository.js';
import type { Topic } from '../organisations/organisations.repository.js';
import type { Itinerary, NoFit } from './itinerary.rules.js';

export type ChoiceStop = {
  time: string;
  topic: string;
  desk: string;
  /** Minutes between the end of the previous appointment and this one (0 for the first, or back to back). */
  waitBefore: number;
};

export type ItineraryChoice = {
  value: string;
  from: string;
  to: string;
  waitMinutes: number;
  stops: ChoiceStop[];
};

/** The form value of a choice: topic and slot of each stop in visiting order, "3.12-5.31" (see itineraryForm). */
export const stopsValue = (stops: ReadonlyArray<{ topicId: number; slotId: number }>) =>
  stops.map((s) => `${s.topicId}.${s.slotId}`).join('-');

const minutesBetween = (end: Date | undefined, start: Date) => (end ? Math.round((start.getTime() - end.getTime()) / 60_000) : 0);

/** Turns itineraries into radio options a family can read: times, topics, desks and waits in their language. */
export async function describeItineraries(
  db: Db, eventId: number, itineraries: Itinerary[], topics: Map<number, Topic>, lang: string,
): Promise<ItineraryChoice[]> {
  const desks = await deskLabels(db, eventId);
  return itineraries.map((itinerary) => ({
    value: stopsValue(itinerary.stops),
    from: formatTime(itinerary.startsAt, lang),
    to: formatTime(itinerary.endsAt, lang),
    waitMinutes: itinerary.waitMinutes,
    stops: itinerary.stops.map((stop, index) => ({
      time: formatTime(stop.startsAt, lang),
      topic: pick(topics.get(stop.topicId)!.name, lang),
      desk: desks.get(stop.deskId) ?? '',
      waitBefore: minutesBetween(itinerary.stops[index - 1]?.endsAt, stop.startsAt),
    })),
  }));
}

/** The appointments a family picked, read back for the check-answers page. */
export async function describeChosenStops(
  db: Db, eventId: number, stops: Array<{ topicId: number; slotId: number }>, topics: Map<number, Topic>, lang: string,
): Promise<ChoiceStop[]> {
  const rows = await slotsByIds(db, eventId, stops.map((s) => s.slotId));
  const desks = await deskLabels(db, eventId);
  let previousEnd: Date | undefined;
  return stops.flatMap((stop) => {
    const slot = rows.get(stop.slotId);
    const topic = topics.get(stop.topicId);
    if (!slot || !topic) return [];
    const waitBefore = minutesBetween(previousEnd, slot.startsAt);
    previousEnd = slot.endsAt;
    return [{ time: formatTime(slot.startsAt, lang), topic: pick(topic.name, lang), desk: desks.get(slot.deskId) ?? '', waitBefore }];
  });
}

export type NoFitDescription = {
  /** Names of the chosen topics without any free online time. */
  unavailable: string[];
  /** The most chosen topics that fit into one visit, when that is fewer than chosen and more than none. */
  fewer?: { topicIds: number[]; names: string[] };
};

/** What the time page says when no visit covers every chosen topic. */
export function describeNoFit(noFit: NoFit, chosen: number[], topics: Map<number, Topic>, lang: string): NoFitDescription {
  const name = (id: number) => pick(topics.get(id)!.name, lang);
  const fits = noFit.largestFit.length > 0 && noFit.largestFit.length < new Set(chosen).size;
  return {
    unavailable: noFit.unavailableTopicIds.filter((id) => topics.has(id)).map(name),
    fewer: fits ? { topicIds: noFit.largestFit, names: noFit.largestFit.map(name) } : undefined,
  };
}
