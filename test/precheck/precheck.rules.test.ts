import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { i18n, translatorFor } from '../../src/lib/i18n.js';
import type { StoredAnswers } from '../../src/modules/precheck/precheck.questions.js';
import { describeResult } from '../../src/modules/precheck/precheck.result.js';
import { precheck, type PrecheckAnswers } from '../../src/modules/precheck/precheck.rules.js';

const benefits = (a: PrecheckAnswers, date = '2026-03-01') => precheck(a, date).suggestions.map((s) => s.benefit);
const find = (a: PrecheckAnswers, benefit: string, date = '2026-03-01') => precheck(a, date).suggestions.find((s) => s.benefit === benefit);

const couple900: PrecheckAnswers = { household: 'couple', children: [{ ageBand: '6-11' }], kindergeld: 'all', buergergeld: false, income: 'atLeast900', rent: 'over400', schoolChildren: true };

/** The rules must not change at the turn of the year or on 1 July 2026 ("Neue Grundsicherung"): each case runs on these. */
const PINNED_DATES = ['2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01'];

describe.each(PINNED_DATES)('precheck triggers (DOMAIN.md §7.6) on %s', (date) => {
  it.each<[string, PrecheckAnswers, string[], string[]]>([
    ['no Kindergeld yet → Kindergeld', { ...couple900, kindergeld: 'none' }, ['kindergeld'], ['kinderzuschlag']],
    ['Kindergeld for some children → Kindergeld', { ...couple900, kindergeld: 'some' }, ['kindergeld', 'kinderzuschlag'], []],
    ['not known whether Kindergeld arrives → Kindergeld, to be checked', { ...couple900, kindergeld: undefined }, ['kindergeld', 'kinderzuschlag'], []],
    ['no children → no Kindergeld', { ...couple900, kindergeld: undefined, children: [] }, [], ['kindergeld', 'kinderzuschlag']],
    ['Kindergeld paid, couple ≥ 900 €, no SGB II → KiZ + Wohngeld', couple900, ['kinderzuschlag', 'wohngeld'], ['kindergeld', 'buergergeld']],
    ['single parent 600–899 € reaches the KiZ minimum', { ...couple900, household: 'single', income: '600to899' }, ['kinderzuschlag', 'wohngeld'], []],
    // The top band has no upper end and Wohngeld no fixed income limit: ≥ 900 € rules Wohngeld out for nobody.
    ['single parent ≥ 900 €, Kindergeld paid → KiZ + Wohngeld, as for a couple', { ...couple900, household: 'single', income: 'atLeast900' }, ['kinderzuschlag', 'wohngeld'], ['buergergeld']],
    ['couple 600–899 € misses the KiZ minimum → Wohngeld + Jobcenter', { ...couple900, income: '600to899' }, ['wohngeld', 'buergergeld'], ['kinderzuschlag']],
    ['below 600 € → Jobcenter, no KiZ', { ...couple900, household: 'single', income: 'below600' }, ['buergergeld', 'wohngeld'], ['kinderzuschlag']],
    ['single, maintenance below UVG → UVG', { ...couple900, household: 'single', children: [{ ageBand: '0-5', maintenance: 'belowUvg' }] }, ['unterhaltsvorschuss'], []],
    ['single, no maintenance → UVG', { ...couple900, household: 'single', children: [{ ageBand: '6-11', maintenance: 'none' }] }, ['unterhaltsvorschuss'], []],
    ['single, maintenance above UVG → no UVG', { ...couple900, household: 'single', children: [{ ageBand: '6-11', maintenance: 'aboveUvg' }] }, [], ['unterhaltsvorschuss']],
    ['couple → no UVG', { ...couple900, children: [{ ageBand: '6-11', maintenance: 'none' }] }, [], ['unterhaltsvorschuss']],
    ['adult child only → no UVG', { ...couple900, household: 'single', children: [{ ageBand: '18-24', maintenance: 'none' }] }, [], ['unterhaltsvorschuss']],
    ['KiZ plus a school child → BuT', couple900, ['but'], []],
    ['SGB II plus a school child → BuT', { ...couple900, buergergeld: true }, ['but', 'buergergeld'], []],
    ['no KiZ, Wohngeld or SGB II → no BuT', { ...couple900, kindergeld: 'none', rent: 'none' }, [], ['but']],
    ['no school or Kita child → no BuT', { ...couple900, schoolChildren: false, children: [{ ageBand: '12-17' }] }, [], ['but']],
  ])('%s', (_name, answers, included, excluded) => {
    const got = benefits(answers, date);
    for (const b of included) expect(got).toContain(b);
    for (const b of excluded) expect(got).not.toContain(b);
  });

  it('"I don\'t know" everywhere keeps the possible benefits in, never rules them out', () => {
    expect(benefits({}, date)).toEqual(expect.arrayContaining(['kindergeld', 'kinderzuschlag', 'wohngeld']));
    expect(find({ ...couple900, kindergeld: undefined }, 'kindergeld')!.reason).toBe('reason.kindergeldUnknown');
  });
});

describe.each(PINNED_DATES)('precheck precedence (DOMAIN.md §7.1–7.5) on %s', (date) => {
  const find = (a: PrecheckAnswers, benefit: string) => precheck(a, date).suggestions.find((s) => s.benefit === benefit);
  it('with Bürgergeld no Wohngeld: the Jobcenter covers the rent', () => {
    const wohngeld = find({ ...couple900, buergergeld: true }, 'wohngeld')!;
    expect(wohngeld.reason).toBe('reason.wohngeldExcluded');
    expect(wohngeld.precedence).toEqual(['precedence.noWohngeldWithBuergergeld']);
  });
  it('KiZ vs Bürgergeld: KiZ ranks first only if it ends the need; it counts as income there', () => {
    expect(find({ ...couple900, buergergeld: true }, 'kinderzuschlag')!.precedence).toEqual(['precedence.kizBeforeBuergergeld', 'precedence.kizCountsInBuergergeld']);
  });
  it('KiZ and Wohngeld combine', () => {
    expect(find(couple900, 'kinderzuschlag')!.precedence).toContain('precedence.kizWithWohngeld');
  });
  it('Wohngeld and KiZ rank before Bürgergeld for a low income', () => {
    expect(find({ ...couple900, income: '600to899' }, 'buergergeld')!.precedence).toContain('precedence.wohngeldKizFirst');
  });
  it('UVG is the child’s income, Kindergeld is deducted from it, ages 12–17 have extra conditions', () => {
    const uvg = find({ ...couple900, household: 'single', children: [{ ageBand: '12-17', maintenance: 'none' }] }, 'unterhaltsvorschuss')!;
    expect(uvg.precedence).toEqual(['precedence.uvgChildIncome', 'precedence.kindergeldDeductedFromUvg', 'precedence.uvgFrom12']);
  });
  it('BuT: separate application with KiZ/Wohngeld, part of the HA with Bürgergeld', () => {
    expect(find(couple900, 'but')!.precedence).toEqual(['precedence.butSeparateApplication']);
    expect(find({ ...couple900, buergergeld: true }, 'but')!.precedence).toEqual(['precedence.butWithBuergergeld']);
  });
  it('KiZ is urgent: not paid backwards', () => {
    expect(find(couple900, 'kinderzuschlag')!.urgent).toBe('urgent.kizNotBackwards');
  });
  it('always says it is guidance, not a decision', () => {
    expect(precheck(couple900, date).notes).toContain('note.guidanceNotDecision');
  });
  it('Kindergeld counts as income in Bürgergeld (§7.4)', () => {
    expect(find({ ...couple900, kindergeld: 'none', buergergeld: true }, 'kindergeld')!.precedence).toEqual(['precedence.kindergeldCountsInBuergergeld']);
    expect(find({ ...couple900, kindergeld: 'none', income: 'below600' }, 'kindergeld')!.precedence).toEqual(['precedence.kindergeldCountsInBuergergeld']);
    expect(find({ ...couple900, kindergeld: 'none' }, 'kindergeld')!.precedence).toEqual([]);
  });
  it('UVG ranks before Bürgergeld (§7.3)', () => {
    const single = { ...couple900, household: 'single' as const, children: [{ ageBand: '6-11' as const, maintenance: 'none' as const }] };
    expect(find({ ...single, buergergeld: true }, 'unterhaltsvorschuss')!.precedence).toContain('precedence.uvgBeforeBuergergeld');
    expect(find({ ...single, income: 'below600' }, 'unterhaltsvorschuss')!.precedence).toContain('precedence.uvgBeforeBuergergeld');
    expect(find(single, 'unterhaltsvorschuss')!.precedence).not.toContain('precedence.uvgBeforeBuergergeld');
  });
  it('KiZ or Wohngeld also open Kita-fee relief for a Kita-age child (§7.5)', () => {
    const kita = { ...couple900, children: [{ ageBand: '0-5' as const }], schoolChildren: false };
    expect(find(kita, 'but')!.precedence).toEqual(['precedence.butSeparateApplication', 'precedence.kitaFees']);
    expect(find(couple900, 'but')!.precedence).not.toContain('precedence.kitaFees');
    expect(find({ ...kita, buergergeld: true }, 'but')!.precedence).not.toContain('precedence.kitaFees');
  });
});

describe('precheck amounts from the dated rules table', () => {
  it.each<[string, string, string, number | null]>([
    ['2025-12-31', 'kindergeld', 'perChild', 255],
    ['2026-01-01', 'kindergeld', 'perChild', 259],
    ['2026-07-01', 'kindergeld', 'perChild', 259],
    ['2026-01-01', 'kinderzuschlag', 'maxPerChild', 297],
    ['2026-07-01', 'kinderzuschlag', 'maxPerChild', 297],
    ['2026-06-30', 'buergergeld', 'rbs2', 506],
    ['2026-07-01', 'buergergeld', 'rbs2', 506],
    ['2026-01-01', 'but', 'schoolSupplies', 195],
    ['2027-01-01', 'kindergeld', 'perChild', null],
    ['2027-01-01', 'kinderzuschlag', 'maxPerChild', null],
  ])('%s %s', (date, benefit, key, euros) => {
    const answers: PrecheckAnswers = { ...couple900, kindergeld: 'some', income: benefit === 'buergergeld' ? '600to899' : 'atLeast900' };
    const s = find(answers, benefit, date)!;
    expect(s.amount).toEqual(euros === null ? { kind: 'notEnteredYet' } : { kind: 'amount', key, euros });
  });
  it('Wohngeld: the rent counted for the household’s size; a figure the sources could not confirm is left to the desk', () => {
    const wohngeld = (a: PrecheckAnswers, date: string) => find(a, 'wohngeld', date)!.amount;
    const singleWithOne: PrecheckAnswers = { ...couple900, household: 'single', income: '600to899' };
    expect(wohngeld(singleWithOne, '2026-07-01')).toEqual({ kind: 'amount', key: 'maxRent2', euros: 437 });
    // Three persons: DOMAIN.md §10 could not confirm 521 €, so no figure; that is not "not entered yet".
    expect(wohngeld(couple900, '2026-07-01')).toEqual({ kind: 'atDesk' });
    expect(wohngeld(couple900, '2027-01-01')).toEqual({ kind: 'notEnteredYet' });
  });
  it('UVG amount follows the youngest child’s age band', () => {
    const single = (ageBand: '0-5' | '6-11' | '12-17') => find({ ...couple900, household: 'single', children: [{ ageBand, maintenance: 'none' }] }, 'unterhaltsvorschuss', '2026-07-01')!.amount;
    expect(single('0-5')).toEqual({ kind: 'amount', key: 'age0to5', euros: 227 });
    expect(single('6-11')).toEqual({ kind: 'amount', key: 'age6to11', euros: 299 });
    expect(single('12-17')).toEqual({ kind: 'amount', key: 'age12to17', euros: 394 });
  });
});

describe('precheck messages', () => {
  const locale = (lang: string) => JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8')).precheck as Record<string, Record<string, string>>;
  it('every reason, precedence, urgency and note the rules can give is in de and en', () => {
    const variants: PrecheckAnswers[] = [];
    for (const household of ['single', 'couple', undefined] as const)
      for (const kindergeld of ['all', 'some', 'none', undefined] as const)
        for (const buergergeld of [true, false, undefined])
          for (const income of ['below600', '600to899', 'atLeast900', undefined] as const)
            for (const ageBand of ['0-5', '12-17'] as const)
              variants.push({ household, kindergeld, buergergeld, income, rent: 'over400', schoolChildren: true, children: [{ ageBand, maintenance: 'none' }] });
    const keys = new Set(variants.flatMap((v) => { const r = precheck(v, '2026-03-01'); return [...r.notes, ...r.suggestions.flatMap((s) => [s.reason, ...s.precedence, ...(s.urgent ? [s.urgent] : [])])]; }));
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) {
      for (const lang of ['de', 'en']) expect(i18n().exists(`precheck.${key}`, { lng: lang, count: 2 }), `${lang} ${key}`).toBe(true);
    }
    expect(locale('en').notEnteredYet).toBe('Amounts for this date are not entered yet.');
  });

  it('renders every sentence with its figures filled in, before and after 2026-07-01 and for a date no row covers', () => {
    const answers: StoredAnswers[] = [
      {},
      { household: 'single', children: { '0-5': 1, '6-11': 0, '12-17': 1, '18-24': 0 }, kindergeld: 'some', buergergeld: 'no', income: '600to899', rent: 'over400', maintenance: ['none', 'belowUvg'], school: 'yes' },
      { household: 'couple', children: { '0-5': 0, '6-11': 2, '12-17': 0, '18-24': 1 }, kindergeld: 'all', buergergeld: 'yes', income: 'below600', rent: 'upTo400', school: 'yes' },
    ];
    for (const date of ['2026-01-01', '2026-07-01', '2027-01-01']) {
      for (const lang of ['de', 'en']) {
        for (const a of answers) {
          const { suggestions, notes } = describeResult(a, date, translatorFor(lang), lang);
          const sentences = [...notes, ...suggestions.flatMap((s) => [s.name, s.reason, s.amount, s.urgent ?? '', ...s.precedence, ...s.documents])];
          for (const sentence of sentences) expect(sentence, `${date} ${lang}`).not.toMatch(/\{\{|precheck\.|undefined/);
          if (date === '2027-01-01') expect(sentences.join(' '), lang).not.toMatch(/\d\s?€|€\s?\d/);
        }
      }
    }
  });
});
