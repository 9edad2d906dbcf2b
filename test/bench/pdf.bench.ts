/**
 * `npm run bench:pdf`: what a full application aid PDF costs against a bare pdf-lib page with the same font,
 * measured in the same run, interleaved so both see the same machine. Target: median under 40 ms, file under
 * 150 KB. Ratios are what to compare between runs and machines; the absolute times are printed too.
 */
import { performance } from 'node:perf_hooks';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { translatorFor } from '../../src/lib/i18n.js';
import { fontBytes } from '../../src/lib/pdf/fonts.js';
import { type Answers, aidSchema, inputsOf } from '../../src/modules/aids/aid.fields.js';
import { aidPdf } from '../../src/modules/aids/aid.pdf.js';
import { bookingDocumentsPdf } from '../../src/modules/aids/booking-documents.pdf.js';
import { AIDS } from '../../src/modules/benefits/forms.data.js';
import { generalDocumentList } from '../../src/modules/benefits/rules.js';
import { ARABIC_DOCUMENTS, arabicTranslator } from '../helpers/arabic.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARM_UP = 20;

async function barePage(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes().regular, { subset: true });
  doc.addPage([595.28, 841.89]).drawText('Ausfüllhilfe Kindergeld — kein amtliches Formular', { x: 48, y: 780, size: 12, font });
  return doc.save();
}

// A family of two with two children, answered in part: the rest becomes open AcroForm fields.
const aid = AIDS.kindergeld;
const counts = { children: 2, adults: 0 };
const inputs = inputsOf(aid, counts);
const parsed = aidSchema(inputs).safeParse({
  applicant_familyName: 'Kaya', applicant_givenName: 'Aylin', applicant_birthDate: '03.04.1990', applicant_postcode: '37269',
  applicant_town: 'Eschwege', applicant_street: 'Marktplatz 8', applicant_taxId: '86095742719', applicant_citizenshipGroup: 'other',
  partner_separated: 'yes', bank_iban: 'DE89370400440532013000', bank_accountHolder: 'Aylin Kaya',
  c0_givenName: 'Deniz', c0_birthDate: '10.08.2026', c1_givenName: 'Elif', c1_birthDate: '01.02.2006', c1_training: 'Universität Kassel',
});
if (!parsed.success) throw new Error('bench answers do not validate');
const answers = parsed.data as Answers;
const fullAid = () => aidPdf({
  aid, inputs, answers, counts, lang: 'en', translators: { de: translatorFor('de'), family: translatorFor('en') },
  today: '2026-11-21', organisationName: 'Werra-Meißner-Kreis',
  authority: { id: 1, organisationId: 1, benefit: 'kindergeld', name: 'Familienkasse Hessen', address: 'Postfach\n34000 Kassel', openingHours: 'Mo–Fr 8–18 Uhr', phone: '0800 4 5555 30', email: '', onlineService: 'https://www.familienkasse.de', updatedAt: new Date() },
});
const documentsList = () => bookingDocumentsPdf({
  t: translatorFor('de'), lang: 'de', organisationName: 'Werra-Meißner-Kreis', eventTitle: 'Tag der Familienleistungen', code: 'K7M3QX',
  localDate: '2026-12-09', venue: { name: 'Familienzentrum Eschwege', street: 'Marktplatz 8', postcode: '37269', town: 'Eschwege' },
  stops: [{ startsAt: new Date('2026-12-09T13:00:00Z'), topic: 'Kindergeld', desk: 'Tisch 1' }, { startsAt: new Date('2026-12-09T13:30:00Z'), topic: 'Kinderzuschlag', desk: 'Tisch 1' }],
  topics: [{ topic: 'Kindergeld', documents: generalDocumentList('kindergeld').de }, { topic: 'Kinderzuschlag', documents: generalDocumentList('kinderzuschlag').de }],
});

// The same list in Arabic: shaped, reordered and with Noto Sans Arabic embedded beside Noto Sans (no target).
const arabicT = arabicTranslator();
const arabicDocumentsList = () => bookingDocumentsPdf({
  t: arabicT, lang: 'ar', organisationName: 'Werra-Meißner-Kreis', eventTitle: 'Tag der Familienleistungen', code: 'K7M3QX',
  localDate: '2026-12-09', venue: { name: 'Familienzentrum Eschwege', street: 'Marktplatz 8', postcode: '37269', town: 'Eschwege' },
  stops: [{ startsAt: new Date('2026-12-09T13:00:00Z'), topic: 'إعانة الطفل (Kindergeld)', desk: 'Tisch 1' }, { startsAt: new Date('2026-12-09T13:30:00Z'), topic: 'بدل السكن (Wohngeld)', desk: 'Tisch 1' }],
  topics: [{ topic: 'إعانة الطفل (Kindergeld)', documents: ARABIC_DOCUMENTS.kindergeld }, { topic: 'بدل السكن (Wohngeld)', documents: ARABIC_DOCUMENTS.wohngeld }],
});

const cases = {
  'bare pdf-lib page, same font': barePage, 'full Kindergeld aid (2 children, de+en)': fullAid, 'documents list of a booking': documentsList,
  'documents list in Arabic': arabicDocumentsList,
};
const times = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
const sizes = new Map<string, number>();
for (let i = 0; i < WARM_UP; i++) for (const make of Object.values(cases)) await make();
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, make] of Object.entries(cases)) {
    const start = performance.now();
    const bytes = await make();
    times.get(name)!.push(performance.now() - start);
    sizes.set(name, bytes.length);
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
console.log(`PDF generation, ${ROUNDS} rounds each (after ${WARM_UP} warm-up rounds), Node ${process.version}`);
for (const [name, values] of times) {
  console.log(`  ${name.padEnd(42)} median ${quantile(values, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(values, 0.99).toFixed(1).padStart(6)} ms  ${(sizes.get(name)! / 1024).toFixed(1).padStart(6)} KB`);
}
const bare = quantile(times.get('bare pdf-lib page, same font')!, 0.5);
const full = quantile(times.get('full Kindergeld aid (2 children, de+en)')!, 0.5);
const fullSize = sizes.get('full Kindergeld aid (2 children, de+en)')!;
console.log(`  ratio full aid / bare page (median): ${(full / bare).toFixed(1)}×`);
const met = full < 40 && fullSize < 150 * 1024;
console.log(`  target median < 40 ms and file < 150 KB: ${met ? 'met' : 'NOT met'}`);
process.exitCode = met ? 0 : 1;
