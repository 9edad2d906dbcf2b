import type { z } from 'zod';
import type { FieldErrors } from '../plugins/view.js';

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates a posted form. Messages in the schemas are translation keys; the first problem
 * per field is kept, in the order of the form.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    // Per-language fields (name.de) are posted and shown as name_de.
    const [first, second] = issue.path;
    const field = typeof second === 'string' ? `${String(first)}_${second}` : String(first ?? 'form');
    errors[field] ??= issue.message.includes('.') ? issue.message : 'errors.field.invalid';
  }
  return { ok: false, errors };
}
