import { z } from 'zod';
import { INTERPRETER_LANGUAGES, LANGUAGES, isLanguage } from '../../lib/i18n.js';
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

/** Longest phone number as typed, separators included. */
export const PHONE_MAX_LENGTH = 40;

/**
 * One rule for phone numbers, the one the error message states: 6 to 15 digits (E.164 allows 15),
 * optionally a + in front, and spaces, hyphens, slashes or brackets between the digits.
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 ()/-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

export const contactForm = z.object({
  name: textField(80, {
    required: 'booking.contact.errors.nameRequired',
    tooLongMessage: 'booking.contact.errors.nameTooLong',
    charactersMessage: 'booking.contact.errors.nameInvalid',
  }),
  email: optionalTextField(254).refine((v) => v === '' || z.email().safeParse(v).success, 'booking.contact.errors.emailInvalid'),
  phone: optionalTextField(PHONE_MAX_LENGTH).refine((v) => v === '' || isPhoneNumber(v), 'booking.contact.errors.phoneInvalid'),
});

export const needsForm = z.object({
  language: z.enum(LANGUAGES, 'booking.needs.errors.languageRequired').refine(isLanguage, 'booking.needs.errors.languageRequired'),
  interpreter: z.enum(['none', ...INTERPRETER_LANGUAGES], 'booking.needs.errors.interpreterRequired'),
  childcare: z.preprocess((v) => v === 'yes', z.boolean()),
  stepFree: z.preprocess((v) => v === 'yes', z.boolean()),
});

/**
 * The booking rests on the county's public task (Art. 6(1)(e) GDPR with § 3 HDSIG), so the family confirms
 * having read the privacy notice (field `consent`) rather than consenting to it. Only a health-related need,
 * step-free access, needs explicit consent (Art. 9(2)(a) GDPR).
 */
export const confirmForm = (needsHealthConsent: boolean) => z.object({
  consent: z.literal('yes', 'booking.check.errors.consentRequired'),
  healthConsent: needsHealthConsent
    ? z.literal('yes', 'booking.check.errors.healthConsentRequired')
    : z.string().optional(),
  // A field people never see and bots fill in.
  website: textField(0, { trim: false }).optional(),
});

export type ContactAnswers = z.output<typeof contactForm>;
export type NeedsAnswers = z.output<typeof needsForm>;
export type ChosenStops = z.output<typeof itineraryForm>['itinerary'];
