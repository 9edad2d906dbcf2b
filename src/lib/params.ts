import { parseId } from './text.js';

/** An id from the URL (or a posted hidden field): anything that is not 1..2^31-1 is -1, which finds nothing (404). */
export function idParam(params: unknown, name: string): number {
  return parseId((params as Record<string, unknown> | undefined)?.[name]);
}
