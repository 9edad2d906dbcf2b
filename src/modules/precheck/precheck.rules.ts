import { type BenefitKey, type IsoDate } from '../benefits/benefits.js';
import { rulesOn, verifiedAmount } from '../benefits/rules.js';

/** Each answer may be missing: the family chose "I don't know" or skipped it. */
type AgeBand = '0-5' | '6-11' | '12-17' | '18-24';
type Maintenance = 'none' | 'belowUvg' | 'aboveUvg';
export type PrecheckAnswers = {
  household?: 'single' | 'couple';
  /** One entry per child: its age band and, for a single parent, the maintenance it receives. */
  children?: { ageBand?: AgeBand; maintenance?: Maintenance }[];
  kindergeld?: 'all' | 'some' | 'none';
  buergergeld?: boolean;
  /** Gross monthly household income, in the bands of the 600/900 € KiZ thresholds. */
  income?: 'below600' | '600to899' | 'atLeast900';
  rent?: 'none' | 'upTo400' | 'over400';
  schoolChildren?: boolean;
};

/**
 * An amount from the dated rules table; or that no row covers the date; or that the row's figure is one the
 * sources could not confirm (`unverified`), which the experts work out at the desk instead.
 */
export type Indicative = { kind: 'amount'; key: string; euros: number } | { kind: 'notEnteredYet' } | { kind: 'atDesk' };

/** Message keys under `precheck.` in the locales; the page translates them. */
type Suggestion = {
  benefit: BenefitKey;
  reason: string;
  amount: Indicative;
  precedence: string[];
  urgent?: string;
  /** Named only to say it does not apply next to another benefit (Wohngeld with Bürgergeld). */
  excluded?: true;
};

export type PrecheckResult = { suggestions: Suggestion[]; notes: string[] };

const ageOrder: AgeBand[] = ['0-5', '6-11', '12-17', '18-24'];
const uvgKey: Record<Exclude<AgeBand, '18-24'>, string> = { '0-5': 'age0to5', '6-11': 'age6to11', '12-17': 'age12to17' };

function indicative(benefit: BenefitKey, key: string, date: IsoDate): Indicative {
  if (!rulesOn(benefit, date).covered) return { kind: 'notEnteredYet' };
  const euros = verifiedAmount(benefit, key, date);
  return euros === undefined ? { kind: 'atDesk' } : { kind: 'amount', key, euros };
}

/** Is the income at or above the KiZ minimum for this household? undefined while unknown. */
function reachesKizMinimum(a: PrecheckAnswers): boolean | undefined {
  if (!a.income) return undefined;
  if (a.income === 'atLeast900') return true;
  if (a.income === 'below600') return false;
  // 600–899 €: enough for a single parent, not for a couple.
  return a.household === undefined ? undefined : a.household === 'single';
}

/**
 * DOMAIN.md §7 desk triggers and Vorrang as guidance: which benefits may apply on a date.
 * Unknown answers keep Kindergeld, KiZ, Wohngeld and BuT in when they could apply; UVG needs "single parent" and the
 * Jobcenter an answer (Bürgergeld, a low income band) that points to it, or every unknown would fill the whole visit.
 */
export function precheck(a: PrecheckAnswers, date: IsoDate): PrecheckResult {
  const out: Suggestion[] = [];
  const children = a.children ?? [];
  const minors = children.filter((c) => c.ageBand !== '18-24');
  const inSgb2 = a.buergergeld === true;
  const kindergeldPaid = a.kindergeld === 'all' || a.kindergeld === 'some';
  const reaches = reachesKizMinimum(a);
  // Jobcenter: already in SGB II, or income below what the household needs.
  const toJobcenter = inSgb2 || a.income === 'below600' || (a.income === '600to899' && a.household === 'couple');

  // Kindergeld: not for every child, or not known whether it arrives for each (with children, or children unknown).
  const kindergeldReason = a.kindergeld === 'none' ? 'reason.kindergeldNone' : a.kindergeld === 'some' ? 'reason.kindergeldSome'
    : a.kindergeld === undefined && a.children?.length !== 0 ? 'reason.kindergeldUnknown' : undefined;
  if (kindergeldReason) {
    // §7.4: with Bürgergeld, Kindergeld counts as income.
    const precedence = toJobcenter ? ['precedence.kindergeldCountsInBuergergeld'] : [];
    out.push({ benefit: 'kindergeld', reason: kindergeldReason, amount: indicative('kindergeld', 'perChild', date), precedence, urgent: 'urgent.kindergeld' });
  }

  // KiZ: Kindergeld paid, brutto ≥ 900/600 €; Bürgergeld rules it out unless KiZ + Wohngeld end the need (§ 12a SGB II).
  const kizPossible = a.kindergeld !== 'none' && reaches !== false && a.children?.length !== 0;
  if (kizPossible) {
    out.push({
      benefit: 'kinderzuschlag',
      reason: kindergeldPaid && reaches ? 'reason.kizIncome' : 'reason.kizMaybe',
      amount: indicative('kinderzuschlag', 'maxPerChild', date),
      precedence: inSgb2 ? ['precedence.kizBeforeBuergergeld', 'precedence.kizCountsInBuergergeld'] : ['precedence.kizWithWohngeld'],
      urgent: 'urgent.kizNotBackwards',
    });
  }

  // Wohngeld: rent and no SGB II; with Bürgergeld the Jobcenter covers the rent. Wohngeld has no fixed income limit
  // (household size, rent and income decide) and the top income band no upper end, so no band rules it out.
  if (a.rent !== 'none' && !inSgb2) {
    out.push({ benefit: 'wohngeld', reason: 'reason.wohngeld', amount: indicative('wohngeld', `maxRent${Math.min(5, (a.household === 'couple' ? 2 : 1) + children.length)}`, date), precedence: ['precedence.wohngeldBeforeBuergergeld'], urgent: 'urgent.wohngeld' });
  } else if (inSgb2 && a.rent !== 'none') {
    out.push({ benefit: 'wohngeld', excluded: true, reason: 'reason.wohngeldExcluded', amount: indicative('wohngeld', 'maxRent1', date), precedence: ['precedence.noWohngeldWithBuergergeld'] });
  }

  // UVG: single parent, child under 18, maintenance none or below the UVG amount.
  if (a.household !== 'couple') {
    const due = minors.filter((c) => c.maintenance !== 'aboveUvg');
    if (due.length > 0 && (a.household === 'single')) {
      const youngest = due.map((c) => c.ageBand).filter((b): b is Exclude<AgeBand, '18-24'> => b !== undefined && b !== '18-24').sort((x, y) => ageOrder.indexOf(x) - ageOrder.indexOf(y))[0];
      const precedence = ['precedence.uvgChildIncome', 'precedence.kindergeldDeductedFromUvg'];
      // §7.3: UVG ranks before SGB II.
      if (toJobcenter) precedence.push('precedence.uvgBeforeBuergergeld');
      if (due.some((c) => c.ageBand === '12-17')) precedence.push('precedence.uvgFrom12');
      out.push({ benefit: 'unterhaltsvorschuss', reason: 'reason.uvg', amount: indicative('unterhaltsvorschuss', uvgKey[youngest ?? '0-5'], date), precedence, urgent: 'urgent.uvgMonthsBack' });
    }
  }

  if (toJobcenter) {
    out.push({ benefit: 'buergergeld', reason: inSgb2 ? 'reason.buergergeldReceived' : 'reason.buergergeldLowIncome', amount: indicative('buergergeld', a.household === 'couple' ? 'rbs2' : 'rbs1', date), precedence: inSgb2 ? [] : ['precedence.wohngeldKizFirst'], urgent: 'urgent.buergergeldThisMonth' });
  }

  // BuT: SGB II, KiZ or Wohngeld plus a school or Kita child; KiZ and Wohngeld also open Kita-fee relief (§7.5).
  const kizOrWohngeld = out.some((s) => (s.benefit === 'kinderzuschlag' || s.benefit === 'wohngeld') && !s.excluded);
  const kitaChild = children.some((c) => c.ageBand === '0-5');
  const schoolOrKita = a.schoolChildren === true || kitaChild || (a.schoolChildren === undefined && children.length > 0);
  if ((inSgb2 || kizOrWohngeld) && schoolOrKita) {
    const precedence = inSgb2 ? ['precedence.butWithBuergergeld'] : ['precedence.butSeparateApplication'];
    if (!inSgb2 && kitaChild) precedence.push('precedence.kitaFees');
    out.push({ benefit: 'but', reason: 'reason.but', amount: indicative('but', 'schoolSupplies', date), precedence, urgent: 'urgent.butLapse' });
  }

  return { suggestions: out, notes: ['note.guidanceNotDecision'] };
}
