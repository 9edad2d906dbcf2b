/** Text kept per language by staff (topic names, directions…); German is always present. */
export type LocalizedText = { de: string } & Partial<Record<string, string>>;
export type LocalizedList = { de: string[] } & Partial<Record<string, string[]>>;

/**
 * The text in the language asked for, else German: the coordinators' own wording, which families meet on the
 * day, rather than an English they may read no better. An empty text or list counts as missing.
 */
export function pick<T extends string | string[]>(value: { de: T } & Partial<Record<string, T>>, lang: string): T {
  const text = value[lang];
  return text === undefined || text.length === 0 ? value.de : text;
}
