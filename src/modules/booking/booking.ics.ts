import { berlinCalendar } from '../../lib/calendar.js';
import { inBerlin } from '../../lib/dates.js';

type CalendarStop = { topicName: string; deskLabel: string; startsAt: Date; endsAt: Date };

/**
 * A calendar file for the family's appointments. It holds times, place and topics only:
 * no name, no contact data, no booking code, no manage link.
 */
export function bookingCalendar(input: {
  uidPrefix: string;
  title: string;
  location: string;
  note: string;
  stops: CalendarStop[];
}): string {
  const calendar = berlinCalendar(input.title);
  input.stops.forEach((stop, index) => {
    calendar.createEvent({
      id: `${input.uidPrefix}-${index}`,
      summary: `${input.title}: ${stop.topicName}`,
      description: `${stop.deskLabel}\n${input.note}`,
      location: input.location,
      start: inBerlin(stop.startsAt),
      end: inBerlin(stop.endsAt),
      timezone: 'Europe/Berlin',
    });
  });
  return calendar.toString();
}
