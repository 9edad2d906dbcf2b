import { STAFF_LANGUAGES, translatorFor } from './i18n.js';

/**
 * Desk labels are data ("Tisch 1 · Familienkasse"), but their first word is our UI word for a desk, written
 * in the coordinator's language (German or English). Pages in another language show that word in their own language.
 */
export function localDeskLabel(label: string, lang: string): string {
  const match = deskWord().exec(label);
  return match ? translatorFor(lang)('common.desk') + label.slice(match[0].length) : label;
}

let pattern: RegExp | undefined;
const deskWord = () => (pattern ??= new RegExp(
  `^(?:${STAFF_LANGUAGES.map((lang) => escape(translatorFor(lang)('common.desk'))).join('|')})(?=\\s|$)`, 'iu',
));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
