import { z } from 'zod';
import { CONTROL_CHARACTERS } from '../../lib/forms.js';
import { INTERPRETER_LANGUAGES, LANGUAGES } from '../../lib/i18n.js';

const asList = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

export const topicsForm = z.object({
  topics: z.preprocess(
    asList,
    z.array(z.string().regex(/^\d{1,9}$/).transform(Number)).min(1, 'booking.topics.errors.required').max(6),
  ),
});

/** "3.12-5.31": topic 3 at slot 12, then topic 5 at slot 31. */
export const itineraryForm = z.object({
  itinerary: z
    .string('booking.time.errors.required')
    .min(1, 'booking.time.errors.required')
    .max(200)
    .regex(/^\d{1,9}\.\d{1,9}(-\d{1,9}\.\d{1,9}){0,5}$/, 'booking.time.errors.required')
    .transform((value) => value.split('-').map((pair) => {
      const [topicId, slotId] = pair.split('.').map(Number);
      return { topicId: topicId!, slotId: slotId! };
    })),
});

const optionalText = (max: number) => z.string().trim().max(max, 'errors.field.tooLong').optional().default('');

export const contactForm = z.object({
  name: z
    .string('booking.contact.errors.nameRequired')
    .trim()
    .min(1, 'booking.contact.errors.nameRequired')
    .max(80, 'booking.contact.errors.nameTooLong')
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'booking.contact.errors.nameInvalid'),
  email: optionalText(254).refine(
    (v) => v === '' || (!CONTROL_CHARACTERS.test(v) && z.email().safeParse(v).success),
    'booking.contact.errors.emailInvalid',
  ),
  phone: optionalText(30).refine((v) => v === '' || /^\+?[0-9 ()/-]{5,30}$/.test(v), 'booking.contact.errors.phoneInvalid'),
});

export const needsForm = z.object({
  language: z.enum(LANGUAGES, 'booking.needs.errors.languageRequired'),
  interpreter: z.enum(['none', ...INTERPRETER_LANGUAGES], 'booking.needs.errors.interpreterRequired'),
  childcare: z.preprocess((v) => v === 'yes', z.boolean()),
  stepFree: z.preprocess((v) => v === 'yes', z.boolean()),
});

export const confirmForm = z.object({
  consent: z.literal('yes', 'booking.check.errors.consentRequired'),
  // A field people never see and bots fill in.
  website: z.string().max(0, 'errors.field.invalid').optional(),
});

export type ContactAnswers = z.output<typeof contactForm>;
export type NeedsAnswers = z.output<typeof needsForm>;
export type ChosenStops = z.output<typeof itineraryForm>['itinerary'];
