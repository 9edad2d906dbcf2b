import type { BenefitKey, Dated } from './benefits.js';

/**
 * From when a benefit is paid, counted from the month the application arrives.
 * `monthsBack`: whole months before the application month that are still paid (0: from the application month);
 * `requires`: a condition for going back at all; `lapseMonths`: BuT claims lapse that many months after the month they arise.
 * Dated like the amounts: checked up to 2026; a later date has no row until someone checks the law again.
 */
export type RetroactivityRow = Dated & {
  benefit: BenefitKey;
  monthsBack: number;
  requires?: 'effortsForMaintenance';
  lapseMonths?: number;
  /** Months a grant runs once given (KiZ 6, Wohngeld usually 12, up to 24). */
  grantMonths?: number;
  legalBasis: string;
};

export const RETROACTIVITY: RetroactivityRow[] = [
  { benefit: 'kindergeld', validFrom: '2018-01-01', validUntil: '2026-12-31', monthsBack: 6, legalBasis: '§ 66 Abs. 3 EStG' },
  { benefit: 'kinderzuschlag', validFrom: '2019-07-01', validUntil: '2026-12-31', monthsBack: 0, grantMonths: 6, legalBasis: '§ 5 Abs. 3, § 6a Abs. 7 BKGG' },
  { benefit: 'wohngeld', validFrom: '2023-01-01', validUntil: '2026-12-31', monthsBack: 0, grantMonths: 12, legalBasis: '§§ 24, 25 WoGG' },
  { benefit: 'unterhaltsvorschuss', validFrom: '2017-07-01', validUntil: '2026-12-31', monthsBack: 1, requires: 'effortsForMaintenance', legalBasis: '§ 4 Abs. 2 UVG' },
  { benefit: 'buergergeld', validFrom: '2023-01-01', validUntil: '2026-12-31', monthsBack: 0, legalBasis: '§ 37 Abs. 2 SGB II' },
  { benefit: 'but', validFrom: '2023-01-01', validUntil: '2026-12-31', monthsBack: 0, lapseMonths: 12, legalBasis: '§ 9 Abs. 3 BKGG, § 6b BKGG' },
];
