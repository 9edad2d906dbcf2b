import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Config, TrustProxy } from './config.js';
import type { Database } from './db/client.js';
import { inArrivalOrder } from './db/request-order.js';
import { type Clock, systemClock } from './lib/clock.js';
import { isLanguage, languageFromHeader } from './lib/i18n.js';
import { requestSerializer } from './lib/logging.js';
import bookingRoutes from './modules/booking/booking.routes.js';
import manageRoutes from './modules/booking/manage.routes.js';
import eventsRoutes from './modules/events/events.routes.js';
import eventPagesRoutes from './modules/booking/event-pages.routes.js';
import legalRoutes from './modules/organisations/legal.routes.js';
import precheckRoutes from './modules/precheck/precheck.routes.js';
import organisationContext, { inBrowserLanguage } from './modules/organisations/organisation-context.js';
import { organisationDirectory } from './modules/organisations/organisations.directory.js';
import { listOrganisations } from './modules/organisations/organisations.repository.js';
import assets, { stylesheetRoutes } from './plugins/assets.js';
import { badUrlPage } from './plugins/bad-url.js';
import errors from './plugins/errors.js';
import forms from './plugins/forms.js';
import security from './plugins/security.js';
import { fastifySSE as sse } from '@fastify/sse';
import deskQueueRoutes from './modules/queue/desk-queue.routes.js';
import frontDeskRoutes from './modules/queue/frontdesk.routes.js';
import { liveUpdates } from './modules/queue/live.js';
import { closeStreamsOnShutdown } from './modules/queue/live.routes.js';
import publicQueueRoutes from './modules/queue/public.routes.js';
import staffLiveRoutes from './modules/queue/staff-live.routes.js';
import staffGuard, { type StaffRouteEntry } from './web/staff-guard.js';
import staffLoginRoutes from './web/staff-login.routes.js';
import staffHomeRoutes from './modules/queue/staff-home.routes.js';
import peopleRoutes from './modules/planning/people.routes.js';
import auditRoutes from './modules/planning/audit.routes.js';
import deskRoutes from './modules/planning/desks.routes.js';
import planningRoutes from './modules/planning/planning.routes.js';
import placesRoutes from './modules/planning/places.routes.js';
import settingsRoutes from './modules/planning/settings.routes.js';
import view from './plugins/view.js';
import intakeRoutes from './modules/intake/intake.routes.js';
import evaluationRoutes from './modules/evaluation/evaluation.routes.js';
import authoritiesRoutes from './modules/benefits/authorities.routes.js';
import bookingDocumentsRoutes from './modules/aids/booking-documents.routes.js';
import printRoutes from './modules/aids/print.routes.js';
import aidRoutes from './modules/aids/aid.routes.js';
import devMailRoutes, { writesMailFiles } from './modules/mail/dev-mail.routes.js';
import { type MailWorker, mailWorker } from './modules/mail/mail.worker.js';
import { familyMailTasks } from './modules/booking/family-mail.js';
import type { RetentionResult } from './modules/booking/retention.js';
import { createMailTransport } from './modules/mail/transport.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox worker; server.ts starts its timer, tests run single rounds. */
    mailWorker: MailWorker<RetentionResult>;
    /** Every staff route with the roles that may use it; the role-matrix test walks this list. */
    staffRoutes: StaffRouteEntry[];
  }
}

export type AppDependencies = {
  config: Config;
  database: Database;
  /** The time the app believes it is; tests pass a fixed one. */
  clock?: Clock;
  /** Where log lines go instead of stdout; tests read them. */
  logStream?: { write(line: string): void };
};

/**
 * Fastify ignores a bare hop count (it cannot tell a proxy from a client), so a count becomes "the nearest
 * n hops are proxies": right only when the server is reachable through those proxies alone.
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** Builds the whole application from its config and dependencies. It never listens: server.ts does. */
export async function buildApp({ config, database, clock = systemClock, logStream }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent'
      ? false
      : { level: config.logLevel, serializers: { req: requestSerializer }, ...(logStream ? { stream: logStream } : {}) },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 16_384,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 100 },
    frameworkErrors: badUrlPage,
  });
  const live = await liveUpdates(database);
  const organisations = await organisationDirectory(database);
  const transport = createMailTransport(config);
  const worker = mailWorker({ db: database.db, config, clock, transport, log: app.log, tasks: familyMailTasks(database.db, config) });
  app.decorate('mailWorker', worker);
  app.addHook('onClose', async () => {
    await worker.stop();
    transport.close();
  });
  app.addHook('onClose', async () => live.close());
  app.addHook('onClose', async () => organisations.close());
  // PGlite serves the requests that arrived first first (see request-order.ts).
  if (database.kind === 'pglite') {
    app.addHook('onRequest', (request, _reply, done) => inArrivalOrder(request, done));
    app.addHook('preValidation', (request, _reply, done) => inArrivalOrder(request, done));
  }
  const staffRoutesTable: StaffRouteEntry[] = [];
  app.decorate('staffRoutes', staffRoutesTable);
  const { db } = database;

  await app.register(security, { config, database });
  await app.register(forms, { config });
  await app.register(assets);
  await app.register(view, { config });
  await app.register(errors, { lookupsPerMinute: config.rateLimits.lookupsPerMinute });
  await app.register(stylesheetRoutes);
  await app.register(sse, { heartbeatInterval: 25_000 });
  closeStreamsOnShutdown(app);

  app.get('/healthz', async (_request, reply) => {
    try {
      await Promise.race([
        db.execute(sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return reply.type('application/json').send({ status: 'ok' });
    } catch {
      return reply.code(503).type('application/json').send({ status: 'unavailable' });
    }
  });

  // Browsers ask for /favicon.ico on their own (pages link the SVG); its URL cannot carry a version.
  app.get('/favicon.ico', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=31536000').sendFile('favicon.ico', { cacheControl: false }));

  app.get('/', async (request, reply) => reply.redirect(`/${languageFromHeader(request.headers['accept-language'])}`, 303));

  app.get('/:lang', async (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLanguage(lang)) return inBrowserLanguage(organisations, request, reply, lang);
    return reply.page('organisations/list.eta', { title: request.t('organisations.heading'), organisations: await listOrganisations(db) });
  });
  // Any other county address without its language; the first segment shares the router's node with /:lang, hence its name.
  app.get('/:lang/*', async (request, reply) => inBrowserLanguage(organisations, request, reply, (request.params as { lang: string }).lang));

  await app.register(async (scope) => {
    await scope.register(organisationContext, { organisations });
    await scope.register(eventPagesRoutes, { db, clock });
    await scope.register(eventsRoutes, { db, clock, publicUrl: config.publicUrl });
    await scope.register(legalRoutes);
    await scope.register(precheckRoutes, { db, clock });
    await scope.register(bookingRoutes, { db, clock, config, prefix: '/events/:eventId/book' });
    await scope.register(manageRoutes, { db, clock, config, prefix: '/booking/:token' });
    await scope.register(bookingDocumentsRoutes, { db, config });
    await scope.register(publicQueueRoutes, { db, clock, live, lookupsPerMinute: config.rateLimits.lookupsPerMinute });
    await scope.register(async (staffScope) => {
      await staffScope.register(staffGuard, { db, clock, config, registry: staffRoutesTable });
      await staffScope.register(staffLoginRoutes, { db, clock, config });
      await staffScope.register(staffHomeRoutes, { db, clock, config });
      await staffScope.register(frontDeskRoutes, { db, clock, config, live });
      await staffScope.register(deskQueueRoutes, { db, clock, live });
      await staffScope.register(staffLiveRoutes, { db, live });
      await staffScope.register(planningRoutes, { db, clock });
      await staffScope.register(deskRoutes, { db });
      await staffScope.register(placesRoutes, { db });
      await staffScope.register(peopleRoutes, { db, clock });
      await staffScope.register(auditRoutes, { db });
      await staffScope.register(settingsRoutes, { database });
      await staffScope.register(intakeRoutes, { db, clock });
      await staffScope.register(evaluationRoutes, { db, clock });
      await staffScope.register(authoritiesRoutes, { db });
      await staffScope.register(printRoutes, { db, clock, config });
      await staffScope.register(aidRoutes, { db, clock });
      if (transport.kind === 'files' && writesMailFiles(config)) await staffScope.register(devMailRoutes, { db, config });
    }, { prefix: '/staff' });
  }, { prefix: '/:lang/:org' });

  return app;
}
