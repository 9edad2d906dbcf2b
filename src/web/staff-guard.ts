import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import { type SignedInStaff, findSession } from '../modules/staff/staff.sessions.js';
import { STAFF_ROLES, type StaffRole } from '../modules/staff/staff.repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff: SignedInStaff;
  }
  interface FastifyContextConfig {
    /** Who may use a staff route. Every route under /staff must say, or declare itself public. */
    roles?: readonly StaffRole[];
    public?: boolean;
    /** Open to someone who still has to replace a one-time password (the password page, logout). */
    beforePasswordChange?: boolean;
  }
}

export type StaffRouteEntry = { method: string; url: string; roles: readonly StaffRole[] };

export const staffCookieName = (config: Config) => (config.secureCookies ? '__Host-familientag-staff' : 'familientag-staff');

export const EVERYONE: readonly StaffRole[] = STAFF_ROLES;

/**
 * Guards every route of the staff area: the right organisation and one of the route's roles, or no entry.
 * Anonymous visitors are sent to the login; a signed-in person of another organisation or role gets 403.
 * A route without `config.roles` stops the server at start, so no staff page can be left open by accident.
 */
export default fp(
  async (scope: FastifyInstance, options: { db: Db; clock: Clock; config: Config; registry: StaffRouteEntry[] }) => {
    const { db, clock, config, registry } = options;
    scope.decorateRequest('staff', null as unknown as SignedInStaff);

    scope.addHook('onRoute', (route) => {
      const routeConfig = route.config as { roles?: readonly StaffRole[]; public?: boolean } | undefined;
      if (routeConfig?.public) return;
      if (!routeConfig?.roles?.length) throw new Error(`Staff route ${route.method} ${route.url} declares no roles`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') registry.push({ method, url: route.url, roles: routeConfig.roles });
      }
    });

    scope.addHook('preHandler', async (request, reply) => {
      const routeConfig = request.routeOptions.config;
      const session = await findSession(db, request.cookies[staffCookieName(config)], clock());
      if (session.state === 'active' && session.staff.organisationId === request.organisation.id) {
        request.staff = session.staff;
        keepFormSessionAlive(request);
      }
      if (routeConfig.public) return;
      if (session.state !== 'active') return toLogin(request, reply, session.state === 'expired');
      if (session.staff.organisationId !== request.organisation.id) return forbidden();
      if (!routeConfig.roles?.includes(session.staff.role)) return forbidden();
      if (session.staff.mustChangePassword && !routeConfig.beforePasswordChange) {
        return reply.redirect(`${staffBase(request)}/password`, 303);
      }
    });
  },
  { name: 'staff-auth', dependencies: ['organisation-context'] },
);

/**
 * The encrypted cookie that holds the CSRF secret expires two hours after it was last written, but a staff
 * day lasts longer. While someone works, it is rewritten at most once a minute, so that a page left open
 * (the expert's queue, refreshed live) never turns its buttons into "session expired" mid-shift.
 * The cookie library keeps its own time in real seconds, so this uses the real clock too.
 */
function keepFormSessionAlive(request: FastifyRequest) {
  const writtenAt = Number(request.session.get('__ts' as never) ?? 0) * 1000;
  if (Date.now() - writtenAt > 60_000) request.session.touch();
}

function toLogin(request: FastifyRequest, reply: FastifyReply, expired: boolean) {
  const base = `/${request.lang}/${request.organisation.slug}/staff/login`;
  return reply.redirect(expired ? `${base}?expired=1` : base, 303);
}

function forbidden(): never {
  const error = new Error('forbidden') as Error & { statusCode: number };
  error.statusCode = 403;
  throw error;
}

export const staffBase = (request: FastifyRequest) => `/${request.lang}/${request.organisation.slug}/staff`;
