import type { TFunction } from 'i18next';
import { formatDate, formatTime } from '../../lib/dates.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { languageName } from '../../lib/i18n.js';
import { pick } from '../../lib/localized.js';
import { PdfWriter } from '../../lib/pdf/writer.js';
import type { ExpectedFamily } from '../booking/day-list.repository.js';

export type DayListInput = {
  t: TFunction;
  lang: string;
  organisationName: string;
  eventTitle: string;
  localDate: string;
  hours: string;
  venue: string;
  printedAt: Date;
  families: ExpectedFamily[];
};

/**
 * The front desk's paper fallback when the venue's connection fails: every expected family by first time,
 * with booking code, appointments, needs, interpreter language and phone, and a box to tick on arrival.
 */
export async function dayListPdf(input: DayListInput): Promise<Uint8Array> {
  const { t, lang } = input;
  const title = t('aids.dayList.title');
  const pdf = await PdfWriter.create({
    size: 'A4landscape', title, lang,
    header: `${input.organisationName} · ${input.eventTitle} · ${t('aids.dayList.confidential')}`,
  });
  pdf.heading(`${title}: ${formatDate(input.localDate, lang)}`, 1);
  pdf.text(`${input.venue} · ${input.hours} · ${t('aids.dayList.count', { count: input.families.length })}`, { size: 10 });
  pdf.text(t('aids.dayList.printedAt', { time: formatTime(input.printedAt, lang) }), { size: 8, muted: true, gapAfter: 8 });
  if (input.families.length === 0) {
    pdf.text(t('aids.dayList.empty'));
  } else {
    pdf.table(
      [
        { header: t('aids.dayList.columns.time'), share: 1 },
        { header: t('aids.dayList.columns.code'), share: 1.2 },
        { header: t('aids.dayList.columns.topics'), share: 4.5 },
        { header: t('aids.dayList.columns.needs'), share: 2.4 },
        { header: t('aids.dayList.columns.interpreter'), share: 1.6 },
        { header: t('aids.dayList.columns.phone'), share: 2 },
      ],
      input.families.map((family) => [
        formatTime(family.stops[0]!.startsAt, lang),
        family.code,
        family.stops.map((s) => `${formatTime(s.startsAt, lang)} ${pick(s.topicName, lang)} (${localDeskLabel(s.deskLabel, lang)})`).join('\n'),
        [family.childcare ? t('aids.dayList.childcare') : '', family.stepFree ? t('aids.dayList.stepFree') : ''].filter(Boolean).join(', ') || '–',
        family.interpreterLanguage ? languageName(family.interpreterLanguage, lang) : '–',
        family.phone ?? '–',
      ]),
      { tick: true },
    );
  }
  pdf.text(t('aids.dayList.shred'), { size: 8, muted: true });
  return pdf.finish((page, total) => t('aids.pdf.page', { page, total }));
}
