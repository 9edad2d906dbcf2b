import { describe, expect, it } from 'vitest';
import { LANGUAGES, directionOf, readLocale } from '../../src/lib/i18n.js';
import { flatten } from '../../src/lib/locale-check.js';
import { visualGlyphs } from '../../src/lib/pdf/shaping.js';
import { ORGANISATIONS, TOPICS } from '../../src/modules/demo/demo.data.js';

/** The namespaces whose texts are printed into PDFs (the aids, the documents list, the flyer, the day list). */
const PRINTED = ['aids', 'documents', 'documentConditions', 'aidForms', 'benefits', 'authorities', 'onlineServices'];

/** Every character that has no glyph in the embedded fonts (it would print as an empty box). */
function missingGlyphs(text: string, lang: string): string[] {
  return text.split('\n').flatMap((line) => {
    const glyphs = visualGlyphs(line, directionOf(lang) === 'rtl' ? 'rtl' : 'auto');
    return glyphs.some((glyph) => glyph.id === 0)
      ? [...new Set(Array.from(line).filter((char) => visualGlyphs(char, 'auto').some((glyph) => glyph.id === 0)))]
        .map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in "${line}"`)
      : [];
  });
}

describe('the fonts embedded in PDFs', () => {
  it.each(LANGUAGES.filter((lang) => readLocale(lang)))('have a glyph for every letter of the printed texts in %s', (lang) => {
    const locale = flatten(readLocale(lang)!);
    const printed = Object.entries(locale).filter(([key]) => PRINTED.some((ns) => key.startsWith(`${ns}.`)));
    expect(printed.length).toBeGreaterThan(100);
    expect(printed.flatMap(([key, text]) => missingGlyphs(text, lang).map((gap) => `${key}: ${gap}`))).toEqual([]);
  });

  it('have a glyph for every letter of the demo topics, in every language', () => {
    const texts = [...TOPICS.flatMap((topic) => [topic.name, topic.description]), ...ORGANISATIONS.map((org) => org.eventTitle)];
    const gaps = texts.flatMap((text) => Object.entries(text).flatMap(([lang, value]) => missingGlyphs(value!, lang)));
    expect(gaps).toEqual([]);
  });
});
