import { readFileSync } from 'node:fs';
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
