import type { Table } from './report.js';

/** Excel reads a file as UTF-8 only with a byte order mark; German Excel splits columns at semicolons. */
export const BOM = '\uFEFF';
const SEPARATOR = ';';

/**
 * One CSV field. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one)
 * as a formula, so such a cell gets a leading apostrophe; venue and topic names are typed by staff.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableCsv(table: Table): string {
  const lines = [[table.rowHeader, ...table.columns], ...table.rows.map((row) => [row.label, ...row.cells.map((c) => (c.count !== undefined ? String(c.count) : c.text))])];
  return BOM + lines.map((line) => line.map(csvField).join(SEPARATOR)).join('\r\n') + '\r\n';
}
