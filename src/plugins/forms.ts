import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import secureSession from '@fastify/secure-session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { isTypedText } from '../lib/text.js';

/**
 * Form posts, the encrypted session cookie and CSRF tokens kept in it.
 * Only what an HTML form sends is parsed (application/x-www-form-urlencoded); JSON and every other
 * type answer 415, so handlers only ever see a plain object of strings and lists of strings.
 * Path segments and query strings holding controls, NUL or broken Unicode never reach a handler
 * (404 and 400): nobody types them, and PostgreSQL refuses NUL.
 * The session cookie is the family's only state before a booking exists: their answers stay
 * on their own phone, encrypted, until they confirm, and expire after two hours.
 * @see https://github.com/fastify/fastify-secure-session
 * @see https://github.com/fastify/csrf-protection
 */
export default fp(
  async (app: FastifyInstance, { config }: { config: Config }) => {
    app.removeAllContentTypeParsers();
    await app.register(formbody, { bodyLimit: 16_384 });
    app.addHook('preValidation', async (request) => {
      if (!onlyTypedText(request.params)) throw requestError(404, 'path holds characters nobody types');
      if (!onlyTypedText(request.query)) throw requestError(400, 'query holds characters nobody types');
      if (request.body === undefined && request.method === 'POST') request.body = {};
      else if (request.body !== undefined && !isFormBody(request.body)) throw requestError(400, 'body is not a form');
    });
    await app.register(secureSession, {
      key: config.sessionKey ?? sessionKeyFor(config),
      cookieName: config.secureCookies ? '__Host-familientag' : 'familientag',
      expiry: 2 * 60 * 60,
      cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies },
    });
    await app.register(csrf, { sessionPlugin: '@fastify/secure-session' });
    // Every state change is a POST, and every POST must carry the token of a page we rendered.
    app.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'forms' },
);

function onlyTypedText(values: unknown): boolean {
  if (values === undefined || values === null) return true;
  return Object.entries(values as Record<string, unknown>).every(([name, value]) =>
    isTypedText(name) && [value].flat().every((item) => typeof item === 'string' && isTypedText(item)));
}

/** What the form parser makes: field names to strings or lists of strings. */
function isFormBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  return Object.values(body).every((value) => typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')));
}

function requestError(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

/** Outside production a key is made once and kept under DATA_DIR, so restarts keep drafts valid. */
function sessionKeyFor(config: Config): Buffer {
  if (config.env === 'test') return randomBytes(32);
  const file = path.resolve(config.dataDir, 'session.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
