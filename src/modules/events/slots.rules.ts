import type { DateTime } from 'luxon';
import { berlinInstant } from '../../lib/dates.js';
import type { DeskBreak } from './events.table.js';

export type DeskHours = {
  localDate: string;
  startsLocal: string;
  endsLocal: string;
  slotMinutes: number;
  breaks: DeskBreak[];
  walkInPercent: number;
};

export type GeneratedSlot = { startsAt: Date; endsAt: Date; walkInOnly: boolean };

/**
 * Cuts a desk's hours into slots. Slots step in real elapsed minutes between the two wall-clock
 * instants, so on DST change days a 01:00–04:00 desk has 2 hours of slots in March and 4 in October.
 */
export function generateSlots(desk: DeskHours): GeneratedSlot[] {
  const start = berlinInstant(desk.localDate, desk.startsLocal);
  const end = berlinInstant(desk.localDate, desk.endsLocal);
  const breaks = desk.breaks.map((b) => ({
    start: berlinInstant(desk.localDate, b.start),
    end: berlinInstant(desk.localDate, b.end),
  }));
  const times: Array<{ startsAt: DateTime; endsAt: DateTime }> = [];
  for (let at = start; at.plus({ minutes: desk.slotMinutes }) <= end; at = at.plus({ minutes: desk.slotMinutes })) {
    const slotEnd = at.plus({ minutes: desk.slotMinutes });
    const inBreak = breaks.some((b) => at < b.end && slotEnd > b.start);
    if (!inBreak) times.push({ startsAt: at, endsAt: slotEnd });
  }
  const walkIn = walkInPattern(times.length, desk.walkInPercent);
  return times.map((t, i) => ({ startsAt: t.startsAt.toJSDate(), endsAt: t.endsAt.toJSDate(), walkInOnly: walkIn[i]! }));
}

/**
 * Spreads the walk-in share evenly over the day (25 % → every 4th slot), so walk-ins are
 * served all afternoon instead of only at its end.
 */
export function walkInPattern(count: number, percent: number): boolean[] {
  const share = Math.min(Math.max(percent, 0), 100) / 100;
  return Array.from({ length: count }, (_, i) => Math.floor((i + 1) * share) > Math.floor(i * share));
}
