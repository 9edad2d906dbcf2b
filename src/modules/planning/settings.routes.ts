import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { postedValues, setFlash, takeFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { textField } from '../../lib/text.js';
import { staffBase } from '../../web/staff-guard.js';
import { organisationsChanged } from '../organisations/organisations.directory.js';
import { updateOrganisationSettings } from '../organisations/organisations.repository.js';

const config = { roles: ['coordinator'] as const };
const optionalLine = (max: number) => textField(max).transform((value) => value || null);
const whole = (min: number, max: number, message: string) => z.coerce.number().int(message).min(min, message).max(max, message);

const settingsForm = z.object({
  contactPhone: optionalLine(40),
  contactEmail: textField(254)
    .refine((value) => value === '' || z.email().safeParse(value).success, 'settings.errors.email')
    .transform((value) => value || null),
  postalAddress: optionalLine(200),
  representedBy: optionalLine(120),
  dataProtectionContact: optionalLine(200),
  bookingOpensDaysBefore: whole(1, 365, 'settings.errors.opensDays'),
  bookingClosesHoursBefore: whole(0, 168, 'settings.errors.closesHours'),
  reminderHoursBefore: whole(1, 336, 'settings.errors.reminderHours'),
  retentionDays: whole(1, 90, 'settings.errors.retentionDays'),
  callsBeforeNoShow: whole(1, 10, 'settings.errors.calls'),
});

const FIELDS = Object.keys(settingsForm.shape) as Array<keyof typeof settingsForm.shape>;

/**
 * The organisation's own settings: contact and legal details shown on the privacy notice, imprint and
 * accessibility statement, and the rules of the day (booking window, reminders, deletion, no-show).
 */
export default async function settingsRoutes(scope: FastifyInstance, { database }: { database: Database }) {
  scope.get('/settings', { config }, async (request, reply) => {
    const values = Object.fromEntries(FIELDS.map((field) => [field, String(request.organisation[field] ?? '')]));
    return settingsPage(request, reply, values, {}, 200, takeFlash(request));
  });

  scope.post('/settings', { config }, async (request, reply) => {
    const form = parseForm(settingsForm, request.body);
    if (!form.ok) return settingsPage(request, reply, postedValues(request.body), form.errors, 400);
    await updateOrganisationSettings(database.db, request.organisation.id, form.data);
    await organisationsChanged(database);
    setFlash(request, 'settings.saved');
    return reply.redirect(`${staffBase(request)}/settings`, 303);
  });

  function settingsPage(
    request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, status = 200, flash?: unknown,
  ) {
    return reply.page('staff/settings.eta', {
      title: request.t('settings.title'), values, errors, flash, fields: FIELDS, action: `${staffBase(request)}/settings`,
    }, status);
  }
}
