import { DateTime } from 'luxon';
import { ZONE } from '../../lib/dates.js';

/**
 * The local date of the n-th given weekday in a month ("2nd Wednesday": week 2, weekday 3),
 * or undefined where the month has no such day (a 5th Monday).
 */
export function nthWeekdayOfMonth(year: number, month: number, week: number, weekday: number): string | undefined {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: ZONE });
  const offset = (weekday - first.weekday + 7) % 7;
  const day = first.plus({ days: offset + (week - 1) * 7 });
  return day.month === month ? day.toISODate()! : undefined;
}

/** The next `count` dates of a monthly rule, starting with the month of `from` if its date is not past. */
export function upcomingDates(rule: { week: number; weekday: number }, from: DateTime, count: number): string[] {
  const today = from.setZone(ZONE).toISODate()!;
  const dates: string[] = [];
  for (let cursor = from.setZone(ZONE).startOf('month'); dates.length < count; cursor = cursor.plus({ months: 1 })) {
    const date = nthWeekdayOfMonth(cursor.year, cursor.month, rule.week, rule.weekday);
    if (date && date >= today) dates.push(date);
  }
  return dates;
}
