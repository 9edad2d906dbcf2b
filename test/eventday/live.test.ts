import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { registerWalkIn } from '../../src/modules/queue/checkin.service.js';
import { buildTestApp, useTestApp } from '../helpers/app.js';
import { signIn } from '../helpers/browser.js';
import { STAFF_PASSWORD, assignExpert, createEvent, createOrganisation, createStaff } from '../helpers/fixtures.js';

const env = useTestApp('2027-03-10T13:05:00Z');
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const closing: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const close of closing.reverse()) await close();
});

/**
 * Opens an event stream on a listening server, waits until it is established,
 * and returns a promise of everything received up to the first "changed" event.
 */
async function openStream(app: FastifyInstance, path: string): Promise<{ changed: Promise<string> }> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const abort = new AbortController();
  closing.push(async () => abort.abort());
  const response = await fetch(address + path, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  while (!received.includes('event: ready')) received += decoder.decode((await reader.read()).value);
  const changed = (async () => {
    while (!received.includes('event: changed')) received += decoder.decode((await reader.read()).value);
    return received;
  })();
  return { changed };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms))]);

describe(`live updates (${onPostgres ? 'PostgreSQL LISTEN/NOTIFY across two app instances' : 'PGlite, in-process'})`, () => {
  it('a call made on one server process reaches the display stream served by another', async () => {
    const db = env.database.db;
    const org = await createOrganisation(db);
    const { event, deskIds } = await createEvent(db, org);
    const { id: expertId } = await createStaff(db, org, 'expert');
    const { id: deskStaffId } = await createStaff(db, org, 'desk');
    await assignExpert(db, deskIds[0]!, expertId);
    await registerWalkIn(db, {
      organisationId: org.organisation.id, staffId: deskStaffId, eventId: event.id, topicIds: [org.topic('kindergeld').id], language: 'de', now: env.clock(),
    });

    // The second instance has its own connection pool and its own LISTEN connection.
    let displayApp = env.app;
    if (onPostgres) {
      const second: Database = await openDatabase({ kind: 'postgres', url: (env.database as Database & { url: string }).url });
      closing.push(() => second.close());
      displayApp = await buildTestApp(second, env.clock);
      closing.push(() => displayApp.close());
    } else {
      displayApp = await buildTestApp(env.database, env.clock);
      closing.push(() => displayApp.close());
    }
    const { changed: change } = await openStream(displayApp, `/de/wmk/events/${event.id}/display/live`);

    const expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    await expert.get(`/de/wmk/staff/events/${event.id}/desks/${deskIds[0]}/queue`);
    await expert.post(`/de/wmk/staff/events/${event.id}/desks/${deskIds[0]}/call-next`);
    expect(expert.last.statusCode).toBe(303);

    expect(await within(change, 5000)).toContain(`event: changed\ndata: "${event.id}"`);
    const screen = await displayApp.inject({ url: `/de/wmk/events/${event.id}/display` });
    expect(screen.body).toMatch(/display__number"><span class="kern-sr-only">Nummer<\/span><bdi>1<\/bdi></);
  });
});
