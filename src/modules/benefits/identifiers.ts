import { DateTime } from 'luxon';

/** An IBAN as typed ("DE89 3704 …"), without spaces and in capitals. */
const compactIban = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** ISO 13616: country, two check digits, account; the number with the first four characters moved to the end, mod 97, is 1. */
export function isValidIban(value: string): boolean {
  const iban = compactIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('DE') && iban.length !== 22) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00". */
export const formatIban = (value: string) => compactIban(value).replace(/(.{4})(?=.)/g, '$1 ');

export const compactTaxId = (value: string) => value.replace(/[\s/]+/g, '');

/**
 * The Steuerliche Identifikationsnummer (§ 139b AO): 11 digits, the first not 0; among the first ten one digit
 * appears twice or three times (three times never in a row) and the others at most once; the last is the
 * check digit of ISO 7064 MOD 11,10.
 */
export function isValidTaxId(value: string): boolean {
  const id = compactTaxId(value);
  if (!/^[1-9]\d{10}$/.test(id)) return false;
  const first10 = id.slice(0, 10);
  const counts = new Map<string, number>();
  for (const digit of first10) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  if (repeated[0] === 3 && /(\d)\1\1/.test(first10)) return false;
  return taxIdCheckDigit(first10) === Number(id[10]);
}

export function taxIdCheckDigit(first10: string): number {
  let product = 10;
  for (const digit of first10) {
    let sum = (Number(digit) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

export const isValidPostcode = (value: string) => /^\d{5}$/.test(value.trim());

/** A date typed as "31.12.2026", "31.12.26" is refused; ISO "2026-12-31" (a date input) is accepted too. */
export function parseTypedDate(value: string): string | undefined {
  const trimmed = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const date = german
    ? DateTime.fromObject({ day: Number(german[1]), month: Number(german[2]), year: Number(german[3]) })
    : /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? DateTime.fromISO(trimmed) : undefined;
  if (!date?.isValid || date.year < 1900 || date.year > 2100) return undefined;
  return date.toISODate()!;
}

/** "12,50" or "12.50" or "1.234,50" → 1234.5; undefined if it is not an amount of euros. */
export function parseAmount(value: string): number | undefined {
  const trimmed = value.trim().replace(/\s*€$/, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(trimmed)) return undefined;
  const normal = /,/.test(trimmed) ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  const amount = Number(normal);
  return Number.isFinite(amount) && amount < 10_000_000 ? amount : undefined;
}
