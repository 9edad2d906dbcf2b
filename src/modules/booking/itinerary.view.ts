import type { Db } from '../../db/client.js';
import { formatTime } from '../../lib/dates.js';
import { pick } from '../../lib/localized.js';
import { deskLabels, slotsByIds } from '../events/events.repository.js';
import type { Topic } from '../organisations/organisations.repository.js';
import type { Itinerary } from './itinerary.rules.js';

export type ItineraryChoice = {
  value: string;
  from: string;
  to: string;
  stops: Array<{ time: string; topic: string; desk: string }>;
};

/** The form value of a choice: topic and slot of each stop in visiting order, "3.12-5.31" (see itineraryForm). */
export const stopsValue = (stops: ReadonlyArray<{ topicId: number; slotId: number }>) =>
  stops.map((s) => `${s.topicId}.${s.slotId}`).join('-');

/** Turns itineraries into radio options a family can read: times, topics and desks in their language. */
export async function describeItineraries(
  db: Db, eventId: number, itineraries: Itinerary[], topics: Map<number, Topic>, lang: string,
): Promise<ItineraryChoice[]> {
  const desks = await deskLabels(db, eventId);
  return itineraries.map((itinerary) => ({
    value: stopsValue(itinerary.stops),
    from: formatTime(itinerary.startsAt, lang),
    to: formatTime(itinerary.endsAt, lang),
    stops: itinerary.stops.map((stop) => ({
      time: formatTime(stop.startsAt, lang),
      topic: pick(topics.get(stop.topicId)!.name, lang),
      desk: desks.get(stop.deskId) ?? '',
    })),
  }));
}

/** The appointments a family picked, read back for the check-answers page. */
export async function describeChosenStops(
  db: Db, eventId: number, stops: Array<{ topicId: number; slotId: number }>, topics: Map<number, Topic>, lang: string,
): Promise<ItineraryChoice['stops']> {
  const rows = await slotsByIds(db, eventId, stops.map((s) => s.slotId));
  const desks = await deskLabels(db, eventId);
  return stops.flatMap((stop) => {
    const slot = rows.get(stop.slotId);
    const topic = topics.get(stop.topicId);
    return slot && topic ? [{ time: formatTime(slot.startsAt, lang), topic: pick(topic.name, lang), desk: desks.get(slot.deskId) ?? '' }] : [];
  });
}
