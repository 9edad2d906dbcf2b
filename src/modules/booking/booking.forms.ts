import { z } from 'zod';
import { INTERPRETER_LANGUAGES, LANGUAGES } from '../../lib/i18n.js';
import { idField, optionalTextField, textField } from '../../lib/text.js';
import { MAX_TOPICS_PER_BOOKING } from './itinerary.rules.js';

const asList = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

export const topicsForm = z.object({
  topics: z.preprocess(
    asList,
    z.array(idField('booking.topics.errors.required'))
      .min(1, 'booking.topics.errors.required')
      .max(MAX_TOPICS_PER_BOOKING, 'booking.topics.errors.tooMany'),
  ),
});

/** "3.12-5.31": topic 3 at slot 12, then topic 5 at slot 31. */
export const itineraryForm = z.object({
  itinerary: z
    .string('booking.time.errors.required')
    .min(1, 'booking.time.errors.required')
    .max(20 * MAX_TOPICS_PER_BOOKING)
    .regex(new RegExp(`^\\d{1,9}\\.\\d{1,9}(-\\d{1,9}\\.\\d{1,9}){0,${MAX_TOPICS_PER_BOOKING - 1}}$`), 'booking.time.errors.required')
    .transform((value) => value.split('-').map((pair) => {
      const [topicId, slotId] = pair.split('.').map(Number);
      return { topicId: topicId!, slotId: slotId! };
    })),
});

export const contactForm = z.object({
  name: textField(80, {
    required: 'booking.contact.errors.nameRequired',
    tooLongMessage: 'booking.contact.errors.nameTooLong',
    charactersMessage: 'booking.contact.errors.nameInvalid',
  }),
  email: optionalTextField(254).refine((v) => v === '' || z.email().safeParse(v).success, 'booking.contact.errors.emailInvalid'),
  phone: optionalTextField(30).refine((v) => v === '' || /^\+?[0-9 ()/-]{5,30}$/.test(v), 'booking.contact.errors.phoneInvalid'),
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
  website: textField(0, { trim: false }).optional(),
});

export type ContactAnswers = z.output<typeof contactForm>;
export type NeedsAnswers = z.output<typeof needsForm>;
export type ChosenStops = z.output<typeof itineraryForm>['itinerary'];
