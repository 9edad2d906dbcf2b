import ical, { type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { ZONE } from './dates.js';

/**
 * A calendar whose times are written as Europe/Berlin wall-clock times with the zone's VTIMEZONE,
 * so that calendar apps show 14:00 on the day itself, also around the change to summer time.
 */
export function berlinCalendar(name: string): ICalCalendar {
  const calendar = ical({ name, prodId: { company: 'familientag', product: 'familientag', language: 'DE' } });
  calendar.timezone({ name: ZONE, generator: (zone) => [tzlib_get_ical_block(zone)].flat()[0] ?? null });
  return calendar;
}
