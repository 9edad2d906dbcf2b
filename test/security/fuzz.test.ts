import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { checkIn } from '../../src/modules/queue/checkin.service.js';
import { visits } from '../../src/modules/queue/queue.table.js';
import type { StaffRole } from '../../src/modules/staff/staff.table.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, assignExpert, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

/**
 * Every registered route × hostile values in every path parameter, query and form field, plus bodies no form
 * sends. Nothing may answer 5xx or write an error or a stack trace to the log. Deterministic: the values each
 * field gets are drawn from a seeded generator, so a failure reproduces.
 */

/** Values as they travel on the wire (already URL-encoded): NUL, broken UTF-8, huge numbers, controls… */
const ALWAYS = ['%00', 'a%00b', '%ED%A0%80', '2147483648', '%E2%80%AE', 'a%0D%0Ab', 'x'.repeat(10_000)];
const SOMETIMES = [
  '-1', '0', '1e309', '9'.repeat(30), '1.5', '0x10', 'NaN', '..%2F..%2Fetc%2Fpasswd', '..', '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%C2%85', '%7F', '%01', '%09', '%E2%81%A6', '%E2%80%8F', '%FF%FE', '%C0%AF', '%ED%B0%80x', '%F0%9F%98%80', '%25', '%', '%%zz',
  '+', '', '%20%20', 'null', '__proto__', 'constructor', "'%20OR%201%3D1--", '%5B%5D', '%7B%7D', '2147483647', '99999999999',
];
const PATH_VALUES = ['%00', '%ED%A0%80', '2147483648'];
const PATH_SOMETIMES = ['%FF', '-1', '0', '1e309', '..%2F..', '%E2%80%AE', 'a%0D%0Ab', 'x'.repeat(300), '%25', '%C2%85'];
const QUERY_NAMES = ['q', 'change', 'past', 'refresh', 'expired', 'confirmed', 'rescheduled', 'cancelled', '%00', 'x[y]'];

/** mulberry32: small, seeded, good enough to pick test values. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(20261121);
const pick = <T>(values: T[], count: number) => [...values].sort(() => random() - 0.5).slice(0, count);
const some = (count: number) => pick(SOMETIMES, count);

const encode = (fields: Array<[string, string]>) => fields.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');

/** A browser without JavaScript that can also send what no browser sends. */
class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async send(method: string, url: string, body?: { payload: string; type?: string; csrfHeader?: boolean }): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    const headers: Record<string, string> = { accept: 'text/html' };
    if (cookie) headers.cookie = cookie;
    if (body?.type) headers['content-type'] = body.type;
    if (body?.csrfHeader) headers['x-csrf-token'] = this.csrf;
    const response = await this.app.inject({ method: method as 'GET', url, headers, ...(body ? { payload: body.payload } : {}) });
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  form(url: string, fields: Array<[string, string]>) {
    return this.send('POST', url, { payload: encode([['_csrf', encodeURIComponent(this.csrf)], ...fields]), type: 'application/x-www-form-urlencoded' });
  }
}

type Route = { method: 'GET' | 'POST'; url: string };

/** The route table as fastify prints it, flattened to full paths. */
function routesOf(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[└├]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const url = stack.join('');
    for (const method of match[3]!.split(', ')) if (method === 'GET' || method === 'POST') routes.push({ method, url });
  }
  return routes;
}

type Fields = Array<[string, string]>;

/** The post forms of a page, with the values a person who changed nothing would send. */
function formsOf(html: string): Map<string, Fields> {
  const forms = new Map<string, Fields>();
  for (const form of parse(html).querySelectorAll('form')) {
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = (form.getAttribute('action') ?? '').split('?')[0]!;
    const fields: Fields = [];
    const seen = new Set<string>();
    for (const field of form.querySelectorAll('input, select, textarea')) {
      const name = field.getAttribute('name');
      if (!name || name === '_csrf') continue;
      const type = field.getAttribute('type') ?? '';
      let value: string | undefined;
      if (field.tagName === 'SELECT') {
        const options = field.querySelectorAll('option');
        value = (options.find((o) => o.hasAttribute('selected')) ?? options[0])?.getAttribute('value') ?? '';
      } else if (field.tagName === 'TEXTAREA') value = field.text;
      else if (type === 'checkbox' || type === 'radio') {
        if (field.hasAttribute('checked') || (type === 'radio' && !seen.has(name))) value = field.getAttribute('value') ?? 'on';
      } else value = field.getAttribute('value') ?? '';
      if (value === undefined) continue;
      if (type === 'radio') { if (seen.has(name)) { if (field.hasAttribute('checked')) fields.splice(fields.findIndex(([n]) => n === name), 1, [name, encodeURIComponent(value)]); continue; } }
      seen.add(name);
      fields.push([name, encodeURIComponent(value)]);
    }
    forms.set(action, [...(forms.get(action) ?? []), ...fields.filter(([n]) => !forms.get(action)?.some(([m]) => m === n))]);
  }
  return forms;
}

const context = {} as { app: FastifyInstance; database: Database & { target: string } };
const logLines: string[] = [];
const params: Record<string, string> = {};
const spare: Record<string, string> = {};
const clients = new Map<'anonymous' | StaffRole, Client>();

beforeAll(async () => {
  const clock = testClock('2027-03-10T12:50:00Z');
  context.database = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'info', PUBLIC_URL: 'http://familientag.test', RATE_LIMIT_BOOKINGS_PER_HOUR: '100000',
    RATE_LIMIT_LOOKUPS_PER_MINUTE: '100000', LOGIN_ATTEMPTS_PER_15_MINUTES: '100000',
  });
  context.app = await buildApp({ config, database: context.database, clock, logStream: { write: (line) => void logLines.push(line) } });
  await context.app.ready();

  const db = context.database.db;
  const org = await createOrganisation(db, 'wmk');
  // Today's event for the queue, a later one for booking, and a spare one to cancel, move and strip of desks.
  const today = await createEvent(db, org);
  const later = await createEvent(db, org, { localDate: '2027-04-14' });
  const throwaway = await createEvent(db, org, { localDate: '2027-05-12' });
  const [slot, second] = await slotsOfDesk(db, today.deskIds[0]!);
  const booking = await createBooking(db, org, today.event, [{ topicKey: 'kindergeld', slotId: slot!.id }]);
  const spareBooking = await createBooking(db, org, today.event, [{ topicKey: 'kindergeld', slotId: second!.id }]);
  const ids: Partial<Record<StaffRole, number>> = {};
  for (const role of ['coordinator', 'desk', 'expert'] as const) ids[role] = (await createStaff(db, org, role)).id;
  const victim = await createStaff(db, org, 'desk', { email: 'victim@wmk.example' });
  await assignExpert(db, today.deskIds[0]!, ids.expert!);
  const ticket = await checkIn(db, { organisationId: org.organisation.id, staffId: ids.desk!, eventId: today.event.id, bookingId: booking.bookingId, now: new Date(BEFORE_EVENT) });
  if (ticket.alreadyCheckedIn) throw new Error('fixture already checked in');
  const [visit] = await db.select().from(visits);
  Object.assign(params, {
    lang: 'de', org: 'wmk', eventId: String(today.event.id), deskId: String(today.deskIds[0]), bookingId: String(booking.bookingId),
    ticketId: String(ticket.ticketId), visitId: String(visit!.id), venueId: String(org.venue.id), topicId: String(org.topic('kindergeld').id),
    staffId: String(victim.id), token: booking.manageToken, name: 'none.eml', '*': 'styles.css',
  });
  Object.assign(spare, {
    bookEventId: String(later.event.id), eventId: String(throwaway.event.id), deskId: String(throwaway.deskIds[0]), token: spareBooking.manageToken,
  });

  const app = context.app;
  const anonymous = new Client(app);
  clients.set('anonymous', anonymous);
  for (const role of ['coordinator', 'desk', 'expert'] as const) {
    const client = new Client(app);
    await client.send('GET', '/de/wmk/staff/login');
    const response = await client.form('/de/wmk/staff/login', [['email', encodeURIComponent(`${role}@wmk.example`)], ['password', encodeURIComponent(STAFF_PASSWORD)]]);
    if (response.statusCode !== 303) throw new Error(`sign-in of ${role}: ${response.statusCode}`);
    await client.send('GET', '/de/wmk/staff');
    clients.set(role, client);
  }
  // The family answers every question once, so that each step of the flow is reachable.
  const book = `/de/wmk/events/${later.event.id}/book`;
  await anonymous.send('GET', `${book}/topics`);
  await anonymous.form(`${book}/topics`, [['topics', String(org.topic('kindergeld').id)]]);
  const time = await anonymous.send('GET', `${book}/time`);
  const itinerary = parse(time.body).querySelector('input[name="itinerary"]')?.getAttribute('value');
  await anonymous.form(`${book}/time`, [['itinerary', itinerary ?? '']]);
  await anonymous.form(`${book}/contact`, [['name', 'Anna']]);
  const needs = await anonymous.form(`${book}/needs`, [['language', 'de'], ['interpreter', 'none']]);
  if (needs.headers.location !== `${book}/check`) throw new Error(`booking flow fixture stopped at ${String(needs.headers.location)}`);
}, 120_000);

afterAll(async () => {
  await context.app?.close();
  await context.database?.close();
});

/** Destructive routes act on the spare event and booking; the booking flow needs an open event. */
function paramsFor(url: string): Record<string, string> {
  const values = { ...params };
  if (url.includes('/book/')) values.eventId = spare.bookEventId!;
  if (/\/staff\/events\/:eventId\/(cancel|move|desks\/:deskId\/delete)$/.test(url)) Object.assign(values, { eventId: spare.eventId, deskId: spare.deskId });
  if (/\/booking\/:token\/(cancel|delete)$/.test(url)) values.token = spare.token!;
  return values;
}

const fill = (url: string, values: Record<string, string>) =>
  url.replace(/:(\w+)|\*/g, (whole, name?: string) => encodeURIComponent(values[name ?? '*'] ?? 'missing')).replace(/^\/\//, '/');

function clientFor(app: FastifyInstance, url: string, method: string): Client {
  const entry = app.staffRoutes.find((r) => r.url === url && r.method === method);
  const role = (['coordinator', 'desk', 'expert'] as const).find((r) => entry?.roles.includes(r));
  return clients.get(role ?? 'anonymous')!;
}

/** Live streams stay open; only requests that never reach their handler are sent there. */
const isStream = (url: string) => url.endsWith('/live');

describe('fuzzing every route with hostile input', () => {
  it('never answers 5xx and never logs an error or a stack trace', async () => {
    const app = context.app;
    const routes = routesOf(app);
    expect(routes.length).toBeGreaterThan(60);
    // Signing out and cancelling come last.
    routes.sort((a, b) => Number(/logout|cancel|delete/.test(a.url)) - Number(/logout|cancel|delete/.test(b.url)));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const check = (label: string, response: LightMyRequestResponse) => {
      sent += 1;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) failures.push(`${response.statusCode} ${label.slice(0, 300)}`);
    };

    // 1. Every page as its user sees it; their forms give the fields and the values nobody changed.
    const forms = new Map<string, Fields>();
    for (const route of routes.filter((r) => r.method === 'GET' && !isStream(r.url))) {
      const url = fill(route.url, paramsFor(route.url));
      const response = await clientFor(app, route.url, 'GET').send('GET', url);
      check(`GET ${url}`, response);
      if (response.headers['content-type']?.toString().startsWith('text/html')) {
        for (const [action, fields] of formsOf(response.body)) if (!forms.has(action)) forms.set(action, fields);
      }
    }

    for (const route of routes) {
      const client = clientFor(app, route.url, route.method);
      const values = paramsFor(route.url);
      const url = fill(route.url, values);
      const send = (target: string, body?: { payload: string; type?: string }) =>
        route.method === 'GET' ? client.send('GET', target) : client.send('POST', target, body ?? { payload: encode([['_csrf', encodeURIComponent(client.csrf)]]), type: 'application/x-www-form-urlencoded' });

      // 2. Hostile path parameters (the raw value goes into the path as it is).
      const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
      for (const name of names) {
        // Language and organisation lead every path: fewer values each there, the rest is the same code.
        const common = name === 'lang' || name === 'org';
        for (const value of common ? [PATH_VALUES[0]!, ...pick([...PATH_VALUES.slice(1), ...PATH_SOMETIMES], 1)] : [...PATH_VALUES, ...pick(PATH_SOMETIMES, 2)]) {
          const target = route.url.replace(/:(\w+)|\*/g, (whole, other?: string) => ((other ?? '*') === name ? value : encodeURIComponent(values[other ?? '*']!)));
          check(`${route.method} ${target}`, await send(target));
        }
      }
      // Cookies and headers nobody's browser sends.
      const hostileHeaders = {
        cookie: `familientag=%00; familientag-staff=a%00b; __Host-familientag-staff=${'x'.repeat(5000)}`,
        'accept-language': '\u0000;q=NaN,de;q=1e309', accept: 'text/html',
      };
      const cookieTarget = isStream(route.url) ? `${url}?q=%00` : url;
      check(`${route.method} ${cookieTarget} with hostile cookies`, await app.inject({ method: route.method, url: cookieTarget, headers: hostileHeaders }));
      if (isStream(route.url)) {
        check(`GET ${url}?refresh=%00`, await send(`${url}?refresh=%00`));
        continue;
      }

      // 3. Hostile query strings, and lists where one value is expected.
      for (const name of route.method === 'GET' ? ['q', ...pick(QUERY_NAMES.slice(1), 1)] : pick(QUERY_NAMES, 1)) {
        for (const value of [...ALWAYS.slice(0, 3), ...some(1)]) check(`${route.method} ${url}?${name}=${value}`, await send(`${url}?${name}=${value}`));
        check(`${route.method} ${url}?${name}=1&${name}=2`, await send(`${url}?${name}=1&${name}=2`));
      }
      if (route.method !== 'POST') continue;

      // 4. Every form field with hostile values, the rest as the page had them.
      const baseline = forms.get(url) ?? [];
      const fieldNames = [...new Set(['_csrf', ...baseline.map(([name]) => name), 'x'])];
      const post = (fields: Fields) => client.send('POST', url, {
        payload: encode(fields.some(([n]) => n === '_csrf') ? fields : [['_csrf', encodeURIComponent(client.csrf)], ...fields]),
        type: 'application/x-www-form-urlencoded',
      });
      for (const name of fieldNames) {
        for (const value of [...ALWAYS.slice(0, 3), ...pick(ALWAYS.slice(3), 2), ...some(2)]) {
          const fields: Fields = [...baseline.filter(([n]) => n !== name), [name, value]];
          check(`POST ${url} ${name}=${value.slice(0, 40)}`, await post(fields));
        }
        // A list where one value is expected, and a field name nobody types.
        check(`POST ${url} ${name} twice`, await post([...baseline, [name, 'a'], [name, 'b']]));
      }
      check(`POST ${url} NUL name`, await post([...baseline, ['\u0000', '1']]));
      check(`POST ${url} bracket name`, await post([...baseline, ['a[b]', '1'], ['__proto__', 'x']]));

      // 5. Bodies no form sends: JSON (null, odd toString, arrays), other types, none at all, too much.
      const odd = JSON.stringify(Object.fromEntries([...fieldNames.map((n) => [n, { toString: 1, valueOf: null }])]));
      const bodies: Array<{ payload: string; type?: string }> = [
        { payload: 'null', type: 'application/json' },
        { payload: odd, type: 'application/json' },
        { payload: JSON.stringify([1, 2]), type: 'application/json' },
        { payload: '{"_csrf": "\\ud800", "name": "\\u0000"}', type: 'application/json' },
        { payload: '{', type: 'application/json' },
        { payload: encode(baseline), type: 'text/plain' },
        { payload: `--x\r\ncontent-disposition: form-data; name="name"\r\n\r\na\r\n--x--\r\n`, type: 'multipart/form-data; boundary=x' },
        { payload: encode(baseline), type: 'application/x-www-form-urlencoded; charset=utf-16' },
        { payload: encode(baseline), type: 'application/octet-stream' },
        { payload: '', type: 'application/x-www-form-urlencoded' },
        { payload: '' },
        { payload: encode(baseline) },
        { payload: `_csrf=${encodeURIComponent(client.csrf)}&name=${'x'.repeat(20_000)}`, type: 'application/x-www-form-urlencoded' },
      ];
      // The CSRF token may also come as a header; then a POST without any body reaches the handler.
      const headerToken = await client.send('POST', url, { payload: '', csrfHeader: true });
      check(`POST ${url} without a body, token in a header`, headerToken);
      for (const body of bodies) check(`POST ${url} as ${body.type ?? 'no type'}: ${body.payload.slice(0, 40)}`, await send(url, body));
    }

    const logged = logLines.filter((line) => {
      const entry = JSON.parse(line) as { level: number };
      return entry.level >= 50 || line.includes('"stack"') || /\n\s+at /.test(line);
    });
    console.info(`fuzz: ${sent} requests on ${routes.length} routes and ${forms.size} forms (${context.database.target}); statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures).toEqual([]);
    expect(logged.map((line) => line.slice(0, 500))).toEqual([]);
    // The fuzz reached the handlers: forms were answered with field errors, not only turned away at the door.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(50);
    expect(sent).toBeGreaterThan(2500);
    expect(forms.size).toBeGreaterThan(20);
  }, 600_000);
});
