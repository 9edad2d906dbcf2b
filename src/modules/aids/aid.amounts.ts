import type { BenefitKey, IsoDate } from '../benefits/benefits.js';
import { rulesOn, verifiedAmount } from '../benefits/rules.js';

const euro = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });

/**
 * The amounts worth knowing at the desk, from the rules table for today: a sentence of the locales with its values.
 * No row for today: "not entered yet", never last year's figure.
 */
export function amountsSentence(benefit: BenefitKey, today: IsoDate): { key: string; values: Record<string, string> } {
  const rules = rulesOn(benefit, today);
  if (!rules.covered) return { key: 'aids.amounts.notEntered', values: {} };
  const v = (key: string) => {
    const amount = verifiedAmount(benefit, key, today);
    return amount === undefined ? '?' : euro(amount);
  };
  const year = today.slice(0, 4);
  switch (benefit) {
    case 'kindergeld': return { key: 'aids.amounts.kindergeld', values: { year, perChild: v('perChild') } };
    case 'kinderzuschlag': return { key: 'aids.amounts.kinderzuschlag', values: { year, max: v('maxPerChild'), couple: v('minIncomeCouple'), single: v('minIncomeSingle') } };
    case 'wohngeld': return { key: 'aids.amounts.wohngeld', values: { year, one: v('maxRent1'), two: v('maxRent2') } };
    case 'unterhaltsvorschuss': return { key: 'aids.amounts.unterhaltsvorschuss', values: { year, young: v('age0to5'), middle: v('age6to11'), older: v('age12to17') } };
    case 'buergergeld': return { key: rules.amounts.toBeConfirmed ? 'aids.amounts.buergergeldReform' : 'aids.amounts.buergergeld', values: { year, single: v('rbs1'), partner: v('rbs2') } };
    case 'but': return { key: 'aids.amounts.but', values: { year, school: v('schoolSupplies'), participation: v('participationPerMonth') } };
  }
}
