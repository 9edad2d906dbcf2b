import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { directionOf } from '../../lib/i18n.js';
import { PdfWriter } from '../../lib/pdf/writer.js';
import type { Authority } from '../benefits/authorities.repository.js';
import { type IsoDate, ONLINE_SERVICES } from '../benefits/benefits.js';
import { deadlineFor } from '../benefits/deadlines.js';
import type { AidDefinition, FormField, OfficialForm } from '../benefits/forms.data.js';
import { conditionHolds, documentChecklist } from '../benefits/rules.js';
import { type Answers, type Input, type Person, agesFit, familyOf, repeatName, singleName } from './aid.fields.js';
import { amountsSentence } from './aid.amounts.js';

export type AidPdfInput = {
  aid: AidDefinition;
  inputs: Input[];
  answers: Answers;
  counts: { children: number; adults: number };
  /** The family's language; German is always printed, another language beside it. */
  lang: string;
  translators: { de: TFunction; family: TFunction };
  today: IsoDate;
  organisationName: string;
  authority: Authority | undefined;
};

/**
 * The application aid: the official form's sections in order with the official German labels (and the family's
 * language), the answers given, AcroForm fields for what is still open, the deadline that matters, this family's
 * documents checklist and where to send it. It is built in memory and never stored.
 */
export async function aidPdf(input: AidPdfInput): Promise<Uint8Array> {
  const { aid, answers, lang } = input;
  const de = input.translators.de;
  const family = input.translators.family;
  const bilingual = lang !== 'de';
  /** The family's sentences are right to left in Arabic and Persian even when they start with a German term. */
  const dir = directionOf(lang) === 'rtl' ? 'rtl' : 'auto';
  /** A sentence of the locales in German, and in the family's language under it. */
  const say = (key: string, values: Record<string, unknown> = {}) => ({ de: de(key, values), other: bilingual ? family(key, values) : undefined });
  /** A text of the aids' tables (a key of the locales) in German, and in the family's language. */
  const both = (key: string) => ({ de: de(key), other: bilingual ? family(key) : undefined });
  const benefitName = say(`benefits.names.${aid.benefit}`);
  const title = de('aids.aid.title', { benefit: benefitName.de });
  const notOfficial = say('aids.aid.notOfficial');
  const pdf = await PdfWriter.create({
    title, lang: 'de',
    header: `${input.organisationName} · ${[notOfficial.de, notOfficial.other].filter(Boolean).join(' · ')}`,
  });
  const pair = (text: { de: string; other?: string | undefined }, options: { size?: number; bold?: boolean } = {}) => {
    pdf.text(text.de, { ...options, gapAfter: text.other ? 1 : 4 });
    if (text.other) pdf.text(text.other, { size: (options.size ?? 10) * 0.9, muted: true, dir });
  };

  pdf.heading(title, 1);
  if (bilingual) pdf.text(family('aids.aid.title', { benefit: benefitName.other }), { size: 12, muted: true, gapAfter: 6, dir });
  const formCodes = [...new Set(aid.forms.map((f) => f.code))].join(', ');
  pair(say('aids.aid.lead', { forms: formCodes, date: DateTime.fromISO(input.today).setLocale('de').toFormat('dd.MM.yyyy') }), { size: 9 });

  const { family: facts, children } = familyOf(input.inputs, answers, input.today, input.counts.children);
  pdf.heading(de('aids.aid.deadline'), 2);
  const deadline = deadlineFor(aid.benefit, input.today, facts, 'de');
  const deadlineOther = bilingual ? deadlineFor(aid.benefit, input.today, facts, lang) : undefined;
  pair({ de: de(deadline.key, deadline.values), other: deadlineOther ? family(deadlineOther.key, deadlineOther.values) : undefined }, { bold: true });
  const amounts = amountsSentence(aid.benefit, input.today);
  pair({ de: de(amounts.key, amounts.values), other: bilingual ? family(amounts.key, amounts.values) : undefined }, { size: 9 });

  const hints = aid.hints.filter((hint) => conditionHolds(hint.when, facts) === true);
  if (hints.length) {
    pdf.heading(de('aids.aid.hints'), 2);
    for (const hint of hints) {
      pdf.item(de(hint.text));
      if (bilingual) pdf.text(family(hint.text), { size: 9, muted: true, indent: 18, dir });
    }
  }

  for (const form of aid.forms) {
    if (!form.repeat) renderForm(pdf, form, (sectionId, field) => answers[singleName(sectionId, field.name)], both);
    else if (form.repeat === 'child') {
      for (const child of children.filter((c) => agesFit(form.childAges, c.age))) {
        renderForm(pdf, form, (_sectionId, field) => answers[repeatName('child', child.index, field.name)], both, child, de('aids.aid.child', { number: child.index + 1 }));
      }
    } else {
      for (let index = 0; index < input.counts.adults; index++) {
        renderForm(pdf, form, (_sectionId, field) => answers[repeatName('adult', index, field.name)], both, { index }, de('aids.aid.adult', { number: index + 1 }));
      }
    }
  }

  pdf.heading(de('aids.aid.documents'), 2);
  if (bilingual) pdf.text(family('aids.aid.documents'), { size: 10, muted: true, dir });
  const otherList = bilingual ? documentChecklist(aid.benefit, facts, lang) : [];
  for (const item of documentChecklist(aid.benefit, facts, 'de')) {
    pdf.item(item.text, 'box');
    const other = otherList.find((o) => o.id === item.id);
    if (other) pdf.text(other.text, { size: 8.5, muted: true, indent: 18, dir });
  }

  pdf.heading(de('aids.aid.whereTo'), 2);
  if (bilingual) pdf.text(family('aids.aid.whereTo'), { size: 10, muted: true, dir });
  const authority = input.authority;
  if (authority) {
    pdf.text(authority.name, { bold: true, gapAfter: 1 });
    if (authority.address) pdf.text(authority.address, { gapAfter: 2 });
    if (authority.openingHours) pdf.text(`${de('aids.aid.openingHours')}: ${authority.openingHours}`, { size: 9, gapAfter: 1 });
    const contact = [authority.phone && `${de('aids.aid.phone')} ${authority.phone}`, authority.email].filter(Boolean).join(' · ');
    if (contact) pdf.text(contact, { size: 9, gapAfter: 2 });
  } else {
    pair(say('aids.aid.noAuthority'));
  }
  const online = ONLINE_SERVICES[aid.benefit];
  const onlineUrl = authority?.onlineService || online.url;
  pair({ de: `${de('aids.aid.online')}: ${de(online.name)}${onlineUrl ? ` – ${onlineUrl}` : ''}`, ...(bilingual ? { other: `${family('aids.aid.online')}: ${family(online.name)}` } : {}) }, { size: 9 });

  return pdf.finish((page, total) => [de('aids.pdf.page', { page, total }), bilingual ? family('aids.pdf.page', { page, total }) : ''].filter(Boolean).join(' · '));
}

function renderForm(
  pdf: PdfWriter,
  form: OfficialForm,
  valueOf: (sectionId: string, field: FormField) => string | undefined,
  both: (key: string) => { de: string; other?: string | undefined },
  person?: Person,
  personLabel?: string,
) {
  const name = both(form.name);
  pdf.heading(`${form.code}: ${name.de}${personLabel ? ` · ${personLabel}` : ''}`, 2);
  if (name.other) pdf.text(name.other, { size: 9, muted: true });
  for (const section of form.sections) {
    if (person && !agesFit(section.childAges, person.age)) continue;
    const title = both(section.title);
    pdf.heading(title.other ? `${title.de} · ${title.other}` : title.de, 3);
    for (const field of section.fields) {
      const label = both(field.label);
      const fieldName = `${form.id}${person ? `.${person.index + 1}` : ''}.${section.id}.${field.name}`;
      pdf.answer(label.de, shown(field, valueOf(section.id, field), both), fieldName, label.other);
    }
  }
}

/** An answer as printed: dates as 31.12.2026, yes/no and choices by their labels, amounts in euros. */
function shown(field: FormField, value: string | undefined, both: (key: string) => { de: string; other?: string | undefined }) {
  if (!value) return undefined;
  const label = (key: string) => {
    const { de, other } = both(key);
    return other && other !== de ? `${de} (${other})` : de;
  };
  switch (field.type) {
    case 'date': return DateTime.fromISO(value).toFormat('dd.MM.yyyy');
    case 'amount': return `${Number(value).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
    case 'yesno': return label(value === 'yes' ? 'aids.form.yes' : 'aids.form.no');
    case 'choice': {
      const option = field.options?.find((o) => o.value === value);
      return option ? label(option.label) : value;
    }
    case 'taxId': return value.replace(/^(\d{2})(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3 $4');
    default: return value;
  }
}
