import { PdfWriter } from '../../lib/pdf/writer.js';
import type { Table } from './report.js';

type T = (key: string, values?: Record<string, unknown>) => string;

/** The tables a committee reads first; the page and the CSV files have all of them. */
const REPORT_TABLES = ['key-figures', 'trend', 'outcomes', 'referrals', 'heard-via', 'needs'];

/**
 * The pilot report: the evaluation's own tables, already suppressed (the PDF shows no number the page
 * does not), on one or two A4 pages with the legend of "<5", "×" and "–".
 */
export async function pilotReportPdf(input: {
  t: T; lang: string; county: string; period: string; filter: string; tables: Table[];
}): Promise<Uint8Array> {
  const { t } = input;
  const title = t('evaluation.report.title', { county: input.county });
  const pdf = await PdfWriter.create({ title, lang: input.lang, header: title });
  pdf.heading(title, 1);
  pdf.text(input.period, { bold: true });
  if (input.filter) pdf.text(input.filter);
  for (const key of ['small', 'hidden', 'none']) pdf.text(t(`evaluation.legend.${key}`), { size: 7.5, muted: true, gapAfter: 1 });
  pdf.space(4);
  for (const table of input.tables.filter((x) => REPORT_TABLES.includes(x.id))) {
    pdf.heading(table.title, 3);
    pdf.table(
      [{ header: table.rowHeader, share: table.columns.length > 2 ? 2 : 3 }, ...table.columns.map((header) => ({ header, share: 1 }))],
      table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]),
      { size: 7 },
    );
    if (table.note) pdf.text(table.note, { size: 7.5, muted: true });
  }
  return pdf.finish((page, total) => t('evaluation.report.page', { page, total }));
}
