/**
 * How complete a locale file is against de.json, the authoritative one. Pure: the files are read by the caller.
 * `i18n.ts` offers a family language only when its file has no structural gap (missing key, missing plural form,
 * different placeholders); `npm run i18n:check` and the completeness test report every gap, untranslated
 * strings included.
 */
export type Messages = { [key: string]: string | Messages };
export type Gap = {
  kind: 'missing' | 'extra' | 'plural' | 'placeholder' | 'untranslated' | 'unused';
  key: string;
  detail?: string;
};

/** The gaps that keep a language from being offered at all; an untranslated string only reads in German. */
export const BLOCKING: ReadonlySet<Gap['kind']> = new Set(['missing', 'plural', 'placeholder']);

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** { a: { b: "x" } } → { "a.b": "x" } */
export function flatten(messages: Messages, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat[path] = value;
    else Object.assign(flat, flatten(value, path));
  }
  return flat;
}

/** The base of a plural key ("x.minutes_other" → "x.minutes") when de.json has an `_other` form of it. */
function pluralBase(key: string, flat: Record<string, string>): string | undefined {
  const base = key.replace(PLURAL_SUFFIX, '');
  return base !== key && `${base}_other` in flat ? base : undefined;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const without = (set: Set<string>, item: string) => new Set([...set].filter((x) => x !== item));

const inNamespaces = (key: string, namespaces: readonly string[]) =>
  namespaces.some((ns) => key === ns || key.startsWith(`${ns}.`));

export type CheckOptions = {
  lang: string;
  /** Only keys under these (dotted) namespaces are expected in the file; others must not be there. */
  namespaces: readonly string[];
  /** Report strings equal to the German or English one, unless the allowlist explains them. */
  untranslated?: { en: Record<string, string>; allowed: readonly string[] };
};

/** Every gap of one locale file against de.json. */
export function localeGaps(de: Messages, locale: Messages, options: CheckOptions): Gap[] {
  const deFlat = Object.fromEntries(Object.entries(flatten(de)).filter(([key]) => inNamespaces(key, options.namespaces)));
  const flat = flatten(locale);
  const gaps: Gap[] = [];
  const categories = new Intl.PluralRules(options.lang).resolvedOptions().pluralCategories as string[];
  const expected = new Set<string>();
  const pluralBases = new Set<string>();

  for (const key of Object.keys(deFlat)) {
    const base = pluralBase(key, deFlat);
    if (base) pluralBases.add(base);
    else expected.add(key);
  }
  for (const key of expected) {
    if (!(key in flat)) gaps.push({ kind: 'missing', key });
    else if (!sameSet(placeholders(flat[key]!), placeholders(deFlat[key]!))) {
      gaps.push({ kind: 'placeholder', key, detail: `${[...placeholders(flat[key]!)].join(',')} ≠ ${[...placeholders(deFlat[key]!)].join(',')}` });
    }
  }
  for (const base of pluralBases) {
    const forms = new Set(categories);
    if (`${base}_zero` in deFlat) forms.add('zero');
    const wanted = placeholders(deFlat[`${base}_other`]!);
    const missing = [...forms].filter((form) => !(`${base}_${form}` in flat));
    if (missing.length === forms.size) gaps.push({ kind: 'missing', key: base });
    else if (missing.length) gaps.push({ kind: 'plural', key: base, detail: missing.map((form) => `_${form}`).join(' ') });
    for (const form of forms) {
      expected.add(`${base}_${form}`);
      const text = flat[`${base}_${form}`];
      // A singular form may say "one" instead of {{count}}; every other placeholder must be there.
      if (text !== undefined && !sameSet(without(placeholders(text), 'count'), without(wanted, 'count'))) {
        gaps.push({ kind: 'placeholder', key: `${base}_${form}`, detail: `${[...placeholders(text)].join(',')} ≠ ${[...wanted].join(',')}` });
      }
    }
  }
  for (const key of Object.keys(flat)) if (!expected.has(key)) gaps.push({ kind: 'extra', key });

  if (options.untranslated) {
    const { en, allowed } = options.untranslated;
    for (const [key, text] of Object.entries(flat)) {
      if (!expected.has(key) || !needsTranslation(text, allowed)) continue;
      const original = deFlat[key] ?? deFlat[`${key.replace(PLURAL_SUFFIX, '')}_other`];
      const english = en[key] ?? en[`${key.replace(PLURAL_SUFFIX, '')}_other`];
      if (text === original || text === english) gaps.push({ kind: 'untranslated', key, detail: text });
    }
  }
  return gaps;
}

/** Whether any word is left once placeholders, numbers, codes and the allowed terms are taken away. */
function needsTranslation(text: string, allowed: readonly string[]): boolean {
  let rest = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\$t\([^)]*\)/g, ' ');
  for (const term of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(term).join(' ');
  return /\p{L}{2,}/u.test(rest.replace(/\b[\p{Lu}\d][\p{Lu}\d-]*\b/gu, ' '));
}

/** A pattern of DYNAMIC_KEYS as a regular expression: `*` is one part of a key. */
const keyPattern = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+')}$`);

/**
 * Keys of de.json that no source file names: neither the key itself nor an object above it (read whole with
 * returnObjects) appears quoted, and no pattern of the dynamic keys covers it.
 */
export function unusedKeys(de: Messages, sources: string, dynamicKeys: readonly string[]): Gap[] {
  const flat = flatten(de);
  const bases = new Set(Object.keys(flat).map((key) => pluralBase(key, flat) ?? key));
  const quoted = new Set([...sources.matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1]!));
  const patterns = dynamicKeys.map(keyPattern);
  const named = (key: string) => {
    const parts = key.split('.');
    return parts.some((_, i) => i >= 1 && quoted.has(parts.slice(0, i + 1).join('.')));
  };
  return [...bases]
    .filter((key) => !named(key) && !patterns.some((pattern) => pattern.test(key)))
    .map((key) => ({ kind: 'unused' as const, key }));
}
