/**
 * The raw baseline of `npm run bench`: a bare node:http server that does, with the database driver
 * alone (postgres.js or PGlite, no drizzle, no fastify), the database work under our pages and the
 * booking POST. Loaded over HTTP like the real server, so the ratio ours ÷ raw shows what our code
 * adds on top of one round of the same database work.
 *
 *   GET  /start?org=ID    the published events of an organisation with their venue and free places
 *   GET  /event?id=ID     one event with its venue, its topics and its free slots
 *   POST /insert?event=ID one booking row
 *
 * Usage: tsx test/bench/raw-server.ts <pglite-data-dir | postgres-url>; prints "listening <port>".
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';

type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

async function connect(target: string): Promise<Query> {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { default: postgres } = await import('postgres');
    const client = postgres(target, { max: 10, onnotice: () => {} });
    return (text, params) => client.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<unknown[]>;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(path.resolve(target, 'pglite'));
  await client.waitReady;
  return async (text, params) => (await client.query(text, params)).rows;
}

const FREE = `not exists (select 1 from booking_items i where i.slot_id = s.id and i.active) and s.starts_at > now()
  and not s.walk_in_only`;

const START = `select e.*, v.name as venue_name, v.street, v.postcode, v.town, v.step_free,
    (select count(*) from slots s where s.event_id = e.id and ${FREE}) as free
  from events e join venues v on v.id = e.venue_id
  where e.organisation_id = $1 and e.status = 'published' and e.local_date >= current_date
  order by e.local_date`;
const EVENT = `select e.*, v.name as venue_name, v.street, v.postcode, v.town, v.step_free, v.directions
  from events e join venues v on v.id = e.venue_id where e.id = $1 and e.status = 'published'`;
const EVENT_TOPICS = `select distinct t.id, t.key, t.name, t.description, t.sort_order from desk_topics dt
  join desks d on d.id = dt.desk_id join topics t on t.id = dt.topic_id where d.event_id = $1 order by t.sort_order`;
const EVENT_FREE = `select s.id, s.desk_id, s.starts_at, s.ends_at from slots s where s.event_id = $1 and ${FREE}`;
const INSERT = `insert into bookings (organisation_id, event_id, code, manage_token_hash, name, language, consented_at)
  select organisation_id, id, $2, $3, 'Raw', 'de', now() from events where id = $1 returning id`;

const query = await connect(process.argv[2]!);
const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url!, 'http://raw');
    const id = Number(url.searchParams.get('org') ?? url.searchParams.get('id') ?? url.searchParams.get('event'));
    let body: unknown;
    if (request.method === 'GET' && url.pathname === '/start') body = await query(START, [id]);
    else if (request.method === 'GET' && url.pathname === '/event') {
      body = [await query(EVENT, [id]), await query(EVENT_TOPICS, [id]), await query(EVENT_FREE, [id])];
    } else if (request.method === 'POST' && url.pathname === '/insert') {
      await new Promise((resolve) => request.resume().on('end', resolve)); // the form body, read and dropped
      body = await query(INSERT, [id, randomBytes(6).toString('hex'), randomBytes(16).toString('hex')]);
    } else {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
