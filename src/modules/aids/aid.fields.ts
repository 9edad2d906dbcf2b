import { z } from 'zod';
import { textField } from '../../lib/text.js';
import { type IsoDate } from '../benefits/benefits.js';
import type { FamilyFact } from '../benefits/documents.data.js';
import type { AidDefinition, FormField, OfficialForm } from '../benefits/forms.data.js';
import {
  compactTaxId, formatIban, isValidIban, isValidPostcode, isValidTaxId, parseAmount, parseTypedDate,
} from '../benefits/identifiers.js';
import { type FamilyFacts, ageOn } from '../benefits/rules.js';

/** How many children and further adults one aid takes: enough for a large family, small enough for one page of form. */
export const MAX_CHILDREN = 8;
export const MAX_ADULTS = 4;

type Group = 'single' | 'child' | 'adult';
/** One input of the web form: its posted name, the field it fills and where it belongs. */
export type Input = { name: string; field: FormField; group: Group; index: number; sectionTitle?: OfficialForm['sections'][number]['title'] };

/** Posted names: "applicant_familyName" for the main forms, "c0_birthDate" for the first child, "a0_income" for an adult. */
export const singleName = (sectionId: string, field: string) => `${sectionId}_${field}`;
export const repeatName = (group: 'child' | 'adult', index: number, field: string) => `${group === 'child' ? 'c' : 'a'}${index}_${field}`;

/** Every field a child (or adult) of this aid may need, over all the repeating forms, each once, in form order. */
export function repeatFields(aid: AidDefinition, group: 'child' | 'adult'): FormField[] {
  const seen = new Map<string, FormField>();
  for (const form of aid.forms.filter((f) => f.repeat === group)) {
    for (const field of form.sections.flatMap((s) => s.fields)) if (!seen.has(field.name)) seen.set(field.name, field);
  }
  return [...seen.values()];
}

export const hasRepeat = (aid: AidDefinition, group: 'child' | 'adult') => aid.forms.some((f) => f.repeat === group);

export function inputsOf(aid: AidDefinition, counts: { children: number; adults: number }): Input[] {
  const single = aid.forms.filter((f) => !f.repeat).flatMap((form) => form.sections.flatMap((section) =>
    section.fields.map((field) => ({ name: singleName(section.id, field.name), field, group: 'single' as const, index: 0, sectionTitle: section.title }))));
  const repeat = (group: 'child' | 'adult', count: number) => Array.from({ length: count }, (_, index) =>
    repeatFields(aid, group).map((field) => ({ name: repeatName(group, index, field.name), field, group, index })));
  return [...single, ...repeat('child', counts.children).flat(), ...repeat('adult', counts.adults).flat()];
}

/** What a field accepts; messages are translation keys. Everything may stay empty: the PDF leaves it open. */
function fieldSchema(field: FormField) {
  const base = textField(field.type === 'text' ? 160 : 60).optional().default('');
  const when = (check: (value: string) => boolean, message: string) => base.refine((v) => v === '' || check(v), message);
  switch (field.type) {
    case 'iban': return when(isValidIban, 'aids.errors.iban').transform((v) => (v ? formatIban(v) : v));
    case 'taxId': return when(isValidTaxId, 'aids.errors.taxId').transform(compactTaxId);
    case 'postcode': return when(isValidPostcode, 'aids.errors.postcode');
    case 'date': return when((v) => parseTypedDate(v) !== undefined, 'aids.errors.date').transform((v) => (v ? parseTypedDate(v)! : v));
    case 'amount': return when((v) => parseAmount(v) !== undefined, 'aids.errors.amount').transform((v) => (v ? String(parseAmount(v)) : v));
    case 'yesno': return when((v) => v === 'yes' || v === 'no', 'aids.errors.choice');
    case 'choice': return when((v) => field.options!.some((o) => o.value === v), 'aids.errors.choice');
    case 'text': return base;
  }
}

export function aidSchema(inputs: Input[]) {
  return z.object(Object.fromEntries(inputs.map((input) => [input.name, fieldSchema(input.field)])));
}

/** The counts the form was showing, and what its buttons asked for: another child, one fewer, or the PDF. */
export function countsOf(body: Record<string, unknown>, aid: AidDefinition) {
  const number = (value: unknown, max: number, fallback: number) => {
    const n = typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : fallback;
    return Math.min(Math.max(n, 0), max);
  };
  return {
    children: hasRepeat(aid, 'child') ? number(body.children, MAX_CHILDREN, 1) : 0,
    adults: hasRepeat(aid, 'adult') ? number(body.adults, MAX_ADULTS, 0) : 0,
  };
}

/** Answers as the PDF reads them: by posted name, already normalised (ISO dates, grouped IBAN, plain numbers). */
export type Answers = Record<string, string>;

export type Person = { index: number; birthDate?: IsoDate; age?: number };

/** The children (with their ages on `today`) and the facts the answers make true or leave open, for the rules. */
export function familyOf(inputs: Input[], answers: Answers, today: IsoDate, childCount: number) {
  const facts = new Set<FamilyFact>();
  const answered = new Set<FamilyFact>();
  for (const input of inputs) {
    const value = answers[input.name] ?? '';
    const { field } = input;
    if (field.fact) {
      if (value) answered.add(field.fact);
      if (value === 'yes') facts.add(field.fact);
    }
    if (field.factsByValue) {
      const all = Object.values(field.factsByValue);
      if (value) all.forEach((f) => answered.add(f));
      const fact = field.factsByValue[value];
      if (fact) facts.add(fact);
    }
  }
  const children: Person[] = Array.from({ length: childCount }, (_, index) => {
    const birthDate = answers[repeatName('child', index, 'birthDate')] || undefined;
    return { index, ...(birthDate ? { birthDate, age: ageOn(birthDate, today) } : {}) };
  });
  const ages = children.flatMap((c) => (c.age === undefined ? [] : [c.age]));
  // A child's age decides a condition only when every child's birth date is known.
  const family: FamilyFacts & { birthDates: IsoDate[] } = {
    facts, answered, ...(children.length > 0 && ages.length === children.length ? { childAges: ages } : {}),
    birthDates: children.flatMap((c) => (c.birthDate ? [c.birthDate] : [])),
  };
  return { family, children };
}

/** Whether a child (of unknown or known age) gets a form or section limited to some ages. */
export const agesFit = (ages: { from?: number; to?: number } | undefined, age: number | undefined) =>
  !ages || age === undefined || ((ages.from === undefined || age >= ages.from) && (ages.to === undefined || age <= ages.to));

