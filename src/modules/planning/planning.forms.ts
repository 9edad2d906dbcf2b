import { DateTime } from 'luxon';
import { z } from 'zod';
import { isLocalTime } from '../../lib/dates.js';
import { idField, textField } from '../../lib/text.js';
import type { DeskBreak } from '../events/desks.repository.js';

const list = (value: unknown) => (value === undefined || value === '' ? [] : [value].flat());
const localTime = (message: string) => z.string().trim().refine(isLocalTime, message);
const localDate = z.string().trim().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid, 'planning.errors.date');
const id = idField;

const hours = <T extends { startsLocal: string; endsLocal: string }>(form: T) => form.startsLocal < form.endsLocal;

export const eventForm = z
  .object({
    localDate,
    venueId: id('planning.errors.venue'),
    startsLocal: localTime('planning.errors.startsLocal'),
    endsLocal: localTime('planning.errors.endsLocal'),
  })
  .refine(hours, { path: ['endsLocal'], message: 'planning.errors.endsBeforeStart' });

export const eventHoursForm = z
  .object({ startsLocal: localTime('planning.errors.startsLocal'), endsLocal: localTime('planning.errors.endsLocal') })
  .refine(hours, { path: ['endsLocal'], message: 'planning.errors.endsBeforeStart' });

export const moveForm = z.object({ localDate, venueId: id('planning.errors.venue') });

export const confirmForm = z.object({
  confirm: z.literal('yes', 'planning.errors.confirm'),
});

export const MAX_ROTATION_VENUES = 6;

export const rotationForm = z
  .object({
    week: z.coerce.number().int().min(1, 'planning.errors.week').max(5, 'planning.errors.week'),
    weekday: z.coerce.number().int().min(1, 'planning.errors.weekday').max(7, 'planning.errors.weekday'),
    startsLocal: localTime('planning.errors.startsLocal'),
    endsLocal: localTime('planning.errors.endsLocal'),
    firstMonth: z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'planning.errors.firstMonth'),
    months: z.coerce.number().int().min(1, 'planning.errors.months').max(24, 'planning.errors.months'),
    venueIds: z.preprocess(
      (value) => list(value).filter((v) => v !== ''),
      z.array(id('planning.errors.venue')).min(1, 'planning.errors.rotationVenues').max(MAX_ROTATION_VENUES),
    ),
  })
  .refine(hours, { path: ['endsLocal'], message: 'planning.errors.endsBeforeStart' });

/** "12:00-12:30, 15:00-15:15" → breaks; anything else is a field error. */
function parseBreaks(text: string): DeskBreak[] | undefined {
  const parts = text.split(/[,;\n]/).map((part) => part.trim()).filter(Boolean);
  const breaks: DeskBreak[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!match) return undefined;
    const [start, end] = [match[1]!.padStart(5, '0'), match[2]!.padStart(5, '0')];
    if (!isLocalTime(start) || !isLocalTime(end) || start >= end) return undefined;
    breaks.push({ start, end });
  }
  return breaks.sort((a, b) => a.start.localeCompare(b.start));
}

export const formatBreaks = (breaks: DeskBreak[]) => breaks.map((b) => `${b.start}–${b.end}`).join(', ');

export const deskForm = z
  .object({
    label: textField(40, { required: 'planning.errors.deskLabel' }),
    topicIds: z.preprocess(list, z.array(id('planning.errors.deskTopics')).min(1, 'planning.errors.deskTopics').max(20)),
    expertId: z.preprocess((value) => (value === '' || value === undefined ? null : value), id('planning.errors.expert').nullable()),
    startsLocal: localTime('planning.errors.startsLocal'),
    endsLocal: localTime('planning.errors.endsLocal'),
    slotMinutes: z.coerce.number().int().min(5, 'planning.errors.slotMinutes').max(180, 'planning.errors.slotMinutes'),
    breaks: textField(200, { multiline: true }).transform((text, context) => {
      const parsed = parseBreaks(text);
      if (!parsed) context.addIssue({ code: 'custom', message: 'planning.errors.breaks' });
      return parsed ?? [];
    }),
    walkInPercent: z.coerce.number().int().min(0, 'planning.errors.walkInPercent').max(100, 'planning.errors.walkInPercent'),
  })
  .refine(hours, { path: ['endsLocal'], message: 'planning.errors.endsBeforeStart' })
  // Zod runs this even when a field above failed; then `breaks` may still be the posted text.
  .refine((form) => !Array.isArray(form.breaks) || form.breaks.every((b) => b.start >= form.startsLocal && b.end <= form.endsLocal), {
    path: ['breaks'], message: 'planning.errors.breaksOutside',
  });

export type DeskFormData = z.output<typeof deskForm>;
