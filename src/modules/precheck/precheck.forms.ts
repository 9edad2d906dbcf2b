import type { FieldErrors } from '../../plugins/view.js';
import {
  AGE_BANDS, type AgeBand, CHOICES, MAINTENANCE, MAX_CHILDREN_PER_BAND, type MaintenanceChoice, type Question,
  type StoredAnswers, isChoiceQuestion, maintenanceChildren,
} from './precheck.questions.js';

type Posted = Record<string, unknown>;
export type ParsedAnswer = { ok: true; answers: StoredAnswers } | { ok: false; errors: FieldErrors };

const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);

export const bandField = (band: AgeBand) => `band${band.replace('-', 'to')}`;
export const childField = (index: number) => `child${index}`;

/**
 * One page's answer merged into the answers so far. "I don't know" (the skip button, or the choice) is an
 * answer too; a missing or foreign value is an error shown on the same page.
 */
export function parseAnswer(question: Question, body: unknown, answers: StoredAnswers): ParsedAnswer {
  const posted = (body ?? {}) as Posted;
  if (posted.skip !== undefined) return { ok: true, answers: { ...answers, [question]: 'unknown' } };
  if (isChoiceQuestion(question)) {
    const value = posted.answer;
    if (!isOneOf(CHOICES[question], value)) return { ok: false, errors: { answer: 'precheck.errors.choose' } };
    return { ok: true, answers: { ...answers, [question]: value } };
  }
  if (question === 'children') return parseChildren(posted, answers);
  return parseMaintenance(posted, answers);
}

function parseChildren(posted: Posted, answers: StoredAnswers): ParsedAnswer {
  const counts = {} as Record<AgeBand, number>;
  const errors: FieldErrors = {};
  for (const band of AGE_BANDS) {
    const raw = posted[bandField(band)];
    const count = typeof raw === 'string' && /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(count >= 0 && count <= MAX_CHILDREN_PER_BAND)) errors[bandField(band)] = 'precheck.errors.childCount';
    else counts[band] = count;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: { ...answers, children: counts } };
}

function parseMaintenance(posted: Posted, answers: StoredAnswers): ParsedAnswer {
  const errors: FieldErrors = {};
  const chosen: MaintenanceChoice[] = [];
  maintenanceChildren(answers).forEach((_band, index) => {
    const value = posted[childField(index)];
    if (isOneOf(MAINTENANCE, value)) chosen.push(value);
    else errors[childField(index)] = 'precheck.errors.choose';
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: { ...answers, maintenance: chosen } };
}
