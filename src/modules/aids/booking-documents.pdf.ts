import type { TFunction } from 'i18next';
import { formatDate, formatTime } from '../../lib/dates.js';
import { directionOf } from '../../lib/i18n.js';
import { PdfWriter } from '../../lib/pdf/writer.js';
import { combineDocuments } from './combined-documents.js';

export type BookingDocumentsInput = {
  t: TFunction;
  lang: string;
  organisationName: string;
  eventTitle: string;
  code: string;
  localDate: string;
  venue: { name: string; street: string; postcode: string; town: string; directions?: string };
  stops: Array<{ startsAt: Date; topic: string; desk: string }>;
  topics: Array<{ topic: string; documents: readonly string[] }>;
};

/** The family's documents-to-bring list for a booking: code and QR code, times, address, one combined checklist. */
export async function bookingDocumentsPdf(input: BookingDocumentsInput): Promise<Uint8Array> {
  const { t, lang } = input;
  const title = t('aids.bookingDocuments.title');
  const rtl = directionOf(lang) === 'rtl';
  const pdf = await PdfWriter.create({ title, lang, header: `${input.organisationName} · ${input.eventTitle}`, dir: rtl ? 'rtl' : 'auto' });
  pdf.heading(title, 1);

  // The QR code stands where the page starts (on the right in Arabic and Persian), the code and address beside it.
  const top = pdf.cursor;
  const side = 92;
  const qrX = rtl ? pdf.width - pdf.margin - side : pdf.margin;
  pdf.qr(input.code, side, qrX);
  const x = rtl ? pdf.margin : pdf.margin + side + 16;
  const place = { maxWidth: pdf.contentWidth - side - 16, dir: rtl ? 'rtl' as const : 'auto' as const };
  let y = top;
  y -= pdf.place(t('aids.bookingDocuments.code'), x, y, { ...place, size: 9 });
  y -= pdf.place(input.code, x, y, { ...place, size: 22, bold: true }) + 6;
  y -= pdf.place(formatDate(input.localDate, lang), x, y, { ...place, size: 11, bold: true });
  y -= pdf.place(`${input.venue.name}, ${input.venue.street}, ${input.venue.postcode} ${input.venue.town}`, x, y, { ...place, size: 10 });
  pdf.moveTo(Math.min(top - side, y) - 10);
  if (input.venue.directions) pdf.text(input.venue.directions, { size: 9, muted: true });

  pdf.heading(t('aids.bookingDocuments.times'), 2);
  for (const stop of input.stops) pdf.item(`${formatTime(stop.startsAt, lang)} ${stop.topic} (${stop.desk})`);

  pdf.heading(t('aids.bookingDocuments.bring'), 2);
  pdf.text(t('aids.bookingDocuments.bringLead'), { size: 9, muted: true });
  const combined = combineDocuments(input.topics);
  if (combined.shared.length > 0) {
    pdf.heading(t('aids.bookingDocuments.shared'), 3);
    for (const document of combined.shared) pdf.item(document, 'box');
  }
  for (const group of combined.perTopic) {
    pdf.heading(group.topic, 3);
    for (const document of group.documents) pdf.item(document, 'box');
  }
  pdf.space(6);
  pdf.text(t('aids.bookingDocuments.missing'), { size: 9, muted: true });
  return pdf.finish((page, total) => t('aids.pdf.page', { page, total }));
}
