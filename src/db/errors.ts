/** SQLSTATE codes the app turns into friendly answers instead of 500s. */
export const UNIQUE_VIOLATION = '23505';

type PgErrorShape = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

/** postgres.js, PGlite and drizzle's wrapper each carry the SQLSTATE a little differently. */
export function pgError(error: unknown): { code: string; constraint: string | undefined } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const shape = current as PgErrorShape;
    if (typeof shape.code === 'string' && /^[0-9A-Z]{5}$/.test(shape.code)) {
      return { code: shape.code, constraint: shape.constraint ?? shape.constraint_name };
    }
    current = shape.cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const found = pgError(error);
  return found?.code === UNIQUE_VIOLATION && found.constraint === constraint;
}
