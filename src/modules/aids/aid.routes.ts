import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { berlinDate } from '../../lib/dates.js';
import { postedValues } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { availableLanguages, isLanguage, nativeLanguageName, translatorFor } from '../../lib/i18n.js';
import { authorityFor } from '../benefits/authorities.repository.js';
import { BENEFITS, isBenefit } from '../benefits/benefits.js';
import { AIDS, type AidDefinition } from '../benefits/forms.data.js';
import { staffBase } from '../../web/staff-guard.js';
import {
  type Input, MAX_ADULTS, MAX_CHILDREN, aidSchema, countsOf, hasRepeat, inputsOf, repeatFields, repeatName,
} from './aid.fields.js';
import { inlineFile } from '../../lib/download.js';

const EXPERTS = ['coordinator', 'expert'] as const;

/**
 * The application aids at the expert's desk. The form is posted and answered with the PDF, inline; the answers
 * live only in that request. Nothing of them is stored (no database row, no session, no log line): a form with
 * errors, or with a child added, is shown again straight from the post rather than through the session.
 */
export default async function aidRoutes(scope: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const aidUrl = (request: FastifyRequest, benefit: string) => `${staffBase(request)}/aids/${benefit}`;

  // From the expert's queue: ?for=<topic key>… puts the desk's own aids first, ?lang= the family's language.
  scope.get('/aids', { config: { roles: EXPERTS } }, async (request, reply) => {
    const query = request.query as { for?: unknown; lang?: unknown };
    const wanted = new Set([query.for ?? []].flat().filter(isBenefit));
    const lang = isLanguage(query.lang) ? `?lang=${query.lang}` : '';
    const aid = (benefit: (typeof BENEFITS)[number]) => ({
      benefit, url: `${aidUrl(request, benefit)}${lang}`, forms: [...new Set(AIDS[benefit].forms.map((f) => f.code))].join(', '),
    });
    return reply.page('aids/index.eta', {
      title: request.t('aids.index.title'),
      deskAids: BENEFITS.filter((b) => wanted.has(b)).map(aid),
      aids: BENEFITS.filter((b) => !wanted.has(b)).map(aid),
    });
  });

  scope.get('/aids/:benefit', { config: { roles: EXPERTS } }, async (request, reply) => {
    const { benefit } = request.params as { benefit: string };
    if (!isBenefit(benefit)) return reply.callNotFound();
    const aid = AIDS[benefit];
    const wanted = (request.query as { lang?: unknown }).lang;
    const familyLang = isLanguage(wanted) ? wanted : request.lang;
    return formPage(request, reply, aid, countsOf({}, aid), { familyLang }, {}, 200);
  });

  // A large family's aid (eight children, four adults, every field filled) is more than the app's usual 16 KB.
  scope.post('/aids/:benefit', { config: { roles: EXPERTS }, bodyLimit: 65_536 }, async (request, reply) => {
    const { benefit } = request.params as { benefit: string };
    if (!isBenefit(benefit)) return reply.callNotFound();
    const aid = AIDS[benefit];
    const body = (request.body ?? {}) as Record<string, unknown>;
    const counts = countsOf(body, aid);
    let values = postedValues(body);
    const action = typeof body._action === 'string' ? body._action : 'pdf';
    const more = /^add-(child|adult)$/.exec(action);
    const fewer = /^remove-(child|adult)-(\d{1,2})$/.exec(action);
    if (more) {
      const group = more[1] as 'child' | 'adult';
      if (group === 'child') counts.children = Math.min(counts.children + 1, MAX_CHILDREN);
      else counts.adults = Math.min(counts.adults + 1, MAX_ADULTS);
      return formPage(request, reply, aid, counts, values, {}, 200, `${group === 'child' ? 'c' : 'a'}${(group === 'child' ? counts.children : counts.adults) - 1}`);
    }
    if (fewer) {
      const group = fewer[1] as 'child' | 'adult';
      const count = group === 'child' ? counts.children : counts.adults;
      values = withoutPerson(values, aid, group, Number(fewer[2]), count);
      if (group === 'child') counts.children = Math.max(counts.children - 1, 0);
      else counts.adults = Math.max(counts.adults - 1, 0);
      return formPage(request, reply, aid, counts, values, {}, 200);
    }
    const familyLang = isLanguage(values.familyLang) ? values.familyLang : 'de';
    const inputs = inputsOf(aid, counts);
    const form = parseForm(aidSchema(inputs), body);
    if (!form.ok) return formPage(request, reply, aid, counts, values, form.errors, 400);
    const { aidPdf } = await import('./aid.pdf.js'); // pdf-lib loads at the first PDF, not at start
    const pdf = await aidPdf({
      aid, inputs, answers: form.data as Record<string, string>, counts, lang: familyLang,
      translators: { de: translatorFor('de'), family: translatorFor(familyLang) },
      today: berlinDate(clock()), organisationName: request.organisation.name,
      authority: await authorityFor(db, request.organisation.id, benefit),
    });
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', inlineFile(`ausfuellhilfe-${benefit}.pdf`))
      .send(Buffer.from(pdf));
  });

  function formPage(
    request: FastifyRequest, reply: FastifyReply, aid: AidDefinition, counts: { children: number; adults: number },
    values: Record<string, string>, errors: Record<string, string>, status: number, focus?: string,
  ) {
    const inputs = inputsOf(aid, counts);
    const labelOf = (input: Input) => {
      const label = request.t(input.field.label);
      const person = input.group === 'child' ? request.t('aids.aid.child', { number: input.index + 1 })
        : input.group === 'adult' ? request.t('aids.aid.adult', { number: input.index + 1 }) : request.t(input.sectionTitle!);
      return `${person}: ${label}`;
    };
    const summary = inputs.filter((i) => errors[i.name]).map((i) => ({ name: i.name, text: `${labelOf(i)} – ${request.t(errors[i.name]!)}` }));
    const group = (kind: 'child' | 'adult', count: number) => Array.from({ length: count }, (_, index) => ({
      index, inputs: repeatFields(aid, kind).map((field) => ({ name: repeatName(kind, index, field.name), field })),
    }));
    return reply.page('aids/aid.eta', {
      title: request.t('aids.aid.pageTitle', { benefit: request.t(`benefits.names.${aid.benefit}`) }),
      benefit: aid.benefit,
      mainForms: aid.forms.filter((f) => !f.repeat).map((form) => ({
        code: form.code, name: request.t(form.name),
        sections: form.sections.map((section) => ({
          title: request.t(section.title),
          inputs: section.fields.map((field) => ({ name: `${section.id}_${field.name}`, field })),
        })),
      })),
      childForms: aid.forms.filter((f) => f.repeat === 'child').map((f) => f.code),
      adultForms: aid.forms.filter((f) => f.repeat === 'adult').map((f) => f.code),
      children: hasRepeat(aid, 'child') ? group('child', counts.children) : undefined,
      adults: hasRepeat(aid, 'adult') ? group('adult', counts.adults) : undefined,
      counts, maxChildren: MAX_CHILDREN, maxAdults: MAX_ADULTS,
      languages: availableLanguages().map((code) => ({ code, label: nativeLanguageName(code) })),
      values, errors, summary, focus,
      action: aidUrl(request, aid.benefit),
      backUrl: `${staffBase(request)}/aids`,
    }, status);
  }
}

/** The answers after taking person `removed` out of a group: the ones after it move up by one. */
function withoutPerson(values: Record<string, string>, aid: AidDefinition, group: 'child' | 'adult', removed: number, count: number) {
  const kept = { ...values };
  const fields = repeatFields(aid, group).map((f) => f.name);
  for (let index = removed; index < count; index++) {
    for (const field of fields) {
      const next = values[repeatName(group, index + 1, field)];
      if (next === undefined || index + 1 >= count) delete kept[repeatName(group, index, field)];
      else kept[repeatName(group, index, field)] = next;
    }
  }
  return kept;
}
