import { formattingLocale } from './dates.js';
import { memoize } from './memo.js';

/** An amount in euros as the reader's language writes it ("297 €", "€297"); cents only when there are any. */
export const formatEuros = memoize((amount: number, lang: string): string => new Intl.NumberFormat(formattingLocale(lang), {
  style: 'currency', currency: 'EUR', minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2,
}).format(amount), (amount, lang) => `${amount}|${lang}`);
