import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAMILY_NAMESPACES, LANGUAGES, STAFF_LANGUAGES, readLocale } from './i18n.js';
import { type Gap, type Messages, flatten, localeGaps, unusedKeys } from './locale-check.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Keys the code builds from a value (`errors.${kind}.title`, a field's label from its name), which no source
 * names whole; `*` stands for one part of a key. The completeness test checks that each is really built.
 */
export const DYNAMIC_KEYS: readonly string[] = [
  'aidForms.fields.*', 'aidForms.sections.*', 'aidForms.options.*.*', 'documentConditions.*',
  'aids.flyer.formats.*', 'aids.form.hints.*', 'authorities.fields.*', 'benefits.names.*', 'booking.unavailable.*.*',
  'errors.*.title', 'errors.*.text', 'frontDesk.board.counts.*', 'frontDesk.errors.*', 'frontDesk.status.*',
  'intake.notices.*', 'intake.outcomes.*', 'intake.referrals.*', 'intake.heard.*', 'intake.languages.*', 'intake.ages.*',
  'intake.childrenCounts.*', 'intake.households.*', 'intake.first.*', 'legal.*.title', 'legal.privacy.*',
  'mail.*.subject', 'mail.*.intro', 'planning.errors.*', 'planning.event.noticeKinds.*', 'planning.event.noticeStatuses.*',
  'planning.rotation.weekdays.*', 'planning.rotation.weeks.*', 'queue.errors.*', 'queue.kind.*', 'queue.state.*',
  'queue.undo.*', 'settings.fields.*', 'settings.hints.*', 'staff.audit.actions.*', 'staff.audit.subjects.*',
  'staff.events.status.*', 'staff.roles.*', 'ticket.state.*',
  // precheck.rules gives keys relative to its namespace ("reason.kiz"), which precheck.result prefixes.
  'precheck.reason.*', 'precheck.precedence.*', 'precheck.urgent.*', 'precheck.note.*', 'precheck.notEnteredYet',
  'precheck.questions.*.heading', 'precheck.questions.*.hint', 'precheck.questions.*.summary',
  'precheck.questions.*.options.*', 'precheck.bands.*', 'precheck.summary.maintenance.*', 'precheck.amount.*.*',
];

/** Words that stay the same in every language (names of offices and forms, codes): one a line, # comments. */
function identicalTerms(): string[] {
  return readFileSync(path.join(root, 'locales/identical-terms.txt'), 'utf8')
    .split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
}

function sources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|eta|html|txt)$/.test(entry.name)) texts.push(readFileSync(full, 'utf8'));
    }
  };
  for (const dir of ['src', 'views', 'templates']) walk(path.join(root, dir));
  return texts.join('\n');
}

export type LocaleReport = { lang: string; present: boolean; gaps: Gap[] }[];

/**
 * Every gap of every locale file: English against German in every namespace; each family language in the
 * family namespaces, with its plural forms, placeholders and untranslated strings; and de.json's unused keys.
 */
export function localeReport(): LocaleReport {
  const de = readLocale('de')!;
  const en = readLocale('en')!;
  const allNamespaces = Object.keys(de);
  const report: LocaleReport = [{ lang: 'de', present: true, gaps: unusedKeys(de, sources(), DYNAMIC_KEYS) }];
  report.push({ lang: 'en', present: true, gaps: localeGaps(de, en, { lang: 'en', namespaces: allNamespaces }) });
  const enFlat = flatten(en);
  const allowed = identicalTerms();
  for (const lang of LANGUAGES.filter((l) => !(STAFF_LANGUAGES as readonly string[]).includes(l))) {
    const locale = readLocale(lang);
    report.push({
      lang, present: locale !== undefined,
      gaps: locale ? localeGaps(de, locale as Messages, { lang, namespaces: FAMILY_NAMESPACES, untranslated: { en: enFlat, allowed } }) : [],
    });
  }
  return report;
}
