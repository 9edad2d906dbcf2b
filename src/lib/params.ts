/** An id from the URL: anything that is not a small positive number simply finds nothing (-1). */
export function idParam(params: unknown, name: string): number {
  const raw = (params as Record<string, string | undefined>)[name] ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}
