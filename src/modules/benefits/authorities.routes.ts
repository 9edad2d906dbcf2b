import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { postedValues, setFlash, takeFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { textField } from '../../lib/text.js';
import { type AuthorityFields, authoritiesOf, saveAuthority } from './authorities.repository.js';
import { BENEFITS } from './benefits.js';

const config = { roles: ['coordinator'] as const };
const FIELDS = ['name', 'address', 'openingHours', 'phone', 'email', 'onlineService'] as const;

const email = textField(254).refine((value) => value === '' || z.email().safeParse(value).success, 'authorities.errors.email');
const lines = (max: number) => textField(max, { multiline: true }).transform((value) => value.replace(/\r\n?/g, '\n'));
const onlineService = textField(300).refine((value) => value === '' || /^https:\/\/[^\s]+$/.test(value), 'authorities.errors.url');

/** One fieldset per benefit; posted as name_kindergeld, address_kindergeld, … */
const authoritiesForm = z.object(Object.fromEntries(BENEFITS.flatMap((benefit) => [
  [`name_${benefit}`, textField(160).optional().default('')],
  [`address_${benefit}`, lines(300).optional().default('')],
  [`openingHours_${benefit}`, lines(300).optional().default('')],
  [`phone_${benefit}`, textField(40).optional().default('')],
  [`email_${benefit}`, email.optional().default('')],
  [`onlineService_${benefit}`, onlineService.optional().default('')],
])));

/**
 * The county's authorities per benefit (Familienkasse, Wohngeldbehörde, Jobcenter …): what the aids print under
 * "where to send it". Organisation data, kept by the county's coordinators.
 */
export default async function authoritiesRoutes(scope: FastifyInstance, { db }: { db: Db }) {
  const url = (request: FastifyRequest) => `/${request.lang}/${request.organisation.slug}/staff/authorities`;

  scope.get('/authorities', { config }, async (request, reply) => {
    const saved = await authoritiesOf(db, request.organisation.id);
    const values = Object.fromEntries(BENEFITS.flatMap((benefit) => FIELDS.map((field) => [`${field}_${benefit}`, saved.get(benefit)?.[field] ?? ''])));
    return page(request, reply, values, {}, 200, takeFlash(request));
  });

  scope.post('/authorities', { config }, async (request, reply) => {
    const form = parseForm(authoritiesForm, request.body);
    if (!form.ok) return page(request, reply, postedValues(request.body), form.errors, 400);
    const data = form.data as Record<string, string>;
    await db.transaction(async (tx) => {
      for (const benefit of BENEFITS) {
        const fields = Object.fromEntries(FIELDS.map((field) => [field, data[`${field}_${benefit}`] ?? ''])) as AuthorityFields;
        await saveAuthority(tx, request.organisation.id, benefit, fields);
      }
    });
    setFlash(request, 'authorities.saved');
    return reply.redirect(url(request), 303);
  });

  function page(
    request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, status: number, flash?: unknown,
  ) {
    return reply.page('benefits/authorities.eta', {
      title: request.t('authorities.title'), values, errors, flash, benefits: BENEFITS, fields: FIELDS, action: url(request),
    }, status);
  }
}
