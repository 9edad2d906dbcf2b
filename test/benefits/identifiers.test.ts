import { describe, expect, it } from 'vitest';
import {
  formatIban, isValidIban, isValidPostcode, isValidTaxId, parseAmount, parseTypedDate, taxIdCheckDigit,
} from '../../src/modules/benefits/identifiers.js';

describe('identifiers the aids check', () => {
  it('IBAN: mod 97 over the rearranged number, German IBANs 22 characters, spaces and case ignored', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('de89370400440532013000')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('DE89 3704 0044 0532 0130')).toBe(false);
    expect(isValidIban('AT61 1904 3002 3457 3201')).toBe(true);
    expect(isValidIban('not an iban')).toBe(false);
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('Steuer-ID: 11 digits, not starting with 0, one digit repeated, check digit of § 139b AO (ISO 7064 MOD 11,10)', () => {
    expect(isValidTaxId('86095742719')).toBe(true);
    expect(isValidTaxId('86 095 742 719')).toBe(true);
    expect(taxIdCheckDigit('8609574271')).toBe(9);
    expect(isValidTaxId('86095742718')).toBe(false);
    expect(isValidTaxId('06095742719')).toBe(false);
    expect(isValidTaxId('12345678903')).toBe(false); // no digit repeated
    expect(isValidTaxId('1112345678' + taxIdCheckDigit('1112345678'))).toBe(false); // three in a row
    expect(isValidTaxId('1121345678' + taxIdCheckDigit('1121345678'))).toBe(true);
    expect(isValidTaxId('8609574271')).toBe(false);
  });

  it('postcodes, dates and amounts as typed at a German desk', () => {
    expect(isValidPostcode('37269')).toBe(true);
    expect(isValidPostcode('3726')).toBe(false);
    expect(parseTypedDate('31.12.2026')).toBe('2026-12-31');
    expect(parseTypedDate('2026-02-28')).toBe('2026-02-28');
    expect(parseTypedDate('30.02.2026')).toBeUndefined();
    expect(parseTypedDate('31.12.26')).toBeUndefined();
    expect(parseAmount('1.234,50')).toBe(1234.5);
    expect(parseAmount('450')).toBe(450);
    expect(parseAmount('12,5 €')).toBe(12.5);
    expect(parseAmount('zwölf')).toBeUndefined();
  });
});
