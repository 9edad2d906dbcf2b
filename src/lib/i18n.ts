import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

/** Languages whose translations are complete; each is offered in the switcher and for mail. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'prs', 'ckb', 'ps', 'ur']);
export const directionOf = (lang: string) => (RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr');
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Languages an interpreter can be asked for; names come from the browser-independent CLDR data. */
export const INTERPRETER_LANGUAGES = [
  'ar', 'fa', 'prs', 'ps', 'ku', 'tr', 'uk', 'ru', 'ro', 'bg', 'pl', 'sq', 'ti', 'so', 'en', 'fr', 'dgs',
] as const;

export function languageName(code: string, inLanguage: string): string {
  if (code === 'dgs') return i18n().getFixedT(inLanguage)('booking.needs.signLanguage');
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}

export const nativeLanguageName = (code: string) => languageName(code, code);

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
let instance: typeof i18next | undefined;

/** One shared i18next instance with every locale file loaded synchronously at start. */
export function i18n(): typeof i18next {
  if (instance) return instance;
  const resources = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      { translation: JSON.parse(readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) },
    ]),
  );
  const created = i18next.createInstance();
  void created.init({
    initAsync: false,
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // Eta escapes on output
    returnNull: false,
    returnObjects: true,
    showSupportNotice: false,
  });
  instance = created;
  return created;
}

export const translatorFor = (lang: string): TFunction => i18n().getFixedT(lang);

/** Picks the best supported language from an Accept-Language header. */
export function languageFromHeader(header: string | undefined): Language {
  for (const part of (header ?? '').split(',')) {
    const code = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
    if (isLanguage(code)) return code;
  }
  return DEFAULT_LANGUAGE;
}
