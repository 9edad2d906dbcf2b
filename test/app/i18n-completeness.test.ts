import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FAMILY_NAMESPACES, availableLanguages } from '../../src/lib/i18n.js';
import { type Messages, localeGaps, unusedKeys } from '../../src/lib/locale-check.js';
import { DYNAMIC_KEYS, localeReport } from '../../src/lib/locale-report.js';

describe('the locale files', () => {
  // One test per file, so a failure names it (CI counts a skipped test as a failure, so none is skipped).
  const report = localeReport();
  for (const { lang, gaps } of report.filter((entry) => entry.present)) {
    it(`${lang}: no missing or extra key, plural form, placeholder, untranslated or unused string`, () => {
      expect(gaps.map((gap) => `${gap.kind} ${gap.key}${gap.detail ? ` (${gap.detail})` : ''}`)).toEqual([]);
    });
  }

  it('offers no family language whose file is not there yet', () => {
    const absent = report.filter((entry) => !entry.present).map((entry) => entry.lang);
    expect(availableLanguages().filter((lang) => absent.includes(lang))).toEqual([]);
  });

  it('declares only dynamic keys that the code really builds from their fixed part', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'views', 'templates'], { encoding: 'utf8' }).trim().split('\n');
    const sources = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const built = (fixed: string) => ['`', "'", '"'].some((quote) => sources.includes(`${quote}${fixed}`));
    for (const pattern of DYNAMIC_KEYS) {
      const fixed = pattern.split('*')[0]!;
      // precheck.rules names its keys relative to the namespace ("reason.kiz").
      expect(built(fixed) || built(fixed.slice(fixed.indexOf('.') + 1)), pattern).toBe(true);
    }
  });
});

const de: Messages = {
  booking: {
    title: 'Termin für {{name}}',
    minutes_one: 'eine Minute', minutes_other: '{{count}} Minuten',
    free_zero: 'Kein Platz frei', free_one: 'Ein Platz frei', free_other: '{{count}} Plätze frei',
    office: 'Jobcenter',
    code: 'Code {{code}}',
  },
  staff: { title: 'Mitarbeitende' },
};
const en = { 'booking.title': 'Appointment for {{name}}', 'booking.office': 'Jobcenter' };
const check = (lang: string, locale: Messages) =>
  localeGaps(de, locale, { lang, namespaces: ['booking'], untranslated: { en, allowed: ['Jobcenter'] } })
    .map((gap) => `${gap.kind} ${gap.key}${gap.detail ? ` ${gap.detail}` : ''}`);

describe('the completeness check', () => {
  it('asks each language for its own CLDR plural forms, and _zero where German has it', () => {
    const ru = {
      booking: {
        title: 'Запись для {{name}}', office: 'Jobcenter', code: 'Код {{code}}',
        minutes_one: '{{count}} минута', minutes_few: '{{count}} минуты', minutes_other: '{{count}} минуты',
        free_zero: 'Мест нет', free_one: '{{count}} место', free_few: '{{count}} места', free_many: '{{count}} мест', free_other: '{{count}} места',
      },
    };
    expect(check('ru', ru)).toEqual(['plural booking.minutes _many']);
    const ar = {
      booking: {
        title: 'موعد لـ {{name}}', office: 'Jobcenter', code: 'الرمز {{code}}',
        ...Object.fromEntries(['zero', 'one', 'two', 'few', 'many', 'other'].flatMap((form) => [[`minutes_${form}`, `{{count}} دقيقة`], [`free_${form}`, `{{count}} مكان`]])),
      },
    };
    expect(check('ar', ar)).toEqual([]);
  });

  it('finds missing and extra keys, other placeholders, and strings left in German or English', () => {
    const tr = {
      booking: {
        title: 'Appointment for {{name}}', office: 'Jobcenter', code: 'Kod {{kod}}',
        minutes_one: '{{count}} dakika', minutes_other: '{{count}} dakika', free_one: '{{count}} yer', free_other: '{{count}} yer',
        stray: 'x',
      },
      staff: { title: 'Personel' },
    };
    expect(check('tr', tr)).toEqual([
      'placeholder booking.code kod ≠ code',
      'plural booking.free _zero',
      'extra booking.stray',
      'extra staff.title',
      'untranslated booking.title Appointment for {{name}}',
    ]);
  });

  it('leaves codes, numbers and placeholders alone, and the terms of the allowlist', () => {
    const gaps = (text: string) => localeGaps({ a: { b: text } }, { a: { b: text } }, { lang: 'fa', namespaces: ['a'], untranslated: { en: {}, allowed: ['Jobcenter'] } });
    for (const text of ['KG 1', '{{code}}', 'IBAN', '12:30', 'Jobcenter', 'SGB II']) expect(gaps(text), text).toEqual([]);
    expect(gaps('Kindergeld')).toHaveLength(1);
  });

  it('names the keys no source uses, trusting whole objects read at once and the dynamic keys', () => {
    const messages = { a: { used: 'x', unused: 'y', list: { one: 'x' }, errors: { gone: 'z' } }, b: { c: { d: 'x' } } };
    const sources = "t('a.used'); t('a.list', { returnObjects: true }); t(`b.${x}.d`)";
    expect(unusedKeys(messages, sources, ['b.*.d']).map((gap) => gap.key)).toEqual(['a.unused', 'a.errors.gone']);
  });

  it('keeps the family namespaces to namespaces of de.json', () => {
    const german = JSON.parse(readFileSync('locales/de.json', 'utf8')) as Messages;
    for (const ns of FAMILY_NAMESPACES) {
      const node = ns.split('.').reduce<Messages | string | undefined>((n, part) => (typeof n === 'object' ? n[part] : undefined), german);
      expect(typeof node, ns).toBe('object');
    }
  });
});
