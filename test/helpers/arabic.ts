import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { FAMILY_NAMESPACES, availableLanguages, offerLanguage } from '../../src/lib/i18n.js';
import type { Messages } from '../../src/lib/locale-check.js';

const AR_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * Offers Arabic for a test: the real locales/ar.json once it is there and complete, else a small fixture: the
 * family namespaces of de.json with every plural in Arabic's six forms and a few texts in Arabic.
 */
export function offerArabic(): void {
  if (availableLanguages().includes('ar')) return;
  const de = JSON.parse(readFileSync('locales/de.json', 'utf8')) as Messages;
  const fixture: Messages = {};
  for (const ns of FAMILY_NAMESPACES) {
    const [top, sub] = ns.split('.') as [string, string | undefined];
    const node = de[top] as Messages;
    if (sub) fixture[top] = { ...(fixture[top] as Messages | undefined), [sub]: withArabicPlurals(node[sub] as Messages) };
    else fixture[top] = withArabicPlurals(node);
  }
  const booking = fixture.booking as Messages;
  (booking.manage as Messages).yourCode = 'رمز حجزك:';
  (booking.manage as Messages).codeHeading = 'رمز الحجز';
  (fixture.common as Messages).back = 'رجوع';
  (fixture.common as Messages).desk = 'الطاولة';
  offerLanguage('ar', fixture);
}

function withArabicPlurals(messages: Messages): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value !== 'string') out[key] = withArabicPlurals(value);
    else if (key.endsWith('_other')) for (const form of AR_FORMS) out[key.replace(/_other$/, `_${form}`)] = value;
    else if (!/_(zero|one|two|few|many)$/.test(key)) out[key] = value;
  }
  return out;
}

/**
 * A few Arabic lines of the documents-to-bring PDF, for tests and the PDF bench while locales/ar.json is still
 * being written: the keys bookingDocumentsPdf() asks for, in a translator of their own.
 */
const ARABIC = {
  aids: {
    pdf: { page: 'صفحة {{page}} من {{total}}' },
    bookingDocuments: {
      title: 'المستندات لمواعيدك',
      code: 'رقم الحجز',
      times: 'مواعيدك',
      bring: 'يرجى إحضار',
      bringLead: 'قائمة واحدة لكل مواعيدك. ضع علامة على ما وضعته في حقيبتك.',
      shared: 'لأكثر من موعد',
      missing: 'هل ينقصك شيء؟ تعال على أي حال. سيخبرك المستشار بما يمكنك تقديمه لاحقًا.',
    },
  },
};

export function arabicTranslator(): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ initAsync: false, lng: 'ar', resources: { ar: { translation: ARABIC } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return instance.getFixedT('ar');
}

/** A booking's documents in Arabic, with the German terms families meet on letters, and a long one that wraps. */
export const ARABIC_DOCUMENTS = {
  kindergeld: ['شهادة الميلاد لكل طفل', 'رقم التعريف الضريبي (Steuer-ID) لكل طفل', 'بيانات الحساب المصرفي (IBAN)'],
  wohngeld: [
    'عقد الإيجار وآخر إيصال للإيجار، وكشف الحساب المصرفي للأشهر الثلاثة الأخيرة، وإثبات الدخل لكل فرد من أفراد الأسرة البالغين، وقرار مركز العمل إن وجد',
    'بيانات الحساب المصرفي (IBAN)',
    'لا حاجة لصور شخصية',
  ],
};
