/** "A, B und C" / "A, B and C": a list of names joined the way the language does it. */
export function formatList(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}
