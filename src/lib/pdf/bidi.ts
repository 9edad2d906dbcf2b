import bidiModule, { type EmbeddingLevels } from 'bidi-js';

/** bidi-js is CommonJS whose module.exports is the factory; its types describe that as `.default`. */
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

export type BaseDirection = 'ltr' | 'rtl' | 'auto';
type FontRole = 'latin' | 'arabic';

/**
 * A run drawn left to right with one font. A right-to-left Arabic run is in logical order, because joining
 * forms are chosen in reading order and the shaper reverses the glyphs after that; every other run is already
 * in visual order (a right-to-left run of neutrals reversed and mirrored here).
 */
export type VisualRun = { text: string; font: FontRole; rtl: boolean };

/** A paragraph with its resolved bidi levels (UBA) and the font each character is drawn with. */
export type BidiParagraph = { text: string; levels: EmbeddingLevels; rtl: boolean; fonts: FontRole[] };

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const RIGHT_TO_LEFT_OR_CONTROLS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Marks, embeddings and isolates that steer the bidi algorithm and have no glyph: resolved, then not drawn. */
const DIRECTION_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The text without its direction controls, as it is measured and drawn. */
export const withoutDirectionControls = (text: string) => text.replace(new RegExp(DIRECTION_CONTROL, 'g'), '');
/** Characters whose glyph follows the neighbouring script: spaces, digits, punctuation, joiners. */
const NEUTRAL = /[\s\d\p{P}\p{S}\u200C-\u200F]/u;

/** Whether a text needs the bidi algorithm at all: Latin and Cyrillic text keeps the plain, fast path. */
export const needsBidi = (text: string) => RIGHT_TO_LEFT_OR_CONTROLS.test(text);

/**
 * Resolves a paragraph's levels. Arabic-script letters take the Arabic font; a neutral inside a right-to-left
 * run does too when that font has it (so "الحجز:" is one run), everything else the Latin font.
 */
export function bidiParagraph(text: string, direction: BaseDirection, arabicHas: (codePoint: number) => boolean): BidiParagraph {
  const levels = bidi.getEmbeddingLevels(text, direction);
  const fonts = new Array<FontRole>(text.length).fill('latin');
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const odd = (levels.levels[i]! & 1) === 1;
    if (ARABIC_SCRIPT.test(char) || (odd && NEUTRAL.test(char) && arabicHas(char.charCodeAt(0)))) fonts[i] = 'arabic';
  }
  return { text, levels, rtl: (levels.paragraphs[0]?.level ?? 0) % 2 === 1, fonts };
}

/** The runs of the line text[start..end] (inclusive) in visual order, left to right (UBA L2 and L4). */
export function visualRuns(paragraph: BidiParagraph, start = 0, end = paragraph.text.length - 1): VisualRun[] {
  const { text, levels, fonts } = paragraph;
  if (end < start) return [];
  // The indices of the whole text, with only this line's segments reversed.
  const order = bidi.getReorderedIndices(text, levels, start, end).slice(start, end + 1);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end);
  const runs: Array<{ indices: number[]; font: FontRole; rtl: boolean }> = [];
  let current: (typeof runs)[number] | undefined;
  let last: number | undefined; // the index drawn (or skipped as a control) just before
  for (const index of order) {
    const rtl = (levels.levels[index]! & 1) === 1;
    const font = fonts[index]!;
    const follows = current && current.font === font && current.rtl === rtl && last === (rtl ? index + 1 : index - 1);
    last = index;
    if (DIRECTION_CONTROL.test(text[index]!)) continue; // its work is done: nothing to draw
    if (follows) current!.indices.push(index);
    else runs.push((current = { indices: [index], font, rtl }));
  }
  return runs.map(({ indices, font, rtl }) => {
    const logical = (rtl ? [...indices].reverse() : indices).map((i) => mirrored.get(i) ?? text[i]!).join('');
    if (!rtl || font === 'arabic') return { text: logical, font, rtl };
    return { text: Array.from(logical).reverse().join(''), font, rtl };
  });
}
