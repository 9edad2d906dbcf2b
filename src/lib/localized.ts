/** Text kept per language by staff (topic names, directions…); German is always present. */
export type LocalizedText = { de: string } & Partial<Record<string, string>>;
export type LocalizedList = { de: string[] } & Partial<Record<string, string[]>>;

export function pick<T>(value: { de: T } & Partial<Record<string, T>>, lang: string): T {
  return value[lang] ?? value.de;
}
