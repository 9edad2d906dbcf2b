import type { BenefitKey, Dated } from './benefits.js';

/**
 * Amounts and thresholds per benefit and period, in euros, from shared/spec/DOMAIN.md (checked 2026-11-21).
 * `unverified` names the values §10 could not confirm: they are kept for reference, never printed as facts.
 * `toBeConfirmed`: the row rests on a reform whose entry into force the Jobcenter has to confirm.
 * No row covers 2027: every 2027 amount is unknown, and the aids say so instead of printing 2026's.
 */
export type AmountRow = Dated & {
  benefit: BenefitKey;
  values: Record<string, number>;
  unverified?: string[];
  toBeConfirmed?: boolean;
};

const regelbedarfe = { rbs1: 563, rbs2: 506, rbs3: 451, rbs4: 471, rbs5: 390, rbs6: 357, childSofortzuschlag: 25 };
const kiz = { maxPerChild: 297, sofortzuschlagIncluded: 25, minIncomeCouple: 900, minIncomeSingle: 600, assetsFirstPerson: 40_000, assetsFurtherPerson: 15_000, reductionPercent: 45 };
const uvg = { age0to5: 227, age6to11: 299, age12to17: 394, minIncomeFrom12: 600 };
const but = { schoolSupplies: 195, schoolSuppliesFirstTerm: 130, schoolSuppliesSecondTerm: 65, participationPerMonth: 15 };

export const AMOUNTS: AmountRow[] = [
  { benefit: 'kindergeld', validFrom: '2025-01-01', validUntil: '2025-12-31', values: { perChild: 255 } },
  { benefit: 'kindergeld', validFrom: '2026-01-01', validUntil: '2026-12-31', values: { perChild: 259 } },
  { benefit: 'kinderzuschlag', validFrom: '2025-01-01', validUntil: '2025-12-31', values: kiz },
  { benefit: 'kinderzuschlag', validFrom: '2026-01-01', validUntil: '2026-12-31', values: kiz },
  {
    benefit: 'wohngeld', validFrom: '2025-01-01', validUntil: '2026-12-31',
    values: {
      maxRent1: 361, maxRent2: 437, maxRent3: 521, maxRent4: 608, maxRent5: 694, maxRentPerFurther: 82,
      heatingRelief5: 225.4, climateComponentMax: 39.2, minimumPayout: 10, assetsFirstMember: 60_000, assetsFurtherMember: 30_000,
    },
    unverified: ['maxRent3', 'maxRent4', 'maxRent5', 'maxRentPerFurther', 'heatingRelief5', 'climateComponentMax', 'minimumPayout', 'assetsFirstMember', 'assetsFurtherMember'],
  },
  { benefit: 'unterhaltsvorschuss', validFrom: '2025-01-01', validUntil: '2025-12-31', values: uvg },
  { benefit: 'unterhaltsvorschuss', validFrom: '2026-01-01', validUntil: '2026-12-31', values: uvg },
  { benefit: 'buergergeld', validFrom: '2025-01-01', validUntil: '2025-12-31', values: { ...regelbedarfe, assetsKarenzFirst: 40_000, assetsKarenzPerPerson: 15_000 }, unverified: ['assetsKarenzFirst', 'assetsKarenzPerPerson'] },
  { benefit: 'buergergeld', validFrom: '2026-01-01', validUntil: '2026-06-30', values: { ...regelbedarfe, assetsKarenzFirst: 40_000, assetsKarenzPerPerson: 15_000 }, unverified: ['assetsKarenzFirst', 'assetsKarenzPerPerson'] },
  // "Neue Grundsicherung", passed 5.3.2026, mostly in force from 1.7.2026: Regelbedarfe unchanged, the Karenzzeit gone.
  {
    benefit: 'buergergeld', validFrom: '2026-07-01', validUntil: '2026-12-31', toBeConfirmed: true,
    values: { ...regelbedarfe, assetsAllowanceStep1: 5_000, assetsAllowanceStep2: 10_000, assetsAllowanceStep3: 12_500, assetsAllowanceStep4: 15_000 },
    unverified: ['assetsAllowanceStep1', 'assetsAllowanceStep2', 'assetsAllowanceStep3', 'assetsAllowanceStep4'],
  },
  { benefit: 'but', validFrom: '2025-01-01', validUntil: '2025-12-31', values: but },
  { benefit: 'but', validFrom: '2026-01-01', validUntil: '2026-12-31', values: but },
];
