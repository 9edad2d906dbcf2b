/**
 * Remembers a pure function's results, e.g. a date formatted in a language: building the Intl formatters
 * behind them costs more than the rest of a small page. Bounded: past `max` keys it starts afresh.
 */
export function memoize<A extends unknown[], R>(work: (...args: A) => R, keyOf: (...args: A) => string, max = 2_000): (...args: A) => R {
  const results = new Map<string, R>();
  return (...args: A) => {
    const key = keyOf(...args);
    const known = results.get(key);
    if (known !== undefined || results.has(key)) return known as R;
    if (results.size >= max) results.clear();
    const result = work(...args);
    results.set(key, result);
    return result;
  };
}
