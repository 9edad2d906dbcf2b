import { DateTime } from 'luxon';
import { ZONE } from '../../lib/dates.js';

/**
 * Evaluation years: twelve months from the month of the county's first event, the pilot's own year. The
 * periods are fixed and never overlap, so no two of them can be subtracted to single out a month.
 */
export type EvaluationYear = { index: number; from: string; to: string; months: string[] };

function evaluationYear(firstEventDate: string, index: number): EvaluationYear {
  const start = DateTime.fromISO(firstEventDate, { zone: ZONE }).startOf('month').plus({ years: index });
  const months = Array.from({ length: 12 }, (_, i) => start.plus({ months: i }).toFormat('yyyy-MM'));
  return { index, from: start.toISODate()!, to: start.plus({ months: 12 }).minus({ days: 1 }).toISODate()!, months };
}

/**
 * Years whose figures can no longer change, newest first: the year is over and each of its events is past the
 * retention period (a family can delete its booking until then). Figures of an open year would change from
 * one look to the next, and the difference would tell what the latest families answered.
 */
export function completeYears(firstEventDate: string | undefined, today: string, lastEventDateOf: (year: EvaluationYear) => string | undefined, retentionDays: number): EvaluationYear[] {
  if (!firstEventDate) return [];
  const years: EvaluationYear[] = [];
  for (let index = 0; ; index++) {
    const year = evaluationYear(firstEventDate, index);
    if (year.to >= today) break;
    const last = lastEventDateOf(year);
    if (last && DateTime.fromISO(last).plus({ days: retentionDays }).toISODate()! >= today) break;
    years.push(year);
  }
  return years.reverse();
}
