import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/lib/i18n.js';
import { flatten, type Messages } from '../../src/lib/locale-check.js';
import { BENEFITS, ONLINE_SERVICES } from '../../src/modules/benefits/benefits.js';
import { type Condition, DOCUMENTS } from '../../src/modules/benefits/documents.data.js';
import { AIDS } from '../../src/modules/benefits/forms.data.js';

/** Every key of the locales that the benefits tables name, built or written out. */
function tableKeys(): Set<string> {
  const keys = new Set<string>();
  const conditions = (condition: Condition): string[] =>
    condition.kind === 'fact' ? [condition.fact] : condition.kind === 'childAge' ? [`age${condition.from}`] : condition.of.flatMap(conditions);
  for (const benefit of BENEFITS) {
    keys.add(ONLINE_SERVICES[benefit].name);
    for (const doc of DOCUMENTS[benefit]) {
      keys.add(doc.text);
      if (doc.when) conditions(doc.when).forEach((c) => keys.add(`documentConditions.${c}`));
    }
    for (const form of AIDS[benefit].forms) {
      keys.add(form.name);
      for (const section of form.sections) {
        keys.add(section.title);
        for (const field of section.fields) {
          keys.add(field.label);
          field.options?.forEach((option) => keys.add(option.label));
        }
      }
    }
    AIDS[benefit].hints.forEach((hint) => keys.add(hint.text));
  }
  return keys;
}

describe('the texts of the benefits tables', () => {
  it.each(['de', 'en'])('are all in the %s locale, and the locale holds no text the tables do not name', (lang) => {
    const keys = tableKeys();
    const resources = i18n().getResourceBundle(lang, 'translation') as Messages;
    const held = Object.keys(flatten(resources)).filter((key) => /^(documents|documentConditions|onlineServices|aidForms)\./.test(key));
    expect([...keys].filter((key) => !held.includes(key))).toEqual([]);
    expect(held.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('keep the wording they had in the code', () => {
    const t = i18n().getFixedT('de');
    expect(t('aidForms.fields.childTaxId')).toBe('Steuerliche Identifikationsnummer des Kindes');
    expect(t('aidForms.options.maritalStatus.separated')).toBe('dauernd getrennt lebend');
    expect(i18n().getFixedT('en')('documents.residence-permit-not-eu')).toBe('Residence permit (not EU/EEA/Switzerland)');
  });
});
