import { memoize } from './memo.js';

const listFormat = memoize((lang: string) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }), (lang) => lang);

/** "A, B und C" / "A, B and C": a list of names joined the way the language does it. */
export function formatList(items: readonly string[], lang: string): string {
  return listFormat(lang).format(items);
}
