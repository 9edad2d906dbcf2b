import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import { parseForm } from '../lib/forms.js';
import { recordAudit } from '../modules/audit/audit.js';
import { hashPassword, passwordProblem, verifyNobody, verifyPassword } from '../modules/staff/passwords.js';
import { findPasswordHash, findStaffForLogin, normaliseEmail, setPasswordHash } from '../modules/staff/staff.repository.js';
import { endAllSessions, endSession, startSession } from '../modules/staff/staff.sessions.js';
import { loginForm, passwordForm } from '../modules/staff/staff.forms.js';
import { clientAddress } from '../plugins/security.js';
import { EVERYONE, staffBase, staffCookieName } from './staff-guard.js';

const FIFTEEN_MINUTES = 15 * 60_000;

type Options = { db: Db; clock: Clock; config: Config };

/** Login, logout and changing one's own password: the door of the staff area that the guard leads to. */
export default async function staffRoutes(scope: FastifyInstance, { db, clock, config }: Options) {
  const cookieName = staffCookieName(config);
  const cookieOptions = {
    path: '/', httpOnly: true, secure: config.secureCookies, sameSite: 'strict' as const,
  };

  scope.get('/login', { config: { public: true } }, async (request, reply) => {
    if (request.staff) return reply.redirect(staffBase(request), 303);
    const expired = (request.query as { expired?: string }).expired === '1';
    return reply.page('staff/login.eta', loginPage(request, { values: {}, expired }));
  });

  // Only failed sign-ins count: per address and e-mail address (guessing one password), and per address
  // alone (trying one password on many addresses). A 400 for an empty field is no guess and is free.
  const failed = (reply: FastifyReply) => reply.statusCode === 401;
  const emailOf = (request: FastifyRequest) => normaliseEmail(String((request.body as { email?: unknown })?.email ?? ''));
  scope.post('/login', {
    config: {
      public: true,
      limits: [
        {
          name: 'login', max: config.rateLimits.loginAttemptsPer15Minutes, windowMs: FIFTEEN_MINUTES, counts: failed,
          key: (request) => `${clientAddress(request)}|${emailOf(request)}`,
        },
        { name: 'login-address', max: config.rateLimits.loginAttemptsPerAddressPer15Minutes, windowMs: FIFTEEN_MINUTES, counts: failed },
      ],
    },
  }, async (request, reply) => {
    const form = parseForm(loginForm, request.body);
    const values = { email: String((request.body as { email?: unknown })?.email ?? '').slice(0, 254) };
    if (!form.ok) return reply.page('staff/login.eta', loginPage(request, { values, errors: form.errors }), 400);
    const account = await findStaffForLogin(db, request.organisation.id, form.data.email);
    const valid = account?.active
      ? await verifyPassword(account.passwordHash, form.data.password)
      : await verifyNobody(form.data.password);
    const now = clock();
    if (!valid) {
      await recordAudit(db, { organisationId: request.organisation.id, staffId: account?.id ?? null, action: 'login_failed', at: now });
      return reply.page('staff/login.eta', loginPage(request, { values, errors: { password: 'staff.login.errors.failed' } }), 401);
    }
    // A new session at every login; whatever the browser held before is ended.
    await endSession(db, request.cookies[cookieName]);
    const token = await startSession(db, account!.id, now);
    request.session.regenerate();
    await recordAudit(db, { organisationId: request.organisation.id, staffId: account!.id, action: 'login', at: now });
    reply.setCookie(cookieName, token, cookieOptions);
    return reply.redirect(staffBase(request), 303);
  });

  scope.post('/logout', { config: { roles: EVERYONE, beforePasswordChange: true } }, async (request, reply) => {
    await endSession(db, request.cookies[cookieName]);
    await recordAudit(db, { organisationId: request.organisation.id, staffId: request.staff.id, action: 'logout', at: clock() });
    reply.clearCookie(cookieName, cookieOptions);
    return reply.redirect(`${staffBase(request)}/login`, 303);
  });

  const passwordPage = (request: FastifyRequest, reply: FastifyReply, errors: Record<string, string> = {}, status = 200) =>
    reply.page('staff/password.eta', {
      title: request.t('staff.password.title'), action: request.url, values: {}, errors, firstPassword: request.staff.mustChangePassword,
    }, status);

  scope.get('/password', { config: { roles: EVERYONE, beforePasswordChange: true } }, async (request, reply) => passwordPage(request, reply));

  scope.post('/password', { config: { roles: EVERYONE, beforePasswordChange: true } }, async (request, reply) => {
    const form = parseForm(passwordForm, request.body);
    if (!form.ok) return passwordPage(request, reply, form.errors, 400);
    const passwordHash = await findPasswordHash(db, request.staff.id);
    if (!(await verifyPassword(passwordHash!, form.data.current))) return passwordPage(request, reply, { current: 'staff.password.errors.wrong' }, 400);
    if (form.data.password === form.data.current) return passwordPage(request, reply, { password: 'staff.password.errors.same' }, 400);
    const problem = await passwordProblem(form.data.password, {
      email: request.staff.email, name: request.staff.name,
      organisationName: request.organisation.name, organisationSlug: request.organisation.slug,
    });
    if (problem) return passwordPage(request, reply, { password: problem }, 400);
    await setPasswordHash(db, request.staff.id, await hashPassword(form.data.password), { oneTime: false });
    // Other browsers signed in with the old password are signed out; this one starts afresh.
    await endAllSessions(db, request.staff.id);
    reply.setCookie(cookieName, await startSession(db, request.staff.id, clock()), cookieOptions);
    return reply.page('staff/password-changed.eta', { title: request.t('staff.password.changed') });
  });
}

function loginPage(request: FastifyRequest, data: Record<string, unknown>) {
  return { title: request.t('staff.login.title'), action: request.url.split('?')[0], ...data };
}
