import { randomBytes } from 'node:crypto';
import { type Color, type PDFFont, PDFDocument, type PDFPage, type PDFTextField, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { type BaseDirection, type VisualRun, bidiParagraph, needsBidi, visualRuns, withoutDirectionControls } from './bidi.js';
import { fontBytes } from './fonts.js';
import { RTL_RUN, arabicHas, parsedOnce } from './shaping.js';

const PAGE_SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28], A4landscape: [841.89, 595.28] } as const;
export type PageSize = keyof typeof PAGE_SIZES;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.75, 0.8);
const FIELD_BACKGROUND = rgb(0.93, 0.95, 1);

/**
 * `dir`: the paragraph's base direction; 'auto' (the default) takes it from the first strong letter (UBA P2),
 * so a German sentence with an Arabic name stays left to right. Give 'rtl' for text in Arabic or Persian that
 * may start with a German term or a number.
 */
export type TextOptions = { size?: number; bold?: boolean; muted?: boolean; indent?: number; gapAfter?: number; dir?: BaseDirection };

/**
 * One wrapped line. Plain text (no right-to-left letters, the common case) is drawn in one piece; a bidi line
 * is drawn as runs in visual order, each with its font and width at size 1, right-aligned in a right-to-left
 * paragraph.
 */
type Line = { text: string; rtl: boolean; runs?: Array<VisualRun & { width: number }>; width?: number };

/**
 * A flowing PDF document: text wraps at the margin and moves to a new page when the page is full; every page
 * gets the running header and, at the end, "page n of N". Open answers become AcroForm text fields, so the
 * document can be completed on a screen. Only the glyphs used are embedded (font subsets).
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private fieldCount = 0;
  readonly pages: PDFPage[] = [];
  readonly margin: number;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly arabic: PDFFont,
    private readonly arabicBold: PDFFont,
    private readonly size: PageSize,
    private readonly header: string,
    private readonly dir: BaseDirection,
  ) {
    this.margin = size === 'A5' ? 34 : 40;
  }

  /** `dir`: the paragraphs' base direction unless a call gives its own ('rtl' for a document in Arabic or Persian). */
  static async create(options: { size?: PageSize; title: string; lang: string; header?: string; subject?: string; dir?: BaseDirection }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(parsedOnce);
    const bytes = fontBytes();
    // A subset's name starts with a tag of six capitals and "+" (PDF 32000-1, 9.6.4), so readers know it is one.
    const tag = Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
    const [regular, bold, arabic, arabicBold] = await Promise.all([
      doc.embedFont(bytes.regular, { subset: true, customName: `${tag}+NotoSans-Regular` }),
      doc.embedFont(bytes.bold, { subset: true, customName: `${tag}+NotoSans-Bold` }),
      // Each dropped again in finish() when no Arabic-script text used it, so other documents stay as they were.
      doc.embedFont(bytes.arabic, { subset: true, customName: `${tag}+NotoSansArabic-Regular` }),
      doc.embedFont(bytes.arabicBold, { subset: true, customName: `${tag}+NotoSansArabic-Bold` }),
    ]);
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setLanguage(options.lang);
    doc.setProducer('familientag');
    doc.setCreator('familientag');
    if (options.subject) doc.setSubject(options.subject);
    const writer = new PdfWriter(doc, regular, bold, arabic, arabicBold, options.size ?? 'A4', options.header ?? '', options.dir ?? 'auto');
    writer.newPage();
    return writer;
  }

  get width() {
    return PAGE_SIZES[this.size][0];
  }

  get contentWidth() {
    return this.width - 2 * this.margin;
  }

  get cursor() {
    return this.y;
  }

  newPage() {
    this.page = this.doc.addPage([...PAGE_SIZES[this.size]]);
    this.pages.push(this.page);
    this.y = PAGE_SIZES[this.size][1] - this.margin;
    if (this.header) {
      const [line] = this.lines(this.fit(this.header, 8, this.contentWidth), this.regular, 8, Infinity);
      this.drawLine(line!, this.margin, this.width - this.margin, this.y, 8, this.regular, MUTED);
      this.y -= 8;
      this.page.drawLine({ start: { x: this.margin, y: this.y }, end: { x: this.width - this.margin, y: this.y }, thickness: 0.5, color: RULE });
      this.y -= 16;
    }
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensureSpace(height: number) {
    if (this.y - height < this.margin + 18) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  heading(value: string, level: 1 | 2 | 3 = 2) {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    this.ensureSpace(size * 3);
    this.y -= level === 1 ? 0 : 6;
    this.text(value, { size, bold: true, gapAfter: level === 1 ? 8 : 4 });
  }

  /** A paragraph, wrapped at the margin. */
  text(value: string, options: TextOptions = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of this.lines(value, font, size, this.contentWidth - indent, options.dir ?? this.dir)) {
      this.ensureSpace(lineHeight);
      this.y -= size;
      // The indent is on the side a line starts from: the right in a right-to-left paragraph.
      const [left, right] = line.rtl ? [this.margin, this.width - this.margin - indent] : [this.margin + indent, this.width - this.margin];
      this.drawLine(line, left, right, this.y, size, font, options.muted ? MUTED : INK);
      this.y -= lineHeight - size;
    }
    this.y -= options.gapAfter ?? 4;
  }

  /** A list item with a tick box (documents to bring) or a bullet. */
  item(value: string, kind: 'box' | 'bullet' = 'bullet', size = 10, dir: BaseDirection = this.dir) {
    const lines = this.lines(value, this.regular, size, this.contentWidth - 18, dir);
    this.ensureSpace(size * 1.35 * Math.min(lines.length, 3));
    const top = this.y - size;
    // The box or bullet stands where the item's lines start: on the right for a right-to-left item.
    const start = lines[0]?.rtl ? this.width - this.margin - size : this.margin;
    if (kind === 'box') {
      this.page.drawRectangle({ x: start, y: top - 1, width: size, height: size, borderColor: INK, borderWidth: 0.8 });
    } else {
      this.page.drawCircle({ x: lines[0]?.rtl ? this.width - this.margin - 4 : this.margin + 4, y: top + size * 0.35, size: 1.8, color: INK });
    }
    this.text(value, { size, indent: 18, gapAfter: 3, dir });
  }

  /** A label over its answer; without an answer, an empty AcroForm text field to fill in on a screen. */
  answer(label: string, value: string | undefined, fieldName: string, translation?: string) {
    const labelSize = 8.5;
    this.ensureSpace(42);
    this.text(translation ? `${label} · ${translation}` : label, { size: labelSize, muted: true, gapAfter: 1 });
    if (value) {
      // Under its German label from the left, also a name in Arabic script (which is still shaped and ordered).
      this.text(value, { size: 11, gapAfter: 7, dir: 'ltr' });
      return;
    }
    this.openField(fieldName);
  }

  /** An empty form field the width of the column. */
  openField(fieldName: string, height = 18) {
    this.ensureSpace(height + 6);
    this.y -= height;
    const field: PDFTextField = this.doc.getForm().createTextField(this.uniqueName(fieldName));
    field.addToPage(this.page, {
      x: this.margin, y: this.y, width: this.contentWidth, height, font: this.regular,
      backgroundColor: FIELD_BACKGROUND, borderColor: RULE, borderWidth: 0.8, textColor: INK,
    });
    // Typed text uses this size. The field is empty, so the appearance addToPage drew stays right: save() is told
    // not to draw every field's appearance a second time.
    field.setFontSize(10);
    this.fieldCount += 1;
    this.y -= 8;
  }

  get openFields() {
    return this.fieldCount;
  }

  /**
   * A table whose cells wrap; the header row repeats on every page. Widths are shares of the column width.
   * `tick` adds an empty box in front of each row (ticked by hand on paper).
   */
  table(columns: Array<{ header: string; share: number }>, rows: string[][], options: { size?: number; tick?: boolean } = {}) {
    const size = options.size ?? 9;
    const lineHeight = size * 1.3;
    const tickWidth = options.tick ? 18 : 0;
    const total = columns.reduce((sum, c) => sum + c.share, 0);
    const widths = columns.map((c) => ((this.contentWidth - tickWidth) * c.share) / total);
    const xs = widths.map((_, i) => this.margin + tickWidth + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const drawRow = (cells: string[], bold: boolean, box: boolean) => {
      const font = bold ? this.bold : this.regular;
      const wrapped = cells.map((cell, i) => this.lines(cell, font, size, widths[i]! - 6));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 5;
      return { height, draw: () => {
        const top = this.y;
        if (box) this.page.drawRectangle({ x: this.margin, y: top - size - 3, width: size, height: size, borderColor: INK, borderWidth: 0.8 });
        wrapped.forEach((lines, i) => lines.forEach((line, l) => this.drawLine(line, xs[i]!, xs[i]! + widths[i]! - 6, top - size - 1 - l * lineHeight, size, font, INK)));
        this.y -= height;
        this.page.drawLine({ start: { x: this.margin, y: this.y + 2 }, end: { x: this.width - this.margin, y: this.y + 2 }, thickness: bold ? 0.8 : 0.4, color: bold ? INK : RULE });
      } };
    };
    const header = () => drawRow(columns.map((c) => c.header), true, false).draw();
    this.ensureSpace(lineHeight * 3);
    header();
    for (const cells of rows) {
      const row = drawRow(cells, false, options.tick ?? false);
      if (this.y - row.height < this.margin + 18) {
        this.newPage();
        header();
      }
      row.draw();
    }
    this.y -= 6;
  }

  rule() {
    this.ensureSpace(10);
    this.y -= 4;
    this.page.drawLine({ start: { x: this.margin, y: this.y }, end: { x: this.width - this.margin, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 8;
  }

  /** A QR code of `value`, `side` points wide, at the left margin (or at `x`); returns its height. */
  qr(value: string, side: number, x = this.margin) {
    this.ensureSpace(side + 6);
    const modules = QRCode.create(value, { errorCorrectionLevel: 'M' }).modules;
    const count = modules.size;
    const quiet = 2;
    const cell = side / (count + 2 * quiet);
    const top = this.y;
    this.page.drawRectangle({ x, y: top - side, width: side, height: side, color: rgb(1, 1, 1) });
    // One rectangle per run of dark modules in a row: a few hundred drawing operations instead of thousands.
    for (let row = 0; row < count; row++) {
      let col = 0;
      while (col < count) {
        if (!modules.get(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < count && modules.get(row, col)) col++;
        this.page.drawRectangle({
          x: x + (start + quiet) * cell, y: top - (row + quiet + 1) * cell, width: (col - start) * cell, height: cell, color: rgb(0, 0, 0),
        });
      }
    }
    return side;
  }

  /** Text placed freely (beside a QR code, a poster's headline); does not move the flow. */
  place(value: string, x: number, y: number, options: { size?: number; bold?: boolean; maxWidth?: number; dir?: BaseDirection } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const width = options.maxWidth ?? this.width - x - this.margin;
    const lines = this.lines(value, font, size, width, options.dir);
    lines.forEach((line, i) => this.drawLine(line, x, x + width, y - size - i * size * 1.25, size, font, INK));
    return lines.length * size * 1.25;
  }

  moveTo(y: number) {
    this.y = y;
  }

  /** Page numbers on every page, then the bytes. */
  async finish(pageLabel: (page: number, total: number) => string): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((page, index) => {
      const label = pageLabel(index + 1, total);
      if (!label) return;
      const [line] = this.lines(label, this.regular, 8, Infinity);
      this.page = page;
      this.drawLine(line!, this.width - this.margin - this.lineWidth(line!, this.regular, 8), this.width - this.margin, this.margin - 14, 8, this.regular, MUTED);
    });
    // pdf-lib writes every font it was given; one no text used would only add bytes and time.
    const fonts = (this.doc as unknown as { fonts: PDFFont[] }).fonts;
    for (const unused of [this.arabic, this.arabicBold].filter((font) => !this.arabicUsed.has(font))) fonts.splice(fonts.indexOf(unused), 1);
    return this.doc.save({ updateFieldAppearances: false });
  }

  /**
   * Lines of at most `width` points. Word widths are measured once per font and word (fontkit's layout is the
   * costly part of a PDF) and added up with the width of a space; kerning across a space is negligible.
   */
  wrap(value: string, font: PDFFont, size: number, width: number): string[] {
    const space = this.wordWidth(font, ' ');
    const limit = width / size;
    const lines: string[] = [];
    for (const paragraph of value.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const wordWidth = this.wordWidth(font, word);
        if (!line) {
          line = word;
          lineWidth = wordWidth;
        } else if (lineWidth + space + wordWidth <= limit) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
        } else {
          lines.push(line);
          line = word;
          lineWidth = wordWidth;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** Wrapped lines of every paragraph (split at "\n"); the bidi algorithm only where a paragraph needs it. */
  private lines(value: string, font: PDFFont, size: number, width: number, dir: BaseDirection = 'auto'): Line[] {
    const lines: Line[] = [];
    for (const paragraph of value.split('\n')) {
      if (dir !== 'rtl' && !needsBidi(paragraph)) for (const text of this.wrap(paragraph, font, size, width)) lines.push({ text, rtl: false });
      else lines.push(...this.bidiLines(paragraph, font, size, width, dir));
    }
    return lines;
  }

  /**
   * A paragraph with right-to-left text: levels resolved once for the whole paragraph (UBA), lines broken on
   * the logical text, and each line reordered on its own (UBA L1–L4), with the Latin font for Latin text and
   * Noto Sans Arabic for Arabic script.
   */
  private bidiLines(value: string, font: PDFFont, size: number, width: number, dir: BaseDirection): Line[] {
    const words = value.split(/\s+/).filter(Boolean);
    const text = words.join(' ');
    const paragraph = bidiParagraph(text, dir, arabicHas);
    const arabic = this.arabicBeside(font);
    const fontAt = (index: number) => (paragraph.fonts[index] === 'arabic' ? arabic : font);
    /** Width at size 1 of text[start, end): each stretch of one font measured (and shaped) as a whole. */
    const widthOf = (start: number, end: number) => {
      let total = 0;
      for (let from = start, i = start + 1; i <= end; i++) {
        if (i === end || fontAt(i) !== fontAt(from)) {
          total += this.wordWidth(fontAt(from), withoutDirectionControls(text.slice(from, i)));
          from = i;
        }
      }
      return total;
    };
    const limit = width / size;
    const ranges: Array<[number, number]> = [];
    let lineStart = 0;
    let lineWidth = 0;
    let offset = 0;
    for (const [index, word] of words.entries()) {
      const wordWidth = widthOf(offset, offset + word.length);
      if (index > 0 && lineWidth + widthOf(offset - 1, offset) + wordWidth > limit) {
        ranges.push([lineStart, offset - 2]);
        lineStart = offset;
        lineWidth = wordWidth;
      } else {
        lineWidth += (index > 0 ? widthOf(offset - 1, offset) : 0) + wordWidth;
      }
      offset += word.length + 1;
    }
    ranges.push([lineStart, text.length - 1]);
    return ranges.map(([start, end]) => {
      const runs = visualRuns(paragraph, start, end).map((run) => ({ ...run, width: this.wordWidth(run.font === 'arabic' ? arabic : font, run.text) }));
      return { text: text.slice(start, end + 1), rtl: paragraph.rtl, runs, width: runs.reduce((sum, run) => sum + run.width, 0) };
    });
  }

  private readonly arabicUsed = new Set<PDFFont>();

  /** Noto Sans Arabic in the weight of the Latin font it stands beside. */
  private arabicBeside(font: PDFFont) {
    return font === this.bold ? this.arabicBold : this.arabic;
  }

  /** Draws a line between `left` and `right`: from the left, or from the right in a right-to-left paragraph. */
  private drawLine(line: Line, left: number, right: number, y: number, size: number, font: PDFFont, color: Color) {
    if (!line.runs) {
      this.page.drawText(line.text, { x: left, y, size, font, color });
      return;
    }
    let x = line.rtl ? right - line.width! * size : left;
    const arabic = this.arabicBeside(font);
    for (const run of line.runs) {
      if (run.font === 'arabic') this.arabicUsed.add(arabic);
      const text = run.font === 'arabic' && run.rtl ? RTL_RUN + run.text : run.text;
      this.page.drawText(text, { x, y, size, font: run.font === 'arabic' ? arabic : font, color });
      x += run.width * size;
    }
  }

  private lineWidth(line: Line, font: PDFFont, size: number) {
    return (line.runs ? line.width! : this.wordWidth(font, line.text)) * size;
  }

  private readonly widths = new Map<PDFFont, Map<string, number>>();

  /** Width of a word at size 1. */
  private wordWidth(font: PDFFont, word: string): number {
    let cache = this.widths.get(font);
    if (!cache) this.widths.set(font, (cache = new Map()));
    let width = cache.get(word);
    if (width === undefined) cache.set(word, (width = font.widthOfTextAtSize(word, 1)));
    return width;
  }

  private fit(value: string, size: number, width: number) {
    let fitted = value;
    const widthOf = (text: string) => this.lineWidth(this.lines(text, this.regular, size, Infinity)[0]!, this.regular, size);
    while (fitted.length > 1 && widthOf(fitted) > width) fitted = fitted.slice(0, -2) + '…';
    return fitted;
  }

  private uniqueName(name: string) {
    const clean = name.replace(/[^A-Za-z0-9_.-]/g, '_');
    return this.doc.getForm().getFieldMaybe(clean) ? `${clean}_${this.fieldCount}` : clean;
  }
}

