import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';

let database: Database;
let eventId: number;
const opened: FastifyInstance[] = [];
async function app(env: Record<string, string>) {
  const built = await buildTestApp(database, testClock(BEFORE_EVENT), env);
  opened.push(built);
  return built;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const org = await createOrganisation(database.db);
  eventId = (await createEvent(database.db, org)).event.id;
});
afterAll(async () => {
  for (const built of opened) await built.close();
  await database?.close();
});

/** Three unknown links from `remoteAddress`, each claiming another client in X-Forwarded-For; limit 2 per minute. */
async function guesses(target: FastifyInstance, remoteAddress: string) {
  const statuses = [];
  for (let i = 0; i < 3; i++) {
    const response = await target.inject({
      url: `/de/wmk/booking/CCCCCCCCCCCCCCCCCCCCC${i}`, remoteAddress, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
}

describe('TRUST_PROXY', () => {
  it('accepts false, a hop count or a list of proxy addresses, and refuses true', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.2, 10.1.0.0/16,::1,loopback' }).trustProxy).toEqual(['10.0.0.2', '10.1.0.0/16', '::1', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/10\.0\.0\.300/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const limited = await app({ TRUST_PROXY: '10.0.0.2', RATE_LIMIT_LOOKUPS_PER_MINUTE: '2' });
    // A client that sends its own X-Forwarded-For is still counted by its real address.
    expect(await guesses(limited, '198.51.100.20')).toEqual([404, 404, 429]);
    // Behind the real proxy, each forwarded client has its own allowance.
    expect(await guesses(limited, '10.0.0.2')).toEqual([404, 404, 404]);
  });

  it('with a hop count, takes the client from the nearest proxy', async () => {
    const limited = await app({ TRUST_PROXY: '1', RATE_LIMIT_LOOKUPS_PER_MINUTE: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await limited.inject({
        url: `/de/wmk/booking/DDDDDDDDDDDDDDDDDDDDD${i}`, remoteAddress: '10.0.0.2',
        // The first entry is made up by the client; the proxy appended the real one.
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}, 198.51.100.30` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([404, 404, 429]);
  });
});

describe('form posts from another site', () => {
  const topicsUrl = () => `/de/wmk/events/${eventId}/book/topics`;

  async function postWith(headers: Record<string, string>) {
    const target = await app({});
    const browser = new Browser(target, headers);
    await browser.get(topicsUrl());
    return (await browser.post(topicsUrl(), { topics: 'x' })).statusCode;
  }

  it('are refused by Origin or Sec-Fetch-Site even with a valid CSRF token', async () => {
    expect(await postWith({ origin: 'https://evil.example' })).toBe(403);
    expect(await postWith({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await postWith({ origin: 'http://familientag.test', 'sec-fetch-site': 'cross-site' })).toBe(403);
  });

  it('pass from our own pages and from browsers that send neither header', async () => {
    // 303 back to the form: the form itself was read (and found wanting), nothing refused it.
    expect(await postWith({ origin: 'http://familientag.test', 'sec-fetch-site': 'same-origin' })).toBe(303);
    expect(await postWith({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(303);
    expect(await postWith({})).toBe(303);
  });
});
