/** SQLSTATE codes the app turns into friendly answers instead of 500s. */
const UNIQUE_VIOLATION = '23505';

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

/** Seconds a family is asked to wait (Retry-After) when the database does not answer. */
export const RETRY_AFTER_SECONDS = 10;

/** Socket errors of Node and postgres.js's own codes for a connection that is gone or never came. */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'DATABASE_DEADLINE',
]);

/**
 * SQLSTATEs of a server that is restarting, overloaded or cut off: 08xxx connection exceptions,
 * 57P01-57P03 shutdown and start-up, 53300 too many connections, 57014 a statement over its time limit.
 */
const isOutageSqlstate = (code: string) => code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300' || code === '57014';

type CauseShape = { code?: unknown; errno?: unknown; syscall?: unknown; cause?: unknown; errors?: unknown };

/** The first error in the chain (drizzle wraps the driver's; Node may wrap several tries) that carries a code. */
function codedCause(error: unknown): CauseShape | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const shape = current as CauseShape;
    if (typeof shape.code === 'string') return shape;
    current = shape.cause ?? (Array.isArray(shape.errors) ? shape.errors[0] : undefined);
  }
  return undefined;
}

/** Whether the error means "the database is not answering now" (a 503 worth retrying), not a fault of ours. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codedCause(error)?.code as string | undefined;
  if (!code) return false;
  return OUTAGE_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isOutageSqlstate(code));
}

/** What may be logged of a database error's cause: codes only, never the query's parameters. */
export function databaseCause(error: unknown): Record<string, string | number> | undefined {
  const cause = codedCause(error);
  if (!cause) return undefined;
  const found: Record<string, string | number> = { code: cause.code as string };
  if (typeof cause.errno === 'number' || typeof cause.errno === 'string') found.errno = cause.errno;
  if (typeof cause.syscall === 'string') found.syscall = cause.syscall;
  return found;
}
