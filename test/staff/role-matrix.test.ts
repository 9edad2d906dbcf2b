import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/modules/staff/staff.table.js';
import { checkIn } from '../../src/modules/queue/checkin.service.js';
import { visits } from '../../src/modules/queue/queue.table.js';
import { testDataDirectory, useTestApp } from '../helpers/app.js';
import { Browser, signIn } from '../helpers/browser.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, assignExpert, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp('2027-03-10T12:50:00Z');
type Who = 'anonymous' | StaffRole | 'other organisation';
const people: Who[] = ['anonymous', 'coordinator', 'desk', 'expert', 'other organisation'];
const params: Record<string, string> = {};
const browsers = new Map<Who, Browser>();

beforeAll(async () => {
  const db = env.database.db;
  const org = await createOrganisation(db, 'wmk');
  const other = await createOrganisation(db, 'kassel');
  const { event, deskIds } = await createEvent(db, org);
  const [slot] = await slotsOfDesk(db, deskIds[0]!);
  const booking = await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: slot!.id }]);
  // A mail of this county for the development mail page (the test app writes mails as files).
  const [, mailSlot] = await slotsOfDesk(db, deskIds[0]!);
  await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: mailSlot!.id }], 'Familie Post', 'post@example.org');
  await env.app.mailWorker.runOnce();
  const [mailName] = await readdir(path.join(testDataDirectory(), 'mail'));
  const ids: Partial<Record<StaffRole, number>> = {};
  for (const role of ['coordinator', 'desk', 'expert'] as const) ids[role] = (await createStaff(db, org, role)).id;
  await createStaff(db, other, 'coordinator');
  await assignExpert(db, deskIds[0]!, ids.expert!);
  const ticket = await checkIn(db, { organisationId: org.organisation.id, staffId: ids.desk!, eventId: event.id, bookingId: booking.bookingId, now: new Date(BEFORE_EVENT) });
  const [visit] = await db.select().from(visits);
  Object.assign(params, {
    eventId: String(event.id), deskId: String(deskIds[0]), bookingId: String(booking.bookingId), ticketId: String(ticket.ticketId),
    visitId: String(visit!.id), venueId: String(org.venue.id), topicId: String(org.topic('kindergeld').id), staffId: String(ids.desk),
    lang: 'de', org: 'wmk', name: mailName!, table: 'key-figures.csv', benefit: 'kindergeld',
  });
  // Anonymous visitors carry a valid CSRF token too, so that their POSTs reach the guard.
  const anonymous = new Browser(env.app);
  await anonymous.get('/de/wmk/staff/login');
  browsers.set('anonymous', anonymous);
  for (const role of ['coordinator', 'desk', 'expert'] as const) browsers.set(role, await signIn(env.app, 'wmk', `${role}@wmk.example`, STAFF_PASSWORD));
  browsers.set('other organisation', await signIn(env.app, 'kassel', 'coordinator@kassel.example', STAFF_PASSWORD));
});

function expected(who: Who, roles: readonly StaffRole[]): 'login' | 'forbidden' | 'allowed' {
  if (who === 'anonymous') return 'login';
  if (who === 'other organisation') return 'forbidden';
  return roles.includes(who) ? 'allowed' : 'forbidden';
}

describe('every staff route × every kind of visitor', () => {
  it('has a guarded list of staff routes', () => {
    expect(env.app.staffRoutes.length).toBeGreaterThan(15);
  });

  it('guards the event day\'s own pages: needs summary for coordinator and front desk, back in the queue and undo as well', () => {
    const roles = (method: string, url: string) => env.app.staffRoutes.find((r) => r.method === method && r.url === url)?.roles;
    expect(roles('GET', '/:lang/:org/staff/events/:eventId/needs')).toEqual(['coordinator', 'desk']);
    expect(roles('POST', '/:lang/:org/staff/events/:eventId/tickets/:ticketId/back-in-queue')).toEqual(['coordinator', 'desk']);
    expect(roles('POST', '/:lang/:org/staff/events/:eventId/desks/:deskId/visits/:visitId/back-in-queue')).toEqual(['coordinator', 'expert']);
    expect(roles('POST', '/:lang/:org/staff/events/:eventId/desks/:deskId/visits/:visitId/undo')).toEqual(['coordinator', 'expert']);
  });

  it('lets experts (and coordinators) record checklists, and only coordinators evaluate', () => {
    const roles = (method: string, url: string) => env.app.staffRoutes.find((r) => r.method === method && r.url === url)?.roles;
    expect(roles('GET', '/:lang/:org/staff/events/:eventId/desks/:deskId/checklist')).toEqual(['coordinator', 'expert']);
    expect(roles('GET', '/:lang/:org/staff/events/:eventId/desks/:deskId/checklist/without-ticket')).toEqual(['coordinator', 'expert']);
    expect(roles('POST', '/:lang/:org/staff/events/:eventId/desks/:deskId/checklist')).toEqual(['coordinator', 'expert']);
    expect(roles('GET', '/:lang/:org/staff/evaluation')).toEqual(['coordinator']);
    expect(roles('GET', '/:lang/:org/staff/evaluation/:table')).toEqual(['coordinator']);
  });

  it('answers each cell as expected: sign-in for anonymous, 403 for the wrong role or organisation, the page otherwise', async () => {
    // Signing out ends the session, so those cells come last.
    const routes = [...env.app.staffRoutes].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    const cells: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `missing-${name}`);
      expect(url, `no fixture for a parameter of ${route.url}`).not.toContain('missing-');
      for (const who of people) {
        const browser = browsers.get(who)!;
        // A page of one's own first, for a fresh CSRF token.
        await browser.get(who === 'anonymous' ? '/de/wmk/staff/login' : `/de/${who === 'other organisation' ? 'kassel' : 'wmk'}/staff`);
        const response = route.method === 'GET' ? await browser.get(url) : await browser.post(url);
        const status = response.statusCode;
        const location = response.headers.location as string | undefined;
        const outcome = expected(who, route.roles);
        const signedOut = route.url.endsWith('/logout') && status === 303;
        const ok = outcome === 'login'
          ? status === 303 && location === '/de/wmk/staff/login'
          : outcome === 'forbidden'
            ? status === 403
            : signedOut || (status < 500 && status !== 403 && status !== 404 && !location?.includes('/staff/login'));
        cells.push(`${ok ? 'ok ' : 'BAD'} ${route.method} ${route.url} × ${who}: ${status}${location ? ` → ${location}` : ''}`);
      }
    }
    expect(cells.filter((c) => c.startsWith('BAD'))).toEqual([]);
    expect(cells.length).toBe(routes.length * people.length);
  });
});
