import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';

let database: Database;
let app: FastifyInstance;
let eventId: number;
let kindergeld: number;
const clock = testClock(BEFORE_EVENT);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  const org = await createOrganisation(database.db);
  eventId = (await createEvent(database.db, org)).event.id;
  kindergeld = org.topic('kindergeld').id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A browser that has answered everything up to the check page. */
async function atCheckPage(target: FastifyInstance) {
  const browser = new Browser(target);
  const base = `/de/wmk/events/${eventId}/book`;
  await browser.get(`${base}/topics`);
  await browser.post(`${base}/topics`, { topics: String(kindergeld) });
  await browser.follow();
  await browser.post(`${base}/time`, { itinerary: browser.html().querySelector('input[name="itinerary"]')!.getAttribute('value')! });
  await browser.post(`${base}/contact`, { name: 'A' });
  await browser.post(`${base}/needs`, { language: 'de', interpreter: 'none' });
  await browser.follow();
  return { browser, base };
}

describe('health', () => {
  it('answers 200 while the database answers, 503 when it does not', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const broken = await openTestDatabase();
    const brokenApp = await buildTestApp(broken, clock);
    await broken.close();
    const response = await brokenApp.inject('/healthz');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable' });
    await brokenApp.close();
  });
});

describe('unexpected errors', () => {
  it('show a translated 500 page without internals', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const failing = await buildApp({ config, database, clock });
    failing.get('/de/boom', async () => {
      throw new Error('secret internals: relation "bookings" at line 3');
    });
    const response = await failing.inject('/de/boom');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('Ein Fehler ist aufgetreten');
    expect(response.body).not.toContain('secret internals');
    await failing.close();
  });
});

describe('language', () => {
  it('sends / to the language the browser prefers and sets lang and dir', async () => {
    const response = await app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en');
    const page = await app.inject('/en/wmk');
    expect(page.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(page.body).toContain('href="/de/wmk"');
  });
});

describe('security headers', () => {
  it('sets a strict CSP, HSTS for a year, nosniff, no referrer and no-store on pages', async () => {
    const response = await app.inject('/de/wmk');
    const csp = String(response.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(String(response.headers['strict-transport-security'])).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(String(response.headers['strict-transport-security']))![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await app.inject('/de/nowhere')).headers['cache-control']).toBe('no-store');
  });

  it('sends the same full set of security headers on pages, errors, form posts and stylesheets', async () => {
    const page = await app.inject('/de/wmk');
    const expected = {
      'x-frame-options': 'SAMEORIGIN', 'x-content-type-options': 'nosniff', 'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin', 'origin-agent-cluster': '?1', 'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen', 'x-permitted-cross-domain-policies': 'none', 'x-xss-protection': '0', 'referrer-policy': 'no-referrer',
    };
    expect(page.headers).toMatchObject(expected);
    expect(page.headers['x-powered-by']).toBeUndefined();
    const href = /href="(\/assets\/kern\/kern\.min\.css\?v=[0-9a-f]+)"/.exec(page.body)![1]!;
    for (const response of [await app.inject('/de/nowhere'), await app.inject({ method: 'POST', url: '/de/wmk/events/1/book/topics', payload: {} }), await app.inject(href)]) {
      expect(response.headers).toMatchObject(expected);
      for (const name of ['content-security-policy', 'strict-transport-security']) expect(response.headers[name]).toBe(page.headers[name]);
    }
  });

  it('lets stylesheets be cached for a year, since their URL changes with their content', async () => {
    const page = await app.inject('/de/wmk');
    const href = /href="(\/assets\/kern\/kern\.min\.css\?v=[0-9a-f]+)"/.exec(page.body)![1]!;
    const css = await app.inject(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect((await app.inject('/assets/kern/../../package.json')).statusCode).toBe(404);
  });

  it('serves the stylesheets pre-compressed with brotli, so the first page with its stylesheets and icon stays well under 45 KB', async () => {
    const br = { 'accept-encoding': 'gzip, deflate, br' };
    const page = await app.inject({ url: '/de/wmk', headers: br });
    expect(page.headers['content-encoding']).toBe('br');
    const links = [...brotliDecompressSync(page.rawPayload).toString().matchAll(/href="(\/assets\/[^"]+\.css\?v=[0-9a-f]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    let transferred = page.rawPayload.length;
    for (const link of links) {
      const css = await app.inject({ url: link, headers: br });
      expect(css.headers['content-encoding'], link).toBe('br');
      expect(css.headers.vary).toBe('accept-encoding');
      expect(brotliDecompressSync(css.rawPayload).toString()).toContain('{');
      transferred += css.rawPayload.length;
      // Without brotli the same file, in gzip or plain.
      expect((await app.inject({ url: link, headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBe('gzip');
      expect((await app.inject({ url: link, headers: { 'accept-encoding': 'identity' } })).headers['content-encoding']).toBeUndefined();
    }
    const icon = await app.inject({ url: `/assets/favicon.svg?v=${app.assetVersion}`, headers: br });
    transferred += icon.rawPayload.length;
    // About 28 KB (the target is 45 KB); with brotli's on-the-fly quality KERN alone was 37 KB, 43 KB in all.
    expect(transferred).toBeLessThan(32 * 1024);
  });

  it('sets no cookie on pages without a form', async () => {
    for (const url of ['/de', '/de/wmk', `/de/wmk/events/${eventId}`, '/de/wmk/easy-read']) {
      expect((await app.inject(url)).headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('keeps the session cookie HttpOnly and SameSite, and __Host-/Secure behind HTTPS', async () => {
    const plain = await app.inject(`/de/wmk/events/${eventId}/book/topics`);
    const cookie = plain.cookies.find((c) => c.name === 'familientag')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const httpsApp = await buildTestApp(database, clock, { PUBLIC_URL: 'https://familientag.example' });
    const secure = await httpsApp.inject(`/de/wmk/events/${eventId}/book/topics`);
    const hostCookie = secure.cookies.find((c) => c.name === '__Host-familientag')!;
    expect(hostCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(hostCookie.domain).toBeUndefined();
    await httpsApp.close();
  });
});

describe('forms', () => {
  it('refuse every POST without a valid CSRF token with a translated 403 page, changing nothing', async () => {
    const { browser, base } = await atCheckPage(app);
    for (const step of ['topics', 'time', 'contact', 'needs', 'check']) {
      const response = await browser.post(`${base}/${step}`, { consent: 'yes' }, { csrf: false });
      expect(response.statusCode, step).toBe(403);
      expect(response.body).toContain('Die Sitzung ist abgelaufen');
    }
    const forged = await browser.post(`${base}/check`, { consent: 'yes', _csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'POST', url: `${base}/check`, payload: 'consent=yes', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(anonymous.statusCode).toBe(403);
  });

  it('answer an oversized form with a translated page, not a 500', async () => {
    const { browser, base } = await atCheckPage(app);
    const response = await browser.post(`${base}/contact`, { name: 'x'.repeat(40_000) });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Zu viele Daten');
  });

  it('treat a filled-in honeypot field as a bot and book nothing', async () => {
    const { browser, base } = await atCheckPage(app);
    const response = await browser.post(`${base}/check`, { consent: 'yes', website: 'http://spam.example' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${base}/check`);
  });
});

describe('rate limits', () => {
  it('limit guesses of private links', async () => {
    const limited = await buildTestApp(database, clock, { RATE_LIMIT_LOOKUPS_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.inject(`/de/wmk/booking/AAAAAAAAAAAAAAAAAAAAA${i}`)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    await limited.close();
  });
});

describe('page weight on a slow phone connection', () => {
  it('keeps the first page under 60 KB and a further page under 15 KB, compressed', async () => {
    const headers = { 'accept-encoding': 'br, gzip' };
    const first = await app.inject({ url: '/de/wmk', headers });
    expect(first.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(first.rawPayload).toString('utf8');
    const stylesheets = [...html.matchAll(/href="(\/assets\/[^"]+\.css\?v=[0-9a-f]+)"/g)].map((m) => m[1]!);
    expect(stylesheets).toHaveLength(2);
    let total = first.rawPayload.length;
    for (const href of stylesheets) {
      const css = await app.inject({ url: href, headers });
      expect(css.headers['content-encoding']).toMatch(/br|gzip/);
      total += css.rawPayload.length;
    }
    expect(total).toBeLessThan(60 * 1024);
    const next = await app.inject({ url: `/de/wmk/events/${eventId}`, headers });
    expect(next.rawPayload.length).toBeLessThan(15 * 1024);
  });
});
