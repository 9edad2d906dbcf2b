import { ICalEventStatus } from 'ical-generator';
import { berlinCalendar } from '../../lib/calendar.js';
import { berlinInstant } from '../../lib/dates.js';
import type { EventWithVenue } from './events.repository.js';

/**
 * The organisation's public calendar: every published or cancelled event, so that a calendar app (or the
 * Integreat app) also learns of a cancellation. The sequence follows the event's revision: moves update it.
 */
export function eventsFeed(input: { title: string; eventUrl: (id: number) => string; cancelledNote: string; events: EventWithVenue[] }): string {
  const calendar = berlinCalendar(input.title);
  for (const event of input.events) {
    const cancelled = event.status === 'cancelled';
    calendar.createEvent({
      id: `event-${event.id}@familientag`,
      sequence: event.revision,
      summary: cancelled ? `${input.cancelledNote}: ${input.title}` : input.title,
      start: berlinInstant(event.localDate, event.startsLocal),
      end: berlinInstant(event.localDate, event.endsLocal),
      timezone: 'Europe/Berlin',
      location: `${event.venue.name}, ${event.venue.street}, ${event.venue.postcode} ${event.venue.town}`,
      url: input.eventUrl(event.id),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
