import { z } from 'zod';
import { LANGUAGES } from '../../lib/i18n.js';
import type { LocalizedList, LocalizedText } from '../../lib/localized.js';
import { textField } from '../../lib/text.js';

const line = (required: string, max: number) => textField(max, { required });
/** One text per language; an empty one falls back to German. Textareas take line breaks. */
const perLanguage = (max: number, multiline = false) => z.record(z.string(), textField(max, { multiline }));

const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

/** Per-language fields are posted as name_de, name_en…; German is required, the others fall back to it. */
function localized(body: Record<string, unknown>, field: string): Record<string, unknown> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, body[`${field}_${lang}`] ?? '']));
}

const textsOf = (values: Record<string, string>): LocalizedText =>
  Object.fromEntries(Object.entries(values).filter(([, text]) => text)) as LocalizedText;

const listsOf = (values: Record<string, string>): LocalizedList =>
  Object.fromEntries(Object.entries(values)
    .map(([lang, text]) => [lang, text.split('\n').map((item) => item.trim()).filter(Boolean)] as const)
    .filter(([, items]) => items.length)) as LocalizedList;

export const venueForm = z.preprocess(
  (body) => ({ ...(body as object), directions: localized((body ?? {}) as Record<string, unknown>, 'directions') }),
  z.object({
    name: line('places.errors.venueName', 120),
    street: line('places.errors.street', 120),
    postcode: z.string().trim().regex(/^\d{5}$/, 'places.errors.postcode'),
    town: line('places.errors.town', 80),
    stepFree: checkbox,
    directions: perLanguage(500, true),
  }).transform((form) => {
    const directions = textsOf(form.directions);
    return { ...form, directions: directions.de ? directions : null };
  }),
);

export const topicForm = z.preprocess(
  (body) => {
    const fields = (body ?? {}) as Record<string, unknown>;
    return { ...fields, name: localized(fields, 'name'), description: localized(fields, 'description'), documents: localized(fields, 'documents') };
  },
  z.object({
    name: perLanguage(80)
      .refine((names) => Boolean(names.de), { message: 'places.errors.topicName', path: ['de'] }),
    description: perLanguage(500, true),
    documents: perLanguage(2000, true),
    defaultSlotMinutes: z.coerce.number().int().min(5, 'places.errors.slotMinutes').max(180, 'places.errors.slotMinutes'),
    sortOrder: z.coerce.number().int().min(0, 'places.errors.sortOrder').max(999, 'places.errors.sortOrder'),
  }).transform((form) => {
    const description = textsOf(form.description);
    const documents = listsOf(form.documents);
    return {
      name: textsOf(form.name),
      description: description.de ? description : null,
      documents: documents.de ? documents : { de: [] },
      defaultSlotMinutes: form.defaultSlotMinutes,
      sortOrder: form.sortOrder,
    };
  }),
);
