import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import type { BenefitKey } from '../benefits/benefits.js';
import { type EventWithVenue, listPublicEvents, topicsAtEvent } from '../events/events.repository.js';
import { bookingAvailability } from '../events/events.rules.js';
import { freeSlotCounts } from '../booking/availability.js';

type Topic = Awaited<ReturnType<typeof topicsAtEvent>>[number];

/** Where "Book these topics" leads: the next event open for booking with a free time, and its matching topics. */
export type BookingOffer = { event: EventWithVenue; matching: Topic[]; missing: BenefitKey[] };

/** Topics carry the benefit's key (kindergeld, wohngeld…), so a suggested benefit finds its expert by it. */
export async function nextBookingOffer(db: Db, organisationId: number, now: Date, benefits: BenefitKey[]): Promise<BookingOffer | undefined> {
  const open = (await listPublicEvents(db, organisationId, berlinDate(now))).filter((e) => bookingAvailability(e, now) === 'open');
  const free = await freeSlotCounts(db, open.map((e) => e.id), now);
  const event = open.find((e) => (free.get(e.id) ?? 0) > 0);
  if (!event) return undefined;
  const topics = await topicsAtEvent(db, event.id);
  const matching = topics.filter((topic) => (benefits as string[]).includes(topic.key));
  return { event, matching, missing: benefits.filter((b) => !matching.some((topic) => topic.key === b)) };
}
