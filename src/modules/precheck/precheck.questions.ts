import type { PrecheckAnswers } from './precheck.rules.js';

/**
 * The pre-check's questions, one per page, in the order a family meets them. A question the answers make
 * pointless is left out (no maintenance question for a couple, no school question without children of school age).
 */
export const QUESTIONS = ['household', 'children', 'kindergeld', 'buergergeld', 'income', 'rent', 'maintenance', 'school'] as const;
export type Question = (typeof QUESTIONS)[number];

export const isQuestion = (value: unknown): value is Question =>
  typeof value === 'string' && (QUESTIONS as readonly string[]).includes(value);

export const AGE_BANDS = ['0-5', '6-11', '12-17', '18-24'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Each band's name in the locales; for children under 18 it is also the Unterhaltsvorschuss amount's key. */
export const BAND_KEYS = { '0-5': 'age0to5', '6-11': 'age6to11', '12-17': 'age12to17', '18-24': 'age18to24' } as const;
/** Up to this many children per age band can be entered; more is rare enough to ask at the desk. */
export const MAX_CHILDREN_PER_BAND = 8;

/**
 * Where the rent question splits its answers. It is a band of the question, not a legal threshold: the rules only
 * ask whether rent is paid at all, and the desk works with the real rent.
 */
export const RENT_BAND_EUROS = 400;

/** The answers of the single-choice questions; "unknown" is "I don't know". */
export const CHOICES = {
  household: ['single', 'couple', 'unknown'],
  kindergeld: ['all', 'some', 'none', 'unknown'],
  buergergeld: ['yes', 'no', 'unknown'],
  income: ['below600', '600to899', 'atLeast900', 'unknown'],
  rent: ['none', 'upTo400', 'over400', 'unknown'],
  school: ['yes', 'no', 'unknown'],
} as const satisfies Partial<Record<Question, readonly string[]>>;
export type ChoiceQuestion = keyof typeof CHOICES;
export const isChoiceQuestion = (q: Question): q is ChoiceQuestion => q in CHOICES;

export const MAINTENANCE = ['none', 'belowUvg', 'aboveUvg', 'unknown'] as const;
export type MaintenanceChoice = (typeof MAINTENANCE)[number];

/**
 * What a family has said so far, as kept in the encrypted session cookie: each question it has passed,
 * with its answer or "unknown". Children are counted per age band; maintenance is one answer per child under 18.
 */
export type StoredAnswers = {
  household?: 'single' | 'couple' | 'unknown';
  children?: Record<AgeBand, number> | 'unknown';
  kindergeld?: 'all' | 'some' | 'none' | 'unknown';
  buergergeld?: 'yes' | 'no' | 'unknown';
  income?: 'below600' | '600to899' | 'atLeast900' | 'unknown';
  rent?: 'none' | 'upTo400' | 'over400' | 'unknown';
  maintenance?: MaintenanceChoice[] | 'unknown';
  school?: 'yes' | 'no' | 'unknown';
};

/** The age band of each child, youngest band first; undefined while the children are not known. */
function childBands(answers: StoredAnswers): AgeBand[] | undefined {
  const children = answers.children;
  if (children === undefined || children === 'unknown') return undefined;
  return AGE_BANDS.flatMap((band) => Array.from({ length: children[band] }, () => band));
}

/** The children the maintenance question asks about: every child under 18 (one unknown child if none are known). */
export function maintenanceChildren(answers: StoredAnswers): (AgeBand | undefined)[] {
  const bands = childBands(answers);
  return bands === undefined ? [undefined] : bands.filter((band) => band !== '18-24');
}

/** Whether a question is asked at all, given the answers before it. */
export function isAsked(question: Question, answers: StoredAnswers): boolean {
  const bands = childBands(answers);
  switch (question) {
    case 'kindergeld': return bands === undefined || bands.length > 0;
    case 'maintenance': return answers.household === 'single' && maintenanceChildren(answers).length > 0;
    case 'school': return bands === undefined || bands.some((band) => band !== '0-5');
    default: return true;
  }
}

const askedAfter = (from: number, answers: StoredAnswers) => QUESTIONS.slice(from).find((q) => isAsked(q, answers));

/** The next question after one, or undefined when the result comes next. */
export const nextQuestion = (question: Question, answers: StoredAnswers) =>
  askedAfter(QUESTIONS.indexOf(question) + 1, answers);

/** The question before one, or undefined for the first. */
export function previousQuestion(question: Question, answers: StoredAnswers): Question | undefined {
  return QUESTIONS.slice(0, QUESTIONS.indexOf(question)).reverse().find((q) => isAsked(q, answers));
}

/** The first asked question not answered yet, or undefined when all are answered. */
export const firstOpenQuestion = (answers: StoredAnswers) =>
  QUESTIONS.find((q) => isAsked(q, answers) && answers[q] === undefined);

/** Answers of questions no longer asked (a couple's maintenance, say) are dropped, so they never count. */
export function withoutUnasked(answers: StoredAnswers): StoredAnswers {
  const kept: StoredAnswers = {};
  for (const q of QUESTIONS) if (answers[q] !== undefined && isAsked(q, answers)) Object.assign(kept, { [q]: answers[q] });
  // The maintenance answers belong to the children as they were counted; a new count asks again.
  if (Array.isArray(kept.maintenance) && kept.maintenance.length !== maintenanceChildren(kept).length) delete kept.maintenance;
  return kept;
}

const known = <T extends string>(value: T | 'unknown' | undefined) => (value === 'unknown' ? undefined : value);
const yesNo = (value: 'yes' | 'no' | 'unknown' | undefined) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** The rules' view of the answers: "I don't know" and unasked become missing. */
export function toRuleAnswers(answers: StoredAnswers): PrecheckAnswers {
  const bands = childBands(answers);
  const maintenance = Array.isArray(answers.maintenance) ? answers.maintenance : [];
  let minor = 0;
  // Unknown children count as one child of unknown age, so that the benefits for children stay possible.
  const children = (bands ?? [undefined]).map((ageBand) => {
    const choice = ageBand === '18-24' ? undefined : known(maintenance[minor++]);
    return { ...(ageBand ? { ageBand } : {}), ...(choice ? { maintenance: choice } : {}) };
  });
  const result: PrecheckAnswers = { children };
  const household = known(answers.household);
  if (household) result.household = household;
  const kindergeld = known(answers.kindergeld);
  if (kindergeld) result.kindergeld = kindergeld;
  const buergergeld = yesNo(answers.buergergeld);
  if (buergergeld !== undefined) result.buergergeld = buergergeld;
  const income = known(answers.income);
  if (income) result.income = income;
  const rent = known(answers.rent);
  if (rent) result.rent = rent;
  const school = bands !== undefined && bands.every((band) => band === '0-5') ? false : yesNo(answers.school);
  if (school !== undefined) result.schoolChildren = school;
  return result;
}
