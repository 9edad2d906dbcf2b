/**
 * `npm run bench`: the real server (production mode, a child process) against raw baselines, over HTTP
 * with 50 connections, in the same run and under the same conditions.
 *
 * The raw baseline (test/bench/raw-server.ts) is a bare node:http server doing the same database work
 * with the driver alone: a select of the rows a page shows, an insert of one booking row. Ours is the
 * whole product: fastify, session cookie, CSRF, validation, rendering, the booking transaction with its
 * locks, checks and outbox. Ratios ours ÷ raw are what to compare between runs and machines.
 *
 * PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (a fresh database is made and dropped),
 * with a second run of two server processes on the same database. Rounds alternate raw and ours.
 * BENCH_SECONDS (default 5) per page load, BENCH_ROUNDS (default 2), BENCH_BOOKINGS per round (1500).
 * Before the first round every target is warmed up alike (BENCH_WARMUP_SECONDS per page, default 2, and
 * 100 bookings), unmeasured: otherwise a p99 measures the first requests' compiling and planning.
 * Prints a table and writes bench-results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { Family } from '../resilience/family.js';
import { type BenchData, prepareBenchDatabase } from './bench-data.js';
import { type Child, cpuMs, rssMb, startRawServer, startServer, stop } from '../helpers/processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 1500);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const WARMUP_BOOKINGS = 100;
const CONNECTIONS = 50;

type Measure = { reqPerSec: number; p50: number; p99: number; cpuMsPerRequest: number; rssMb: number; requests: number; failed: number };
type Row = { database: string; what: string; ours: Measure; raw: Measure; ratio: number };

async function load(targets: Child[], request: { path: string; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> },
  options: { amount?: number; seconds?: number; setup?: (index: number) => { headers: Record<string, string>; body: string } } = {}): Promise<Measure> {
  const cpuBefore = targets.map((t) => cpuMs(t.pid));
  let next = 0;
  const began = performance.now();
  const results = await Promise.all(targets.map((target) => autocannon({
    url: target.url,
    connections: Math.ceil(CONNECTIONS / targets.length),
    ...(options.amount ? { amount: Math.floor(options.amount / targets.length) } : { duration: options.seconds ?? SECONDS }),
    requests: [{
      method: request.method ?? 'GET',
      path: request.path,
      headers: request.headers,
      body: request.body,
      ...(options.setup ? {
        setupRequest: (req: autocannon.Request) => ({ ...req, ...options.setup!(next++) }),
      } : {}),
    }],
  })));
  // Our own clock around the whole load: autocannon's start and finish are rounded to its one-second ticks, so a
  // fixed number of bookings done in 0.6 s counted as 1 s (every booking round read as its count per second).
  const seconds = (performance.now() - began) / 1000;
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  const expected = request.method === 'POST' && request.path.includes('/book/') ? '3xx' : '2xx';
  const failed = results.reduce((sum, r) => sum + (r.requests.total - (r[expected] as number)) + r.errors + r.timeouts, 0);
  const cpu = targets.reduce((sum, t, i) => sum + cpuMs(t.pid) - cpuBefore[i]!, 0);
  return {
    reqPerSec: Math.round(total / seconds),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    cpuMsPerRequest: Number((cpu / total).toFixed(2)),
    rssMb: Math.max(...targets.map((t) => rssMb(t.pid))),
    requests: total,
    failed,
  };
}

/** A family's phone walked up to the check page, with a time of its own; only the confirm is left. */
async function familyAtCheck(server: Child, data: BenchData, slotId: number): Promise<Family> {
  const family = new Family(server.url, 'Bench');
  const book = `/de/wmk/events/${data.rushEventId}/book`;
  await family.get(`${book}/topics`);
  await family.post(`${book}/topics`, { topics: String(data.topicId) });
  await family.post(`${book}/time`, { itinerary: `${data.topicId}.${slotId}` });
  await family.post(`${book}/contact`, { name: 'Familie Bench', email: '', phone: '' });
  const needs = await family.post(`${book}/needs`, { language: 'de', interpreter: 'none' });
  if (needs.status !== 303) throw new Error(`a bench family did not reach the check page (${needs.status})`);
  return family;
}

async function families(server: Child, data: BenchData, slotIds: number[]): Promise<Family[]> {
  const ready: Family[] = [];
  for (let start = 0; start < slotIds.length; start += 25) {
    ready.push(...(await Promise.all(slotIds.slice(start, start + 25).map((id) => familyAtCheck(server, data, id)))));
  }
  return ready;
}

async function benchDatabase(name: string, ours: Child[], raw: Child, data: BenchData, slotIds: number[]): Promise<Row[]> {
  const rows: Row[] = [];
  const timeFamily = new Family(ours[0]!.url, 'Bench');
  await timeFamily.get(`/de/wmk/events/${data.demoEventId}/book/topics`);
  await timeFamily.post(`/de/wmk/events/${data.demoEventId}/book/topics`, { topics: String(data.topicId) });
  const pages = [
    { what: 'start page', ours: { path: '/de/wmk' }, raw: { path: `/start?org=${data.organisationId}` } },
    { what: 'event page', ours: { path: `/de/wmk/events/${data.demoEventId}` }, raw: { path: `/event?id=${data.demoEventId}` } },
    { what: 'time page', ours: { path: `/de/wmk/events/${data.demoEventId}/book/time`, headers: { cookie: timeFamily.cookieHeader() } },
      raw: { path: `/event?id=${data.demoEventId}` } },
  ];
  const book = `/de/wmk/events/${data.rushEventId}/book/check`;
  const rawInsert = { path: `/insert?event=${data.rushEventId}`, method: 'POST' as const, body: 'consent=yes' };
  const confirmAll = (waiting: Family[]) => load(ours, { path: book, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, {
    amount: waiting.length,
    setup: (index) => {
      const family = waiting[index % waiting.length]!;
      return { headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: family.cookieHeader() },
        body: new URLSearchParams({ _csrf: family.csrfToken(), consent: 'yes' }).toString() };
    },
  });
  // Warm-up, unmeasured: every page and the booking on both sides.
  for (const page of pages) {
    await load([raw], page.raw, { seconds: WARMUP_SECONDS });
    await load(ours, page.ours, { seconds: WARMUP_SECONDS });
  }
  await load([raw], rawInsert, { seconds: WARMUP_SECONDS });
  await confirmAll(await families(ours[0]!, data, slotIds.slice(0, WARMUP_BOOKINGS)));
  const measuredSlots = slotIds.slice(WARMUP_BOOKINGS);
  const perRound = Math.floor(measuredSlots.length / ROUNDS);
  const measures = new Map<string, { ours: Measure[]; raw: Measure[] }>();
  const add = (what: string, side: 'ours' | 'raw', measure: Measure) => {
    if (!measures.has(what)) measures.set(what, { ours: [], raw: [] });
    measures.get(what)![side].push(measure);
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const page of pages) {
      add(page.what, 'raw', await load([raw], page.raw));
      add(page.what, 'ours', await load(ours, page.ours));
    }
    const waiting = await families(ours[0]!, data, measuredSlots.slice(round * perRound, (round + 1) * perRound));
    // The raw insert needs no distinct slot, so it runs for the same time as the pages.
    add('booking POST', 'raw', await load([raw], rawInsert));
    add('booking POST', 'ours', await confirmAll(waiting));
  }
  for (const [what, { ours: o, raw: r }] of measures) {
    const median = (list: Measure[]) => [...list].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(list.length / 2)]!;
    const oursMedian = median(o);
    const rawMedian = median(r);
    rows.push({ database: name, what, ours: { ...oursMedian, failed: o.reduce((s, m) => s + m.failed, 0) }, raw: rawMedian,
      ratio: Number((oursMedian.reqPerSec / rawMedian.reqPerSec).toFixed(3)) });
  }
  return rows;
}

function print(rows: Row[], idle: Record<string, number>) {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  console.log(line(['database', 'what', 'ours req/s', 'raw req/s', 'ours ÷ raw', 'ours p50 ms', 'ours p99 ms', 'raw p99 ms',
    'ours CPU ms/req', 'raw CPU ms/req', 'ours RSS MB', 'failed']));
  console.log(line(Array(12).fill('---')));
  for (const r of rows) {
    console.log(line([r.database, r.what, r.ours.reqPerSec, r.raw.reqPerSec, `${r.ratio}×`, r.ours.p50, r.ours.p99, r.raw.p99,
      r.ours.cpuMsPerRequest, r.raw.cpuMsPerRequest, r.ours.rssMb, r.ours.failed]));
  }
  console.log(`\nidle RSS after start (MB): ${Object.entries(idle).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

const rows: Row[] = [];
const idle: Record<string, number> = {};
const slotsNeeded = ROUNDS * BOOKINGS + WARMUP_BOOKINGS;

{
  const appDir = mkdtempSync(path.join(tmpdir(), 'familientag-bench-app-'));
  const rawDir = mkdtempSync(path.join(tmpdir(), 'familientag-bench-raw-'));
  console.log('PGlite: preparing the demo and a rush event …');
  const data = await prepareBenchDatabase({ kind: 'pglite', dataDir: appDir }, slotsNeeded);
  // PGlite is one process per data folder: the raw server works on a copy of the same data.
  execFileSync('cp', ['-a', `${appDir}/.`, rawDir]);
  const ours = await startServer({ dataDir: appDir });
  const raw = await startRawServer(rawDir);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  idle['PGlite server'] = rssMb(ours.pid);
  idle['PGlite raw'] = rssMb(raw.pid);
  rows.push(...(await benchDatabase('PGlite', [ours], raw, data, data.slotIds.slice(0, slotsNeeded))));
  await Promise.all([stop(ours), stop(raw)]);
  rmSync(appDir, { recursive: true, force: true });
  rmSync(rawDir, { recursive: true, force: true });
}

if (process.env.TEST_DATABASE_URL) {
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `familientag_bench_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'familientag-bench-pg-'));
  try {
    console.log('PostgreSQL: preparing the demo and a rush event …');
    const data = await prepareBenchDatabase({ kind: 'postgres', url: url.toString() }, 2 * slotsNeeded);
    const raw = await startRawServer(url.toString());
    // Both processes read each other's session cookies, as behind any load balancer.
    const sessionKey = randomBytes(32).toString('hex');
    const first = await startServer({ dataDir, url: url.toString() }, sessionKey);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    idle['PostgreSQL server'] = rssMb(first.pid);
    rows.push(...(await benchDatabase('PostgreSQL', [first], raw, data, data.slotIds.slice(0, slotsNeeded))));
    const second = await startServer({ dataDir, url: url.toString() }, sessionKey);
    rows.push(...(await benchDatabase('PostgreSQL, 2 processes', [first, second], raw, data, data.slotIds.slice(slotsNeeded, 2 * slotsNeeded))));
    await Promise.all([stop(first), stop(second), stop(raw)]);
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

print(rows, idle);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version,
  connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, bookingsPerRound: BOOKINGS, rows, idleRssMb: idle }, null, 2)}\n`);
console.log('written: bench-results/latest.json');
