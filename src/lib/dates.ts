import { DateTime } from 'luxon';
import { memoize } from './memo.js';

export const ZONE = 'Europe/Berlin';

/** A wall-clock time on a local date in Berlin, as an instant. Times inside a DST gap move forward. */
export function berlinInstant(localDate: string, localTime: string): DateTime {
  const result = DateTime.fromISO(`${localDate}T${localTime}`, { zone: ZONE });
  if (!result.isValid) throw new Error(`Invalid local date/time ${localDate} ${localTime}`);
  return result;
}

export function inBerlin(instant: Date | DateTime): DateTime {
  return (instant instanceof Date ? DateTime.fromJSDate(instant) : instant).setZone(ZONE);
}

/** English readers here live in Germany: 24-hour clock and day-month order, as in British English. */
export const formattingLocale = (lang: string) => (lang === 'en' ? 'en-GB' : lang);

/**
 * A date or time as the language writes it, with its own digits (Persian ones in fa), but always in the
 * Gregorian calendar: the day is in Germany, and the letters the family gets name the same date.
 */
export const inLanguage = (value: DateTime, lang: string) =>
  value.reconfigure({ locale: formattingLocale(lang), outputCalendar: 'gregory' });

const timeIn = memoize((epochMs: number, lang: string) => inLanguage(inBerlin(new Date(epochMs)), lang).toLocaleString(DateTime.TIME_SIMPLE),
  (epochMs, lang) => `${epochMs}|${lang}`);

export function formatTime(instant: Date | DateTime, lang: string): string {
  return timeIn(instant.valueOf(), lang);
}

/** A wall-clock time of a local date in Berlin ("14:00"), as the language writes it: the event's hours on every public page. */
export const formatLocalTime = memoize((localDate: string, localTime: string, lang: string) => formatTime(berlinInstant(localDate, localTime), lang),
  (localDate, localTime, lang) => `${localDate}|${localTime}|${lang}`);

export const formatDate = memoize(
  (localDate: string, lang: string) => inLanguage(DateTime.fromISO(localDate, { zone: ZONE }), lang).toLocaleString(DateTime.DATE_HUGE),
  (localDate, lang) => `${localDate}|${lang}`,
);

export const isLocalTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** The local calendar date in Berlin at an instant, e.g. "2027-03-10". */
export function berlinDate(instant: Date): string {
  return inBerlin(instant).toISODate()!;
}
