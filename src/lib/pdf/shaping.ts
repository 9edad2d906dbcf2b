import fontkit from '@pdf-lib/fontkit';
import { type BaseDirection, bidiParagraph, visualRuns } from './bidi.js';
import { fontBytes } from './fonts.js';

type FontkitFont = ReturnType<typeof fontkit.create>;

/** Put in front of a right-to-left Arabic run given to pdf-lib: the layout below shapes it and reverses it. */
export const RTL_RUN = '\u200F';

const PRESENTATION_FORMS = (codePoint: number) => (codePoint >= 0xfb50 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff);

/**
 * fontkit parses a font's tables anew for every document; the fonts never change, so each is parsed once per
 * process and its parsed form (with fontkit's glyph and layout caches) is shared. Subsets are still made per
 * document. Keyed by the bytes themselves, which fontBytes() reads once.
 * fontkit keeps each glyph object with the characters it was first asked for: a glyph first met as a part of
 * another (the u in ü, when a subset is written) would keep none, and later documents' text layers would lose
 * that letter. So every glyph is made once from its own character before any document uses the font; an Arabic
 * presentation form (a joining form or the lam-alef ligature) from the letters it stands for, so that the text
 * layer holds "لا" and not U+FEFB.
 */
const parsedFonts = new WeakMap<object, FontkitFont>();
export const parsedOnce: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      const forms = font.characterSet.filter(PRESENTATION_FORMS);
      for (const codePoint of font.characterSet) if (!PRESENTATION_FORMS(codePoint)) font.glyphForCodePoint(codePoint);
      if (forms.length) {
        const lookup = fontkit.create(bytes, postscriptName);
        for (const codePoint of forms) {
          const letters = Array.from(String.fromCodePoint(codePoint).normalize('NFKC'), (char) => char.codePointAt(0)!);
          font.getGlyph(lookup.glyphForCodePoint(codePoint).id, letters);
        }
      }
      if (bytes === fontBytes().arabic || bytes === fontBytes().arabicBold) layoutByMarkedDirection(font);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * pdf-lib lays text out with fontkit and takes the glyphs as they come; fontkit would pick the direction from
 * the script, so Persian digits (an Arabic-script left-to-right run) would come out reversed. Here the writer
 * decides: a run starting with RTL_RUN is shaped right to left and reversed into visual order, any other run
 * is shaped left to right. Joining forms and ligatures come from the font's own GSUB tables (fontkit's Arabic
 * shaper); the Latin fonts have no layout tables, so their text is never shaped.
 */
type Features = Parameters<FontkitFont['layout']>[1];
/** fontkit's own layout takes script, language and direction after the features; its types leave them out. */
type FullLayout = (text: string, features: Features, script?: string, language?: string, direction?: 'ltr' | 'rtl') => ReturnType<FontkitFont['layout']>;

function layoutByMarkedDirection(font: FontkitFont) {
  const layout = font.layout.bind(font) as FullLayout;
  font.layout = ((text: string, features?: Features) =>
    typeof text === 'string' && text.startsWith(RTL_RUN)
      ? layout(text.slice(RTL_RUN.length), features, 'arab', undefined, 'rtl')
      : layout(text, features, undefined, undefined, 'ltr')) as FontkitFont['layout'];
}

/** Whether Noto Sans Arabic has a glyph for the character (its Latin punctuation and digits, for neutrals). */
export const arabicHas = (codePoint: number) => parsedOnce.create(fontBytes().arabic).hasGlyphForCodePoint(codePoint);

/**
 * The glyphs a line is drawn with, left to right: which font, and its glyph id. What the writer draws, for tests
 * of shaping and order.
 */
export function visualGlyphs(text: string, direction: BaseDirection = 'auto'): Array<{ font: 'latin' | 'arabic'; id: number }> {
  const bytes = fontBytes();
  const latin = parsedOnce.create(bytes.regular);
  const arabic = parsedOnce.create(bytes.arabic);
  const paragraph = bidiParagraph(text, direction, arabicHas);
  return visualRuns(paragraph).flatMap((run) => {
    const font = run.font === 'arabic' ? arabic : latin;
    const laidOut = font.layout(run.font === 'arabic' && run.rtl ? RTL_RUN + run.text : run.text);
    return laidOut.glyphs.map((glyph) => ({ font: run.font, id: glyph.id }));
  });
}
