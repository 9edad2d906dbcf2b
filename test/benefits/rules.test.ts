import { describe, expect, it } from 'vitest';
import { AMOUNTS } from '../../src/modules/benefits/amounts.data.js';
import { BENEFITS } from '../../src/modules/benefits/benefits.js';
import { deadlineFor } from '../../src/modules/benefits/deadlines.js';
import { translatorFor } from '../../src/lib/i18n.js';
import { UNKNOWN_FAMILY, documentChecklist, generalDocumentList, rulesOn, verifiedAmount } from '../../src/modules/benefits/rules.js';

const known = (facts: string[], answered: string[], childAges?: number[]) =>
  ({ facts: new Set(facts), answered: new Set([...answered, ...facts]), childAges }) as Parameters<typeof documentChecklist>[1];

describe('the dated rules table', () => {
  it('gives every amount DOMAIN.md marks verified, on the days either side of the turn of the year', () => {
    expect(verifiedAmount('kindergeld', 'perChild', '2025-12-31')).toBe(255);
    expect(verifiedAmount('kindergeld', 'perChild', '2026-01-01')).toBe(259);
    for (const date of ['2025-12-31', '2026-01-01', '2026-07-01']) {
      expect(verifiedAmount('kinderzuschlag', 'maxPerChild', date)).toBe(297);
      expect(verifiedAmount('kinderzuschlag', 'minIncomeCouple', date)).toBe(900);
      expect(verifiedAmount('kinderzuschlag', 'minIncomeSingle', date)).toBe(600);
      expect(['age0to5', 'age6to11', 'age12to17'].map((k) => verifiedAmount('unterhaltsvorschuss', k, date))).toEqual([227, 299, 394]);
      expect(['rbs1', 'rbs2', 'rbs3', 'rbs4', 'rbs5', 'rbs6'].map((k) => verifiedAmount('buergergeld', k, date))).toEqual([563, 506, 451, 471, 390, 357]);
      expect([verifiedAmount('wohngeld', 'maxRent1', date), verifiedAmount('wohngeld', 'maxRent2', date)]).toEqual([361, 437]);
      expect([verifiedAmount('but', 'schoolSupplies', date), verifiedAmount('but', 'participationPerMonth', date)]).toEqual([195, 15]);
    }
  });

  it('never prints what §10 could not verify (Wohngeld for 3+ persons, the 10 € minimum, the reform allowances)', () => {
    expect(verifiedAmount('wohngeld', 'maxRent3', '2026-01-01')).toBeUndefined();
    expect(verifiedAmount('wohngeld', 'minimumPayout', '2026-01-01')).toBeUndefined();
    expect(verifiedAmount('buergergeld', 'assetsAllowanceStep1', '2026-07-01')).toBeUndefined();
  });

  it('has no row for 2027: every benefit says "not entered yet" instead of carrying 2026 over', () => {
    for (const benefit of BENEFITS) {
      expect(rulesOn(benefit, '2026-12-31').covered).toBe(true);
      expect(rulesOn(benefit, '2027-01-01').covered).toBe(false);
    }
    expect(verifiedAmount('kindergeld', 'perChild', '2027-01-01')).toBeUndefined();
    const sentence = deadlineFor('kindergeld', '2027-01-01', UNKNOWN_FAMILY, 'de');
    expect(translatorFor('de')(sentence.key, sentence.values)).toBe(
      'Die Beträge und Regeln für den 1. Januar 2027 sind noch nicht eingetragen. Bitte bei der zuständigen Stelle nachfragen.',
    );
  });

  it('dates the Grundsicherung reform from 2026-07-01, to be confirmed by the Jobcenter: the Karenzzeit ends the day before', () => {
    const june = rulesOn('buergergeld', '2026-06-30');
    const july = rulesOn('buergergeld', '2026-07-01');
    expect(june.covered && june.amounts.values.assetsKarenzFirst).toBe(40_000);
    expect(june.covered && june.amounts.toBeConfirmed).toBeFalsy();
    expect(july.covered && july.amounts.values.assetsKarenzFirst).toBeUndefined();
    expect(july.covered && july.amounts.toBeConfirmed).toBe(true);
  });

  it('has rows that neither overlap nor leave a gap inside a benefit’s covered years', () => {
    for (const benefit of BENEFITS) {
      const rows = AMOUNTS.filter((r) => r.benefit === benefit).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (const [i, row] of rows.entries()) {
        expect(row.validFrom <= row.validUntil).toBe(true);
        if (i > 0) expect(new Date(`${row.validFrom}T00:00:00Z`).getTime() - new Date(`${rows[i - 1]!.validUntil}T00:00:00Z`).getTime()).toBe(86_400_000);
      }
    }
  });
});

describe('documents to bring', () => {
  it('lists what DOMAIN.md §10 found missing, with the condition that adds each', () => {
    expect(generalDocumentList('kindergeld').de).toEqual(expect.arrayContaining([
      'Steuer-ID des anderen Elternteils oder Ihres Ehegatten',
      'Nach einer Trennung oder wenn bisher jemand anderes das Kindergeld bekommt: Haushaltsbescheinigung KG 3a',
      'Ohne Staatsangehörigkeit eines EU-/EWR-Staates oder der Schweiz: Aufenthaltstitel (nicht EU/EWR/Schweiz)',
    ]));
    expect(generalDocumentList('kinderzuschlag').de.join('\n')).toMatch(/Vermögen[\s\S]*Einkommen jedes Kindes der letzten 6 Monate[\s\S]*KiZ 5c[\s\S]*KiZ 7/);
    expect(generalDocumentList('unterhaltsvorschuss').de).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Für Kinder ab 12 Jahren: .*Ergänzenden Angaben/),
      expect.stringMatching(/^Für Kinder ab 15 Jahren: Schulbescheinigung oder Ausbildungsvertrag/),
    ]));
    expect(generalDocumentList('wohngeld').de.join('\n')).toMatch(/aller Haushaltsmitglieder der letzten 2 Monate, vollständig und ungeschwärzt/);
    expect(generalDocumentList('buergergeld').de).toEqual(expect.arrayContaining(['Meldebescheinigung', 'Krankenkassenkarte', 'Rentenversicherungsnummer']));
    for (const benefit of BENEFITS) expect(generalDocumentList(benefit).en).toHaveLength(generalDocumentList(benefit).de.length);
  });

  it('applies the conditions to a family: UVG papers from 12 and 15 only for such a child, KG 3a only after a separation', () => {
    const uvg = (ages: number[]) => documentChecklist('unterhaltsvorschuss', known([], ['orphan'], ages), 'de').map((d) => d.id);
    expect(uvg([7])).not.toContain('uvg-from-12');
    expect(uvg([13])).toContain('uvg-from-12');
    expect(uvg([13])).not.toContain('uvg-from-15');
    expect(uvg([16])).toEqual(expect.arrayContaining(['uvg-from-12', 'uvg-from-15']));
    expect(documentChecklist('kindergeld', known(['separated'], [], [3]), 'de').map((d) => d.id)).toContain('kg3a');
    expect(documentChecklist('kindergeld', known([], ['separated', 'childBornAbroad', 'nonEuEeaCh'], [3]), 'de').map((d) => d.id))
      .toEqual(['tax-ids', 'tax-id-other-parent', 'iban']);
  });

  it('keeps a still-open condition in front of its document instead of dropping it', () => {
    const items = documentChecklist('kinderzuschlag', known(['tenant'], ['owner']), 'en');
    expect(items.find((d) => d.id === 'rent-costs')?.text).toBe('Tenancy agreement and proof of housing costs (rent, service charges, heating)');
    expect(items.find((d) => d.id === 'owner-costs')).toBeUndefined();
    expect(items.find((d) => d.id === 'kiz-7-diet')?.text).toBe('For a costly special diet: Doctor’s certificate of the extra need (annex KiZ 7)');
  });
});

describe('deadlines from today and the retroactivity rules', () => {
  const say = (benefit: Parameters<typeof deadlineFor>[0], today: string, lang = 'en', family: Parameters<typeof deadlineFor>[2] = UNKNOWN_FAMILY) => {
    const sentence = deadlineFor(benefit, today, family, lang);
    return translatorFor(lang as 'de')(sentence.key, sentence.values);
  };

  it('Kindergeld: six months before the application month, so a January baby is paid in full if the application arrives by 31 July', () => {
    const family = { ...UNKNOWN_FAMILY, birthDates: ['2026-01-20'] };
    expect(say('kindergeld', '2026-05-15', 'en', family)).toBe(
      'Child benefit: apply by 31 July 2026 to get money back to January 2026. It is paid for at most 6 months before the month in which the application arrives.',
    );
    expect(say('kindergeld', '2026-11-21', 'de')).toMatch(/^Kindergeld: Antrag bis 30\. November 2026 stellen, um Geld rückwirkend ab Mai 2026 zu bekommen\./);
  });

  it('Kinderzuschlag is never paid back: apply this month', () => {
    expect(say('kinderzuschlag', '2026-01-01')).toBe(
      'Kinderzuschlag is never paid for months before the application: apply this month (by 31 January 2026); it then counts from January 2026 and is granted for 6 months.',
    );
  });

  it('UVG one month back only with efforts for maintenance; Grundsicherung from the 1st of the month; BuT twelve months', () => {
    expect(say('unterhaltsvorschuss', '2025-12-31', 'en', { ...UNKNOWN_FAMILY, facts: new Set(['maintenanceEfforts']) })).toMatch(/apply by 31 December 2025 to get it from November 2025/);
    expect(say('buergergeld', '2026-07-01', 'de')).toMatch(/bis 31\. Juli 2026 stellen, um Leistungen für Juli 2026/);
    expect(say('but', '2026-07-01')).toMatch(/costs from July 2025 on can still be claimed/);
    expect(say('wohngeld', '2027-01-01')).toMatch(/not entered yet/);
  });
});
