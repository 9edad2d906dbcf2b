import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { postedIds, postedValues, setFlash, takeFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { idParam } from '../../lib/params.js';
import { recordAudit } from '../audit/audit.js';
import { listTopics } from '../organisations/topics.repository.js';
import { confirmForm } from './planning.forms.js';
import { generatePassword, hashPassword } from '../staff/passwords.js';
import { staffBase } from '../../web/staff-guard.js';
import { personForm } from '../staff/staff.forms.js';
import { STAFF_ROLES, findStaff, insertStaff, listStaff, setPasswordHash, updateStaff } from '../staff/staff.repository.js';
import { endAllSessions } from '../staff/staff.sessions.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** A new one-time password, shown once on the person's page and then forgotten. */
    oneTimePassword: { staffId: number; password: string };
  }
}

const config = { roles: ['coordinator'] as const };
type Values = Record<string, string>;

/**
 * The coordinator's list of colleagues. New accounts and reset passwords get a generated one-time password
 * that is shown once; deactivating someone ends all their sessions at once.
 */
export default async function peopleRoutes(scope: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const peopleUrl = (request: FastifyRequest) => `${staffBase(request)}/people`;

  scope.get('/people', { config }, async (request, reply) => reply.page('staff/people.eta', {
    title: request.t('staff.people.title'), people: await listStaff(db, request.organisation.id), flash: takeFlash(request),
  }));

  scope.get('/people/new', { config }, async (request, reply) => personPage(request, reply, undefined, { role: 'desk', active: 'on' }, [], {}));

  scope.post('/people/new', { config }, async (request, reply) => {
    const values = postedValues(request.body);
    const topicIds = postedIds(request.body, 'topicIds');
    const form = parseForm(personForm, request.body);
    if (!form.ok) return personPage(request, reply, undefined, values, topicIds, form.errors, 400);
    if (!(await topicsOfOrganisation(request, form.data.topicIds))) return personPage(request, reply, undefined, values, topicIds, { topicIds: 'errors.field.invalid' }, 400);
    const password = generatePassword();
    try {
      const id = await db.transaction(async (tx) => {
        const created = await insertStaff(tx, { organisationId: request.organisation.id, ...form.data, passwordHash: await hashPassword(password), mustChangePassword: true });
        await recordAudit(tx, { organisationId: request.organisation.id, staffId: request.staff.id, action: 'staff_created', subjectType: 'staff', subjectId: created, at: clock() });
        return created;
      });
      request.session.set('oneTimePassword', { staffId: id, password });
      return reply.redirect(`${peopleUrl(request)}/${id}`, 303);
    } catch (error) {
      if (isUniqueViolation(error, 'staff_organisation_email_uq')) return personPage(request, reply, undefined, values, topicIds, { email: 'staff.people.errors.emailTaken' }, 409);
      throw error;
    }
  });

  scope.get('/people/:staffId', { config }, async (request, reply) => {
    const person = await findStaff(db, request.organisation.id, idParam(request.params, 'staffId'));
    if (!person) return reply.callNotFound();
    const shown = request.session.get('oneTimePassword');
    if (shown) request.session.set('oneTimePassword', undefined);
    const values = { name: person.name, email: person.email, role: person.role, active: person.active ? 'on' : '' };
    return personPage(request, reply, person.id, values, person.topicIds, {}, 200, shown?.staffId === person.id ? shown.password : undefined);
  });

  scope.post('/people/:staffId', { config }, async (request, reply) => {
    const person = await findStaff(db, request.organisation.id, idParam(request.params, 'staffId'));
    if (!person) return reply.callNotFound();
    // The e-mail address is the login name and stays as it was created.
    const values = { ...postedValues(request.body), email: person.email };
    const topicIds = postedIds(request.body, 'topicIds');
    const form = parseForm(personForm, values);
    const again = (errors: Values, status: number) => personPage(request, reply, person.id, values, topicIds, errors, status);
    if (!form.ok) return again(form.errors, 400);
    if (!(await topicsOfOrganisation(request, topicIds))) return again({ topicIds: 'errors.field.invalid' }, 400);
    const active = form.data.active ?? false;
    if (person.id === request.staff.id && (!active || form.data.role !== 'coordinator')) return again({ role: 'staff.people.errors.self' }, 409);
    await db.transaction(async (tx) => {
      await updateStaff(tx, request.organisation.id, person.id, { ...form.data, topicIds, active });
      // Whoever loses access or changes role starts afresh, with exactly the new rights.
      if (!active || form.data.role !== person.role) await endAllSessions(tx, person.id);
      await recordAudit(tx, { organisationId: request.organisation.id, staffId: request.staff.id, action: 'staff_changed', subjectType: 'staff', subjectId: person.id, at: clock() });
    });
    setFlash(request, 'staff.people.flash.saved', { name: form.data.name });
    return reply.redirect(peopleUrl(request), 303);
  });

  scope.post('/people/:staffId/password', { config }, async (request, reply) => {
    const person = await findStaff(db, request.organisation.id, idParam(request.params, 'staffId'));
    if (!person) return reply.callNotFound();
    const form = parseForm(confirmForm, request.body);
    const values = { name: person.name, email: person.email, role: person.role, active: person.active ? 'on' : '' };
    if (!form.ok) return personPage(request, reply, person.id, values, person.topicIds, { confirm: 'staff.people.errors.confirmReset' }, 400);
    const password = generatePassword();
    await db.transaction(async (tx) => {
      await setPasswordHash(tx, person.id, await hashPassword(password), { oneTime: true });
      await endAllSessions(tx, person.id);
      await recordAudit(tx, { organisationId: request.organisation.id, staffId: request.staff.id, action: 'staff_changed', subjectType: 'staff', subjectId: person.id, at: clock() });
    });
    request.session.set('oneTimePassword', { staffId: person.id, password });
    return reply.redirect(`${peopleUrl(request)}/${person.id}`, 303);
  });

  async function topicsOfOrganisation(request: FastifyRequest, topicIds: number[]) {
    const known = new Set((await listTopics(db, request.organisation.id)).map((t) => t.id));
    return topicIds.every((id) => known.has(id));
  }

  async function personPage(
    request: FastifyRequest, reply: FastifyReply, staffId: number | undefined, values: Values, topicIds: number[],
    errors: Values, status = 200, oneTimePassword?: string,
  ) {
    return reply.page('staff/person.eta', {
      title: request.t(staffId ? 'staff.people.edit' : 'staff.people.new'), staffId, values, topicIds, errors, oneTimePassword,
      roles: STAFF_ROLES, topics: await listTopics(db, request.organisation.id),
      action: `${peopleUrl(request)}/${staffId ?? 'new'}`,
    }, status);
  }
}
