import i18next, { type TFunction } from 'i18next';

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
