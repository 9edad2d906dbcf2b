import { z } from 'zod';
import type { FieldErrors } from '../../plugins/view.js';
import {
  CHILDREN, CONSULTATION_LANGUAGES, DURATION_BANDS, FIRST_VISIT, HEARD_VIA, HOUSEHOLDS, OUTCOMES, REFERRAL_TARGETS, YOUNGEST_AGES,
} from './intake.options.js';
import type { NewIntakeOutcome } from './intake.repository.js';

export const ACTIONS = ['save', 'declined', 'skip'] as const;
export type ChecklistAction = (typeof ACTIONS)[number];

const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.enum(values, 'errors.field.invalid').optional().default(fallback as never);

const answersForm = z.object({
  household: choice(HOUSEHOLDS, 'not_asked'),
  children: choice(CHILDREN, 'not_asked'),
  youngestAge: choice(YOUNGEST_AGES, 'not_asked'),
  heardVia: choice(HEARD_VIA, 'not_asked'),
  firstVisit: choice(FIRST_VISIT, 'not_asked'),
  language: z.enum(CONSULTATION_LANGUAGES, 'errors.field.invalid'),
  interpreter: z.literal('yes', 'errors.field.invalid').optional(),
});

export type ChecklistContext = { benefitIds: number[]; topicIds: number[]; withoutTicket: boolean };

export type ParsedChecklist =
  | { ok: true; topicId: number; durationBand: number | null; answers: z.output<typeof answersForm>; outcomes: NewIntakeOutcome[] }
  | { ok: false; errors: FieldErrors };

/** Reads a saved checklist: closed answers only; "referred on" needs a place it was referred to. */
export function parseChecklist(body: unknown, context: ChecklistContext): ParsedChecklist {
  const fields = (body ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const topicId = context.topicIds.length === 1 ? context.topicIds[0]! : Number(fields.topicId);
  if (!context.topicIds.includes(topicId)) errors.topicId = 'intake.errors.topic';
  let durationBand: number | null = null;
  if (context.withoutTicket) {
    const raw = String(fields.durationBand ?? '');
    if (raw !== '') {
      durationBand = Number(raw);
      if (!(DURATION_BANDS as readonly number[]).includes(durationBand)) errors.durationBand = 'errors.field.invalid';
    }
  }
  const outcomes: NewIntakeOutcome[] = [];
  for (const benefitTopicId of context.benefitIds) {
    const outcome = String(fields[`outcome_${benefitTopicId}`] ?? 'none');
    if (outcome === 'none') continue;
    if (!(OUTCOMES as readonly string[]).includes(outcome)) {
      errors[`outcome_${benefitTopicId}`] = 'errors.field.invalid';
      continue;
    }
    const target = String(fields[`referral_${benefitTopicId}`] ?? '');
    if (outcome === 'referred' && !(REFERRAL_TARGETS as readonly string[]).includes(target)) {
      errors[`referral_${benefitTopicId}`] = 'intake.errors.referralMissing';
      continue;
    }
    outcomes.push({
      benefitTopicId, outcome: outcome as NewIntakeOutcome['outcome'],
      referredTo: outcome === 'referred' ? target as NewIntakeOutcome['referredTo'] : null,
    });
  }
  const answers = answersForm.safeParse(fields);
  if (!answers.success) for (const issue of answers.error.issues) errors[String(issue.path[0])] ??= 'errors.field.invalid';
  if (Object.keys(errors).length || !answers.success) return { ok: false, errors };
  return { ok: true, topicId, durationBand, answers: answers.data, outcomes };
}
