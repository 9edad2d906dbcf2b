import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { type CounterStore, counterStoreFor } from './rate-limit.store.js';

/**
 * A limit that only some responses use up: successful bookings, failed sign-ins, unknown links.
 * Each request takes one hit up front (so parallel requests cannot slip past the limit) and gives it
 * back when its response does not count.
 */
export type CountedLimit = {
  /** Names the counter; limits with the same name and key share it. */
  name: string;
  max: number;
  windowMs: number;
  /** Whether a finished response uses up the allowance. */
  counts: (reply: FastifyReply) => boolean;
  /** Whose allowance it is: the client address unless said otherwise. */
  key?: (request: FastifyRequest) => string;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    limits?: readonly CountedLimit[];
  }
}

const MINUTE = 60_000;

/** The client's address as the limits see it; IPv6 clients by their /64, as one household usually has one. */
export const clientAddress = (request: FastifyRequest) => normalizeIP(request.ip);

/** Look-ups of private links that find nothing, per address and minute (anti guessing). Found ones are free. */
export const missedLookups = (perMinute: number): CountedLimit => ({
  name: 'lookup', max: perMinute, windowMs: MINUTE, counts: (reply) => reply.statusCode === 404,
});

/**
 * Security headers, no caching of pages, the Origin check on form posts and the rate limiters
 * (routes opt in with config.limits, or config.rateLimit / app.rateLimit of @fastify/rate-limit).
 * @see https://github.com/fastify/fastify-helmet
 * @see https://github.com/fastify/fastify-rate-limit
 */
export default fp(
  async (app: FastifyInstance, { config, database }: { config: Config; database: Database }) => {
    const headers = securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      // Manage links carry a secret token: never send it on to another site.
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });

    // Pages can hold personal data: browsers and proxies must not keep them. Assets set their own.
    app.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });

    // After every onRequest hook (the language of the error page), before the body is read.
    app.addHook('preParsing', sameOriginPosts(config));

    const counters = counterStoreFor(database);
    await app.register(rateLimit, {
      global: false,
      store: rateLimitStore(counters),
      keyGenerator: clientAddress,
      errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl),
    });
    countedLimits(app, counters);
  },
  { name: 'security' },
);

/**
 * helmet's headers, worked out once: they are the same for every response (no per-request nonces), and
 * running helmet's middleware on each request costs more than the rest of a small page's headers.
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

function tooManyRequests(ttlMs: number) {
  return Object.assign(new Error('Too many requests'), { statusCode: 429, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) });
}

function countedLimits(app: FastifyInstance, counters: CounterStore) {
  const taken = new WeakMap<FastifyRequest, Array<{ limit: CountedLimit; key: string }>>();

  app.addHook('preHandler', async (request, reply) => {
    const limits = request.routeOptions.config?.limits;
    if (!limits?.length) return;
    const hits: Array<{ limit: CountedLimit; key: string }> = [];
    taken.set(request, hits);
    for (const limit of limits) {
      const key = `${limit.name}|${(limit.key ?? clientAddress)(request)}`;
      const count = await counters.increment(key, limit.windowMs);
      if (count.hits > limit.max) {
        await counters.decrement(key);
        const error = tooManyRequests(count.ttlMs);
        reply.header('retry-after', error.retryAfterSeconds);
        throw error;
      }
      hits.push({ limit, key });
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    for (const { limit, key } of taken.get(request) ?? []) {
      if (limit.counts(reply)) continue;
      try {
        await counters.decrement(key);
      } catch (error) {
        request.log.warn({ limit: limit.name, error: (error as Error).message }, 'rate limit hit not given back');
      }
    }
  });
}

/** @fastify/rate-limit's store interface over our counters; each limiter gets its own namespace. */
function rateLimitStore(counters: CounterStore) {
  type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
  type Params = { routeInfo?: { method?: string; url?: string }; max?: unknown; timeWindow?: unknown };
  const answer = (promise: Promise<{ hits: number; ttlMs: number }>, callback: Callback) => {
    promise.then(({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }), (error: Error) => callback(error));
  };
  class Store {
    private readonly namespace: string;
    // @fastify/rate-limit constructs the first store with its settings, children with a namespace.
    constructor(namespace?: unknown) {
      this.namespace = typeof namespace === 'string' ? namespace : 'limit';
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      answer(counters.increment(`${this.namespace}|${key}`, timeWindow), callback);
    }
    read(key: string, callback: Callback, timeWindow: number) {
      answer(counters.read(`${this.namespace}|${key}`, timeWindow), callback);
    }
    child(options: unknown) {
      const params = options as Params;
      const route = params.routeInfo?.url ? `${params.routeInfo.method} ${params.routeInfo.url}` : `${params.max}/${params.timeWindow}`;
      return new Store(`limit:${route}`);
    }
  }
  return Store;
}

/**
 * A second line behind the CSRF token: a form post from another site is refused outright. Browsers that
 * send neither header (old ones) still need the token. `Origin: null` is what browsers send for our own
 * forms under Referrer-Policy: no-referrer, so only a real foreign origin counts against a request.
 */
function sameOriginPosts(config: Config) {
  const publicOrigin = new URL(config.publicUrl).origin;
  return async (request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return payload;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const foreignSite = site === 'cross-site' || site === 'same-site';
    const foreignOrigin = origin !== undefined && origin !== 'null' && origin !== publicOrigin
      // Without PUBLIC_URL (development), the server may be reached as localhost or 127.0.0.1 alike.
      && !(!config.publicUrlFromEnv && origin === `${request.protocol}://${request.headers.host}`);
    if (foreignSite || foreignOrigin) {
      throw Object.assign(new Error('Cross-site form post'), { statusCode: 403 });
    }
    return payload;
  };
}
