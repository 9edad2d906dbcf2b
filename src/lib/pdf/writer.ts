import { randomBytes } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { type PDFFont, PDFDocument, type PDFPage, type PDFTextField, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { fontBytes } from './fonts.js';

/**
 * fontkit parses a font's tables anew for every document; the fonts never change, so each is parsed once per
 * process and its parsed form (with fontkit's glyph and layout caches) is shared. Subsets are still made per
 * document. Keyed by the bytes themselves, which fontBytes() reads once.
 * fontkit keeps each glyph object with the characters it was first asked for: a glyph first met as a part of
 * another (the u in ü, when a subset is written) would keep none, and later documents' text layers would lose
 * that letter. So every glyph is made once from its own character before any document uses the font.
 */
const parsedFonts = new WeakMap<object, ReturnType<typeof fontkit.create>>();
const parsedOnce: typeof fontkit = {
  ...fontkit,
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

const PAGE_SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28], A4landscape: [841.89, 595.28] } as const;
export type PageSize = keyof typeof PAGE_SIZES;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.75, 0.8);
const FIELD_BACKGROUND = rgb(0.93, 0.95, 1);

type TextOptions = { size?: number; bold?: boolean; muted?: boolean; indent?: number; gapAfter?: number };

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
    private readonly size: PageSize,
    private readonly header: string,
  ) {
    this.margin = size === 'A5' ? 34 : 40;
  }

  static async create(options: { size?: PageSize; title: string; lang: string; header?: string; subject?: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(parsedOnce);
    const bytes = fontBytes();
    // A subset's name starts with a tag of six capitals and "+" (PDF 32000-1, 9.6.4), so readers know it is one.
    const tag = Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
    const [regular, bold] = await Promise.all([
      doc.embedFont(bytes.regular, { subset: true, customName: `${tag}+NotoSans-Regular` }),
      doc.embedFont(bytes.bold, { subset: true, customName: `${tag}+NotoSans-Bold` }),
    ]);
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setLanguage(options.lang);
    doc.setProducer('familientag');
    doc.setCreator('familientag');
    if (options.subject) doc.setSubject(options.subject);
    const writer = new PdfWriter(doc, regular, bold, options.size ?? 'A4', options.header ?? '');
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
      this.page.drawText(this.fit(this.header, 8, this.contentWidth), { x: this.margin, y: this.y, size: 8, font: this.regular, color: MUTED });
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
    for (const line of this.wrap(value, font, size, this.contentWidth - indent)) {
      this.ensureSpace(lineHeight);
      this.y -= size;
      this.page.drawText(line, { x: this.margin + indent, y: this.y, size, font, color: options.muted ? MUTED : INK });
      this.y -= lineHeight - size;
    }
    this.y -= options.gapAfter ?? 4;
  }

  /** A list item with a tick box (documents to bring) or a bullet. */
  item(value: string, kind: 'box' | 'bullet' = 'bullet', size = 10) {
    const lines = this.wrap(value, this.regular, size, this.contentWidth - 18);
    this.ensureSpace(size * 1.35 * Math.min(lines.length, 3));
    const top = this.y - size;
    if (kind === 'box') {
      this.page.drawRectangle({ x: this.margin, y: top - 1, width: size, height: size, borderColor: INK, borderWidth: 0.8 });
    } else {
      this.page.drawCircle({ x: this.margin + 4, y: top + size * 0.35, size: 1.8, color: INK });
    }
    this.text(value, { size, indent: 18, gapAfter: 3 });
  }

  /** A label over its answer; without an answer, an empty AcroForm text field to fill in on a screen. */
  answer(label: string, value: string | undefined, fieldName: string, translation?: string) {
    const labelSize = 8.5;
    this.ensureSpace(42);
    this.text(translation ? `${label} · ${translation}` : label, { size: labelSize, muted: true, gapAfter: 1 });
    if (value) {
      this.text(value, { size: 11, gapAfter: 7 });
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
      const wrapped = cells.map((cell, i) => this.wrap(cell, font, size, widths[i]! - 6));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 5;
      return { height, draw: () => {
        const top = this.y;
        if (box) this.page.drawRectangle({ x: this.margin, y: top - size - 3, width: size, height: size, borderColor: INK, borderWidth: 0.8 });
        wrapped.forEach((lines, i) => lines.forEach((line, l) => this.page.drawText(line, {
          x: xs[i]!, y: top - size - 1 - l * lineHeight, size, font, color: INK,
        })));
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
  place(value: string, x: number, y: number, options: { size?: number; bold?: boolean; maxWidth?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const lines = this.wrap(value, font, size, options.maxWidth ?? this.width - x - this.margin);
    lines.forEach((line, i) => this.page.drawText(line, { x, y: y - size - i * size * 1.25, size, font, color: INK }));
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
      const width = this.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x: this.width - this.margin - width, y: this.margin - 14, size: 8, font: this.regular, color: MUTED });
    });
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
    while (fitted.length > 1 && this.regular.widthOfTextAtSize(fitted, size) > width) fitted = fitted.slice(0, -2) + '…';
    return fitted;
  }

  private uniqueName(name: string) {
    const clean = name.replace(/[^A-Za-z0-9_.-]/g, '_');
    return this.doc.getForm().getFieldMaybe(clean) ? `${clean}_${this.fieldCount}` : clean;
  }
}

