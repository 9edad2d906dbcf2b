import type { TFunction } from 'i18next';
import { formatDate, formatLocalTime } from '../../lib/dates.js';
import { directionOf, leftToRightIn } from '../../lib/i18n.js';
import { PdfWriter } from '../../lib/pdf/writer.js';

type Lines = { de: string; second?: string };

export type FlyerInput = {
  t: TFunction;
  /** The optional second language's translator, for a line under each German one. */
  second?: { lang: string; t: TFunction };
  format: 'A4' | 'A5';
  organisationName: string;
  eventTitle: Lines;
  localDate: string;
  startsLocal: string;
  endsLocal: string;
  venue: { name: string; street: string; postcode: string; town: string; directions?: Lines };
  topics: Lines[];
  bookingUrl: string;
  contactPhone?: string | null;
};

/**
 * The event's flyer in German, optionally with a second language under each line: an A4 poster or an A5
 * handout with date, venue, hours, the advice on offer and a QR code to the event's own booking page.
 */
export async function flyerPdf(input: FlyerInput): Promise<Uint8Array> {
  const { t, second } = input;
  const scale = input.format === 'A4' ? 1 : 0.72;
  const title = input.eventTitle.de;
  const pdf = await PdfWriter.create({ size: input.format, title: `${title} ${input.localDate}`, lang: 'de' });
  const secondDir = second && directionOf(second.lang) === 'rtl' ? 'rtl' : 'auto';
  const both = (lines: Lines, size: number, bold = false) => {
    pdf.text(lines.de, { size: size * scale, bold, gapAfter: lines.second ? 1 : 6 * scale });
    if (lines.second) pdf.text(lines.second, { size: size * 0.7 * scale, muted: true, gapAfter: 6 * scale, dir: secondDir });
  };
  /** A sentence in German and the second language; `values` may give each language its own (a time, a number). */
  const key = (name: string, values: (lang: string) => Record<string, string> = () => ({})): Lines => ({
    de: t(name, values('de')), ...(second ? { second: second.t(name, values(second.lang)) } : {}),
  });
  const hours = (lang: string) => ({
    from: formatLocalTime(input.localDate, input.startsLocal, lang), to: formatLocalTime(input.localDate, input.endsLocal, lang),
  });

  pdf.text(input.organisationName, { size: 12 * scale, muted: true, gapAfter: 4 });
  both(input.eventTitle, 34, true);
  pdf.space(6 * scale);
  both({ de: formatDate(input.localDate, 'de'), ...(second ? { second: formatDate(input.localDate, second.lang) } : {}) }, 22, true);
  both(key('aids.flyer.hours', hours), 18, true);
  pdf.space(4 * scale);
  pdf.text(input.venue.name, { size: 16 * scale, bold: true, gapAfter: 2 });
  pdf.text(`${input.venue.street}, ${input.venue.postcode} ${input.venue.town}`, { size: 14 * scale, gapAfter: 3 });
  if (input.venue.directions) both(input.venue.directions, 11);
  pdf.space(8 * scale);
  both(key('aids.flyer.advice'), 16, true);
  for (const topic of input.topics) pdf.item(topic.second ? `${topic.de} · ${topic.second}` : topic.de, 'bullet', 12 * scale);
  pdf.space(4 * scale);
  both(key('aids.flyer.free'), 12);
  pdf.space(10 * scale);

  const side = 150 * scale;
  pdf.ensureSpace(side + 30);
  const top = pdf.cursor;
  pdf.qr(input.bookingUrl, side);
  const x = pdf.margin + side + 14 * scale;
  const width = pdf.width - x - pdf.margin;
  let y = top;
  const noAppointment = key('aids.flyer.noAppointment');
  y -= pdf.place(noAppointment.de, x, y, { size: 16 * scale, bold: true, maxWidth: width }) + 2;
  if (noAppointment.second) y -= pdf.place(noAppointment.second, x, y, { size: 11 * scale, maxWidth: width, dir: secondDir }) + 4;
  const scan = key('aids.flyer.scan');
  y -= pdf.place(scan.de, x, y, { size: 10 * scale, maxWidth: width });
  if (scan.second) y -= pdf.place(scan.second, x, y, { size: 9 * scale, maxWidth: width, dir: secondDir });
  y -= pdf.place(input.bookingUrl, x, y - 4, { size: 9 * scale, maxWidth: width }) + 4;
  if (input.contactPhone) {
    const phone = input.contactPhone;
    const contact = key('aids.flyer.contact', (lang) => ({ phone: leftToRightIn(lang, phone) }));
    y -= pdf.place(contact.de, x, y - 4, { size: 10 * scale, maxWidth: width });
    if (contact.second) pdf.place(contact.second, x, y - 4, { size: 9 * scale, maxWidth: width, dir: secondDir });
  }
  return pdf.finish(() => '');
}
