import { createEvents, type EventAttributes } from 'ics';
import { DateTime } from 'luxon';

type CalendarStop = { topicName: string; deskLabel: string; startsAt: Date; endsAt: Date };

const utcParts = (instant: Date) => {
  const t = DateTime.fromJSDate(instant).toUTC();
  return [t.year, t.month, t.day, t.hour, t.minute] as [number, number, number, number, number];
};

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
  const events: EventAttributes[] = input.stops.map((stop, index) => ({
    uid: `${input.uidPrefix}-${index}`,
    productId: 'familientag',
    title: `${input.title}: ${stop.topicName}`,
    description: `${stop.deskLabel}\n${input.note}`,
    location: input.location,
    start: utcParts(stop.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(stop.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('Calendar could not be created');
  return value;
}
