import { z } from 'zod';

/** The largest id a PostgreSQL `integer`/`serial` column holds; anything above finds nothing. */
export const MAX_ID = 2_147_483_647;

/** C0 and C1 controls (NUL included), DEL, and the bidi overrides and isolates that reorder text on screen. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** With the u flag a surrogate pair is one code point, so this matches only unpaired halves. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** The same, but line breaks (CR, LF) are allowed: a textarea legitimately sends them. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text a person can have typed: well-formed Unicode (no lone surrogate, which PostgreSQL's jsonb refuses)
 * without controls. Everything that reaches the database from a form, a URL or a query passes this.
 */
export function isTypedText(value: string, { multiline = false } = {}): boolean {
  return !LONE_SURROGATE.test(value) && !(multiline ? CONTROLS_BUT_LINE_BREAKS : CONTROLS).test(value);
}

type TextOptions = {
  /** Translation key shown when the field is empty; without it the field may be empty. */
  required?: string;
  /** Textareas: line breaks allowed. */
  multiline?: boolean;
  /** Passwords: kept exactly as typed. */
  trim?: boolean;
  min?: number;
  minMessage?: string;
  tooLongMessage?: string;
  charactersMessage?: string;
};

/**
 * The one schema for a text field of a form: a single string (not a list), trimmed, at most `max`
 * characters, without characters nobody types. Messages are translation keys.
 */
export function textField(max: number, options: TextOptions = {}) {
  const { required, multiline = false, trim = true, min, minMessage } = options;
  const base = z.string(required ?? 'errors.field.invalid');
  let schema = (trim ? base.trim() : base)
    .refine((value) => isTypedText(value, { multiline }), options.charactersMessage ?? 'errors.field.characters');
  if (required) schema = schema.min(1, required);
  if (min !== undefined) schema = schema.min(min, minMessage ?? required ?? 'errors.field.invalid');
  return schema.max(max, options.tooLongMessage ?? 'errors.field.tooLong');
}

/** An optional text field: a missing field is the empty string. */
export const optionalTextField = (max: number, options: Omit<TextOptions, 'required'> = {}) =>
  textField(max, options).optional().default('');

/** An id posted in a form (select, checkbox): a whole number 1..2^31-1, or the field's error. */
export const idField = (message = 'errors.field.invalid') =>
  z.string(message).trim().regex(/^\d{1,10}$/, message).transform(Number).pipe(z.number().int().min(1, message).max(MAX_ID, message));

/** An id from a URL or a form field that is looked up, not shown: anything else than 1..2^31-1 is -1 and finds nothing. */
export function parseId(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return -1;
  const id = Number(raw);
  return id >= 1 && id <= MAX_ID ? id : -1;
}
