import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/lib/i18n.js';
import { visualGlyphs } from '../../src/lib/pdf/shaping.js';
import { PdfWriter } from '../../src/lib/pdf/writer.js';
import { type Answers, aidSchema, inputsOf } from '../../src/modules/aids/aid.fields.js';
import { aidPdf } from '../../src/modules/aids/aid.pdf.js';
import { bookingDocumentsPdf } from '../../src/modules/aids/booking-documents.pdf.js';
import { AIDS } from '../../src/modules/benefits/forms.data.js';
import { ARABIC_DOCUMENTS, arabicTranslator } from '../helpers/arabic.js';
import { pdfFonts, pdfLines, pdfPagePng, pdfText } from '../helpers/pdf.js';

const outputDir = path.resolve(import.meta.dirname, '../../test-output');

function arabicDocumentsPdf() {
  return bookingDocumentsPdf({
    t: arabicTranslator(), lang: 'ar', organisationName: 'Werra-Meißner-Kreis', eventTitle: 'Tag der Familienleistungen', code: 'K7M3QX',
    localDate: '2027-03-10', venue: { name: 'Familienzentrum Eschwege', street: 'Marktplatz 8', postcode: '37269', town: 'Eschwege' },
    stops: [
      { startsAt: new Date('2027-03-10T13:00:00Z'), topic: 'إعانة الطفل (Kindergeld)', desk: 'Tisch 1' },
      { startsAt: new Date('2027-03-10T13:30:00Z'), topic: 'بدل السكن (Wohngeld)', desk: 'Tisch 2' },
    ],
    topics: [{ topic: 'إعانة الطفل (Kindergeld)', documents: ARABIC_DOCUMENTS.kindergeld }, { topic: 'بدل السكن (Wohngeld)', documents: ARABIC_DOCUMENTS.wohngeld }],
  });
}

describe('a documents-to-bring PDF in Arabic', () => {
  it('embeds a Noto Sans Arabic subset with a text layer beside the Latin font', async () => {
    const fonts = pdfFonts(await arabicDocumentsPdf());
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansArabic-Bold', 'NotoSansArabic-Regular']);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
  });

  it('has a glyph for every letter it prints (no .notdef boxes)', () => {
    const t = arabicTranslator();
    const printed = [
      ...['title', 'code', 'times', 'bring', 'bringLead', 'shared', 'missing'].map((key) => t(`aids.bookingDocuments.${key}`)),
      t('aids.pdf.page', { page: 1, total: 1 }), ...ARABIC_DOCUMENTS.kindergeld, ...ARABIC_DOCUMENTS.wohngeld, 'الأربعاء، ١٠ مارس ٢٠٢٧',
    ];
    for (const text of printed) expect(visualGlyphs(text, 'rtl').filter((glyph) => glyph.id === 0), text).toEqual([]);
  });

  it('reads back in logical order, right-aligned, with the booking code and times in their own order', async () => {
    const bytes = await arabicDocumentsPdf();
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, 'documents-ar.pdf'), bytes);
    pdfPagePng(bytes, path.join(outputDir, 'documents-ar.png'), 1, 100);

    // poppler re-derives the reading order from the glyphs' positions (and marks its runs with bidi controls,
    // left out here). It keeps a mirrored bracket as drawn and lists the letters of a ligature (lam-alef, lam-yeh)
    // from the right, so the words compared here have neither, and the lam-alef line counts in either order.
    const text = pdfText(bytes).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    expect(text).toContain('المستندات لمواعيدك');
    expect(text).toContain('رقم الحجز');
    expect(text).toContain('K7M3QX');
    expect(text).toContain('لكل طفل');
    expect(text).toContain('بيانات الحساب المصرفي');
    expect(text).toContain('رقم التعريف الضريبي');
    expect(text).toMatch(/2:00\s*م إعانة الطفل .*2:30\s*م بدل السكن/);
    expect(text).toMatch(/(لا|ال) حاجة لصور شخصية/);

    // -bbox-layout gives a right-to-left word's letters as drawn, from the left.
    const drawn = (word: string) => Array.from(word).reverse().join('');
    const lines = pdfLines(bytes);
    const rightEdge = 595.28 - 40;
    const heading = lines.find((line) => line.text.includes(drawn('لمواعيدك')));
    expect(heading!.xMax).toBeGreaterThan(rightEdge - 2);
    // The long item wraps onto a second line, and both lines end at the right margin (the box beside them).
    const wrapped = lines.filter((line) => [drawn('وآخر'), drawn('مركز')].some((word) => line.text.includes(word)));
    expect(wrapped.length).toBeGreaterThanOrEqual(2);
    for (const line of wrapped) expect(line.xMax).toBeGreaterThan(rightEdge - 18 - 3);
  });
});

describe('a Persian line', () => {
  it('prints پ چ ژ گ ی ک and Persian digits, read back in logical order with the digits in theirs', async () => {
    const pdf = await PdfWriter.create({ title: 'آزمایش', lang: 'fa', dir: 'rtl' });
    pdf.text('کد رزرو ۱۲۳۴ برای گواهی پیچ و ژاکت');
    const bytes = await pdf.finish(() => '');
    pdfPagePng(bytes, path.join(outputDir, 'persian.png'), 1, 100);
    // poppler moves the space beside a number in right-to-left text, so spaces there are optional here.
    expect(pdfText(bytes).replace(/[\u200e\u200f\u202a-\u202e]/g, '')).toMatch(/کد رزرو\s*۱۲۳۴\s*برای گواهی پیچ و ژاکت/);
  });
});

describe('an application aid in German for a family whose name is in Arabic script', () => {
  it('prints the name with Noto Sans Arabic inside the German text', async () => {
    const aid = AIDS.kindergeld;
    const counts = { children: 1, adults: 0 };
    const inputs = inputsOf(aid, counts);
    const parsed = aidSchema(inputs).safeParse({ applicant_familyName: 'كايا', applicant_givenName: 'آيلين', c0_givenName: 'دنيز' });
    expect(parsed.success).toBe(true);
    const bytes = await aidPdf({
      aid, inputs, answers: parsed.data as Answers, counts, lang: 'de', translators: { de: translatorFor('de'), family: translatorFor('de') },
      today: '2026-11-21', organisationName: 'Werra-Meißner-Kreis', authority: undefined,
    });
    pdfPagePng(bytes, path.join(outputDir, 'aid-de-arabic-name.png'), 1, 100);
    const text = pdfText(bytes);
    expect(text).toContain('كايا');
    expect(text).toContain('آيلين');
    expect(pdfFonts(bytes).map((font) => font.name)).toContainEqual(expect.stringMatching(/^[A-Z]{6}\+NotoSansArabic-Regular$/));
  });
});
