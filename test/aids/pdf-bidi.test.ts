import { describe, expect, it } from 'vitest';
import { bidiParagraph, needsBidi, visualRuns } from '../../src/lib/pdf/bidi.js';
import { leftToRightIn } from '../../src/lib/i18n.js';
import { fontBytes } from '../../src/lib/pdf/fonts.js';
import { arabicHas, parsedOnce, visualGlyphs } from '../../src/lib/pdf/shaping.js';

const arabic = parsedOnce.create(fontBytes().arabic);
const latin = parsedOnce.create(fontBytes().regular);
/** The glyph Noto Sans Arabic maps a presentation form (a joining form or ligature) to: what shaping must pick. */
const form = (codePoint: number) => ({ font: 'arabic', id: arabic.glyphForCodePoint(codePoint).id });
const forms = (...codePoints: number[]) => codePoints.map(form);
const letter = (char: string) => ({ font: 'arabic', id: arabic.glyphForCodePoint(char.codePointAt(0)!).id });
const latinGlyphs = (text: string) => Array.from(text, (char) => ({ font: 'latin', id: latin.glyphForCodePoint(char.codePointAt(0)!).id }));
const runs = (text: string, direction: 'ltr' | 'rtl' | 'auto' = 'auto') =>
  visualRuns(bidiParagraph(text, direction, arabicHas)).map((run) => `${run.font}${run.rtl ? '←' : '→'}${run.text}`);

describe('Arabic and Persian text, logical to visual', () => {
  it('joins lam and alef into the ligature', () => {
    expect(visualGlyphs('لا')).toEqual(forms(0xfefb));
  });

  it('chooses joining forms in reading order and lays the word out right to left', () => {
    // سلام: initial seen, final lam-alef, isolated meem (alef does not join to the left); leftmost glyph first.
    expect(visualGlyphs('سلام')).toEqual([letter('م'), ...forms(0xfefc, 0xfeb3)]);
  });

  it('keeps a booking code and its digits in their order inside right-to-left text', () => {
    expect(runs('رقم الحجز ABC-123')).toEqual(['latin→ABC-123', 'arabic←رقم الحجز ']);
    expect(visualGlyphs('رقم الحجز ABC-123')).toEqual([
      ...latinGlyphs('ABC-123'),
      letter(' '),
      ...forms(0xfeb0, 0xfea0, 0xfea4, 0xfedf), letter('ا'), // الحجز: zain final, jeem and hah medial, lam initial, alef
      letter(' '),
      ...forms(0xfee2, 0xfed7), letter('ر'), // رقم: meem final, qaf initial, reh alone
    ]);
  });

  it('keeps a phone number marked left to right whole inside Arabic, and draws no direction mark', () => {
    // Unmarked, the digits after Arabic letters are Arabic numbers (UBA W2): "05651 302-0" would show as "0-302 05651".
    expect(runs('الهاتف 05651 302-0').join('|')).not.toContain('05651 302-0');
    const marked = runs(`الهاتف ${leftToRightIn('ar', '05651 302-0')}`);
    expect(marked).toEqual(['latin→05651 302-0', 'arabic←الهاتف ']);
    expect(leftToRightIn('de', '05651 302-0')).toBe('05651 302-0');
  });

  it('shapes the Persian letters پ چ ژ گ ی ک and keeps Persian digits left to right', () => {
    expect(visualGlyphs('پچژ')).toEqual(forms(0xfb8b, 0xfb7d, 0xfb58)); // jeh final, tcheh medial, peh initial
    expect(visualGlyphs('گیک')).toEqual(forms(0xfb8f, 0xfbff, 0xfb94)); // keheh final, farsi yeh medial, gaf initial
    expect(runs('کد ۱۲۳')).toEqual(['arabic→۱۲۳', 'arabic←کد ']);
    expect(visualGlyphs('کد ۱۲۳')).toEqual([letter('۱'), letter('۲'), letter('۳'), letter(' '), ...forms(0xfeaa, 0xfb90)]);
  });

  it('mirrors brackets in right-to-left text and keeps a German sentence with an Arabic name left to right', () => {
    // Read from the right: the Arabic words, then "(" drawn mirrored, Kindergeld, and ")" mirrored at the left end.
    expect(runs('إعانة الطفل (Kindergeld)')).toEqual(['latin←(', 'latin→Kindergeld', 'latin←)', 'arabic←إعانة الطفل ']);
    expect(runs('Familienname: كايا')).toEqual(['latin→Familienname: ', 'arabic←كايا']);
    expect(bidiParagraph('Familienname: كايا', 'auto', arabicHas).rtl).toBe(false);
    expect(bidiParagraph('Kindergeld يُدفع', 'rtl', arabicHas).rtl).toBe(true);
  });

  it('leaves Latin and Cyrillic text on the plain path', () => {
    expect(needsBidi('Unterlagen und Bußgeld: 259 € – Київ')).toBe(false);
    expect(needsBidi('Kaya كايا')).toBe(true);
  });
});
