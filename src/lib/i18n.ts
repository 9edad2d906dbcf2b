import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type FormatFunction, type TFunction } from 'i18next';
import { formattingLocale } from './dates.js';
import { memoize } from './memo.js';
import { BLOCKING, type Messages, localeGaps } from './locale-check.js';

/** The seven languages families may book in; German is the authority, English complete for everything too. */
export const LANGUAGES = ['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';

/** Staff pages exist in German and English only; their namespaces are not in the other locale files. */
export const STAFF_LANGUAGES = ['de', 'en'] as const satisfies readonly Language[];

/**
 * What a family sees, and so what every family language translates (dotted: a part of a namespace).
 * Everything else (staff, frontDesk but its slip, queue, planning, places, settings, intake, evaluation,
 * devMail) is German and English only.
 */
export const FAMILY_NAMESPACES = [
  'common', 'organisations', 'start', 'event', 'errors', 'booking', 'easyRead', 'display', 'ticket', 'mail', 'legal',
  'benefits', 'authorities', 'aids', 'precheck', 'frontDesk.slip', 'documents', 'documentConditions', 'onlineServices',
  'aidForms',
] as const;

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'prs', 'ckb', 'ps', 'ur']);
export const directionOf = (lang: string) => (RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr');
/**
 * A left-to-right value (a phone number) inside a sentence of `lang`, where no <bdi> can isolate it: plain-text
 * mail, PDFs. After Arabic letters digits are Arabic numbers to the bidi algorithm, and "05651 302-0" would show
 * as "0-302 05651"; a left-to-right mark on each side keeps it in its order. Other languages get it unchanged.
 */
export const leftToRightIn = (lang: string, value: string) => (directionOf(lang) === 'rtl' ? `\u200e${value}\u200e` : value);
/** A language that is offered: one of LANGUAGES whose locale file is there and complete (see availableLanguages). */
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (availableLanguages() as readonly string[]).includes(value);
export const isStaffLanguage = (value: unknown): value is (typeof STAFF_LANGUAGES)[number] =>
  typeof value === 'string' && (STAFF_LANGUAGES as readonly string[]).includes(value);

/** Languages an interpreter can be asked for; names come from the browser-independent CLDR data. */
export const INTERPRETER_LANGUAGES = [
  'ar', 'fa', 'prs', 'ps', 'ku', 'tr', 'uk', 'ru', 'ro', 'bg', 'pl', 'sq', 'ti', 'so', 'en', 'fr', 'dgs',
] as const;

export const languageName = memoize((code: string, inLanguage: string): string => {
  if (code === 'dgs') return i18n().getFixedT(inLanguage)('booking.needs.signLanguage');
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}, (code, inLanguage) => `${code}|${inLanguage}`);

/** A language's name in itself, as a label of its own: capitalised ("Русский", not "русский" as mid-sentence). */
export function nativeLanguageName(code: string): string {
  const name = languageName(code, code);
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');
/** A locale file, or undefined while it is not there (or, for a translation being written, not valid JSON yet). */
export function readLocale(lang: string): Messages | undefined {
  const file = path.join(localesDir, `${lang}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Messages;
  } catch (error) {
    if (isStaffLanguage(lang)) throw error;
    return undefined;
  }
}

const complete = (lang: string, locale: Messages) =>
  !localeGaps(readLocale('de')!, locale, { lang, namespaces: FAMILY_NAMESPACES }).some((gap) => BLOCKING.has(gap.kind));

let instance: typeof i18next | undefined;
let available: Language[] | undefined;

/**
 * The languages offered in the switcher, for booking and for mail: German and English always, another family
 * language once its file exists and has every key, plural form and placeholder of de.json's family namespaces
 * (so the app keeps working while a translation is still being written).
 */
export function availableLanguages(): readonly Language[] {
  if (available) return available;
  available = LANGUAGES.filter((lang) => {
    const locale = readLocale(lang);
    return isStaffLanguage(lang) || (locale !== undefined && complete(lang, locale));
  });
  return available;
}

/**
 * Offers a family language from messages that are not (yet) a file of locales/, e.g. a test's small fixture
 * merged over the German text; refused unless complete in the same sense as a file.
 */
export function offerLanguage(lang: Exclude<Language, (typeof STAFF_LANGUAGES)[number]>, messages: Messages): void {
  if (!complete(lang, messages)) throw new Error(`The ${lang} messages lack keys, plural forms or placeholders of de.json.`);
  i18n().addResourceBundle(lang, 'translation', messages, true, true);
  translators.clear();
  available = [...new Set([...availableLanguages(), lang])].sort((a, b) => LANGUAGES.indexOf(a) - LANGUAGES.indexOf(b));
}

const countFormat = memoize((lang: string) => new Intl.NumberFormat(formattingLocale(lang), { useGrouping: false }), (lang) => lang);

/** One shared i18next instance with every offered locale file loaded synchronously at start. */
export function i18n(): typeof i18next {
  if (instance) return instance;
  const languages = availableLanguages();
  const resources = Object.fromEntries(languages.map((lang) => [lang, { translation: readLocale(lang)! }]));
  const created = i18next.createInstance();
  void created.init({
    initAsync: false,
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES], // a language not offered has no resources and reads in German
    interpolation: {
      escapeValue: false, // Eta escapes on output
      // A count reads in the language's own digits, as its dates and amounts do (Persian ones in fa).
      alwaysFormat: true,
      format: ((value, _format, lng, options) => (options?.interpolationkey === 'count' && typeof value === 'number'
        ? countFormat(lng ?? DEFAULT_LANGUAGE).format(value) : value)) satisfies FormatFunction,
    },
    returnNull: false,
    returnObjects: true,
    showSupportNotice: false,
  });
  instance = created;
  return created;
}

const translators = new Map<string, TFunction>();

/**
 * The texts of one language. A page asks for dozens of plain keys, each the same text every time, so those
 * (a key alone, no options) are looked up once per language; anything with options goes to i18next.
 */
export function translatorFor(lang: string): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const fixed = i18n().getFixedT(lang);
    const plain = new Map<string, unknown>();
    t = ((...args: Parameters<TFunction>) => {
      if (args.length !== 1 || typeof args[0] !== 'string') return (fixed as unknown as (...a: unknown[]) => unknown)(...args);
      const key = args[0];
      if (!plain.has(key)) plain.set(key, fixed(key));
      return plain.get(key);
    }) as unknown as TFunction;
    translators.set(lang, t);
  }
  return t;
}

/**
 * The best offered language of an Accept-Language header, by quality ("fa-IR,fa;q=0.9,en;q=0.5" → fa,
 * "ar;q=0.1, tr" → tr).
 */
export function languageFromHeader(header: string | undefined): Language {
  const wishes = (header ?? '').split(',').map((part, order) => {
    const [range, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
    return { code: range!.trim().toLowerCase().split('-')[0]!, quality: q === undefined ? 1 : Number(q), order };
  });
  const best = wishes
    .filter((wish) => wish.quality > 0 && isLanguage(wish.code))
    .sort((a, b) => b.quality - a.quality || a.order - b.order)[0];
  return (best?.code as Language | undefined) ?? DEFAULT_LANGUAGE;
}
