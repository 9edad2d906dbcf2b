import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { intakeOutcomes, intakeRecords } from '../../src/modules/intake/intake.table.js';
import { visits } from '../../src/modules/queue/queue.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, assignExpert, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const { clock } = env;
const at = (berlinTime: string) => clock.set(`2027-03-10T${berlinTime}:00+01:00`);

let org: OrganisationFixture;
let eventId: number;
let deskId: number;
let bookingId: number;
let expert: Browser;

beforeEach(async () => {
  clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  const db = env.database.db;
  org = await createOrganisation(db);
  const created = await createEvent(db, org);
  eventId = created.event.id;
  deskId = created.deskIds[0]!;
  const [first] = await slotsOfDesk(db, deskId);
  bookingId = (await createBooking(db, org, created.event, [{ topicKey: 'kindergeld', slotId: first!.id }], 'Aylin Kaya')).bookingId;
  await createStaff(db, org, 'desk');
  const { id: expertId } = await createStaff(db, org, 'expert', { topicKeys: ['kindergeld'] });
  await assignExpert(db, deskId, expertId);
  at('13:50');
  expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
});

const deskUrl = (path: string) => `/de/wmk/staff/events/${eventId}/desks/${deskId}${path}`;

/** Checks the family in, then the expert calls, starts at 14:00 and finishes at 14:17, landing on the checklist. */
async function consultAndFinish() {
  const front = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
  await front.get(`/de/wmk/staff/events/${eventId}/board`);
  expect((await front.post(`/de/wmk/staff/events/${eventId}/check-in`, { bookingId: String(bookingId) })).statusCode).toBe(303);
  at('14:00');
  await expert.get(deskUrl('/queue'));
  await expert.post(deskUrl('/call-next'));
  const [visit] = await env.database.db.select().from(visits);
  await expert.get(deskUrl('/queue'));
  await expert.post(deskUrl(`/visits/${visit!.id}/start`));
  at('14:17');
  const finished = await expert.post(deskUrl(`/visits/${visit!.id}/finish`));
  return { finished, visitId: visit!.id };
}

async function records() {
  const db = env.database.db;
  return { records: await db.select().from(intakeRecords), outcomes: await db.select().from(intakeOutcomes) };
}

describe('finish, then the checklist', () => {
  it('finishes the consultation at once and lands on the checklist, whose address carries no visit id', async () => {
    const { finished, visitId } = await consultAndFinish();
    // The queue does not wait: the visit is done before any checklist exists.
    const [visit] = await env.database.db.select().from(visits);
    expect(visit!.status).toBe('done');
    expect(finished.headers.location).toBe(deskUrl(`/checklist?after=${visitId}`));
    await expert.follow();
    expect(expert.last.statusCode).toBe(303);
    expect(expert.last.headers.location).toBe(deskUrl('/checklist'));
    await expert.follow();
    expect(expert.last.statusCode).toBe(200);
    const page = expert.html();
    expect(text(page, 'h1')).toBe('Checkliste Tisch 1');
    expect(expert.last.body).not.toContain(String(`after=${visitId}`));
    expect(expert.last.body).not.toContain('Aylin');
    // Sensible defaults: nothing discussed, nothing asked, the family's language, one submit.
    expect(page.querySelector(`input[name="outcome_${org.topic('kindergeld').id}"][value="none"]`)!.hasAttribute('checked')).toBe(true);
    expect(page.querySelector('input[name="household"][value="not_asked"]')!.hasAttribute('checked')).toBe(true);
    expect(page.querySelector('select[name="language"] option[value="de"]')!.hasAttribute('selected')).toBe(true);
    expect(page.querySelectorAll('textarea, input[type="text"]')).toHaveLength(0);
    expect(page.querySelector('button[value="save"]')).not.toBeNull();
  });

  it('saves the answers with the duration in its 5-minute band, once, and nothing that leads back', async () => {
    await consultAndFinish();
    await expert.follow();
    await expert.follow();
    const kindergeld = org.topic('kindergeld').id;
    const wohngeld = org.topic('wohngeld').id;
    const fields = {
      nonce: expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!,
      action: 'save', [`outcome_${kindergeld}`]: 'completed', [`outcome_${wohngeld}`]: 'referred', [`referral_${wohngeld}`]: 'wohngeldstelle',
      household: 'single_parent', children: '2', youngestAge: '3_5', heardVia: 'qr_code', firstVisit: 'yes', language: 'ar', interpreter: 'yes',
    };
    const saved = await expert.post(deskUrl('/checklist'), fields);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(deskUrl('/queue'));
    await expert.follow();
    expect(text(expert.html(), '.kern-alert')).toContain('Checkliste gespeichert');
    const { records: rows, outcomes } = await records();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      eventId, topicId: kindergeld, kind: 'recorded', withoutTicket: false, durationBand: 15, household: 'single_parent', children: '2',
      youngestAge: '3_5', heardVia: 'qr_code', firstVisit: 'yes', language: 'ar', interpreter: true,
    });
    expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcomes.map((o) => [o.benefitTopicId, o.outcome, o.referredTo]).sort()).toEqual(
      [[kindergeld, 'completed', null], [wohngeld, 'referred', 'wohngeldstelle']].sort(),
    );
    // The same form sent again (a double click, or Back and send) records nothing more.
    const again = await expert.post(deskUrl('/checklist'), fields);
    expect(again.headers.location).toBe(deskUrl('/queue'));
    await expert.follow();
    expect(text(expert.html(), '.kern-alert')).toContain('schon erfasst');
    expect((await records()).records).toHaveLength(1);
  });

  it('does not offer the same consultation again after an undo and a second finish', async () => {
    const { visitId } = await consultAndFinish();
    await expert.follow();
    await expert.follow();
    const nonce = expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!;
    await expert.post(deskUrl('/checklist'), { nonce, action: 'skip' });
    await expert.get(deskUrl('/queue'));
    expect((await expert.post(deskUrl(`/visits/${visitId}/undo`))).statusCode).toBe(303);
    await expert.get(deskUrl('/queue'));
    await expert.post(deskUrl(`/visits/${visitId}/finish`));
    await expert.follow();
    expect(expert.last.headers.location).toBe(deskUrl('/queue'));
    await expert.follow();
    expect(text(expert.html(), '.kern-alert')).toContain('schon erfasst');
    expect((await records()).records).toHaveLength(1);
  });

  it('keeps the answers and says what is missing when "referred on" has no place', async () => {
    await consultAndFinish();
    await expert.follow();
    await expert.follow();
    const kindergeld = org.topic('kindergeld').id;
    const nonce = expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!;
    const refused = await expert.post(deskUrl('/checklist'), { nonce, action: 'save', [`outcome_${kindergeld}`]: 'referred', household: 'couple', language: 'de' });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(deskUrl('/checklist'));
    await expert.follow();
    expect(text(expert.html(), '.error-summary')).toContain('Wählen Sie, an welche Stelle weitervermittelt wurde.');
    expect(expert.html().querySelector('input[name="household"][value="couple"]')!.hasAttribute('checked')).toBe(true);
    expect(expert.html().querySelector('title')!.text).toMatch(/^Fehler:/);
    expect((await records()).records).toHaveLength(0);
    // Corrected, it is saved with the same nonce.
    const saved = await expert.post(deskUrl('/checklist'), {
      nonce, action: 'save', [`outcome_${kindergeld}`]: 'referred', [`referral_${kindergeld}`]: 'schuldnerberatung', household: 'couple', language: 'de',
    });
    expect(saved.headers.location).toBe(deskUrl('/queue'));
    expect((await records()).outcomes).toMatchObject([{ outcome: 'referred', referredTo: 'schuldnerberatung' }]);
  });
});

describe('declined, skipped and without a ticket', () => {
  it('counts "did not want to answer" and "skip" with nothing else stored', async () => {
    await consultAndFinish();
    await expert.follow();
    await expert.follow();
    const nonce = expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!;
    // Answers sent along with "did not want to answer" are not stored.
    await expert.post(deskUrl('/checklist'), { nonce, action: 'declined', household: 'couple', heardVia: 'press', language: 'en', interpreter: 'yes' });
    await expert.follow();
    expect(text(expert.html(), '.kern-alert')).toContain('Die Familie wollte nicht antworten');
    await expert.get(deskUrl('/checklist/without-ticket'));
    await expert.follow();
    const second = expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!;
    expect(second).not.toBe(nonce);
    await expert.post(deskUrl('/checklist'), { nonce: second, action: 'skip' });
    const { records: rows, outcomes } = await records();
    expect(rows.map((r) => r.kind).sort()).toEqual(['declined', 'skipped']);
    for (const row of rows) {
      expect(row).toMatchObject({ household: null, children: null, youngestAge: null, heardVia: null, firstVisit: null, language: null, interpreter: null, durationBand: null });
    }
    expect(rows.find((r) => r.kind === 'skipped')!.withoutTicket).toBe(true);
    expect(outcomes).toHaveLength(0);
  });

  it('records a consultation without a ticket, with its length chosen by the expert', async () => {
    at('14:30');
    expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    await expert.get(deskUrl('/queue'));
    const link = expert.html().querySelector(`a[href="${deskUrl('/checklist/without-ticket')}"]`);
    expect(link).not.toBeNull();
    await expert.get(deskUrl('/checklist/without-ticket'));
    await expert.follow();
    expect(text(expert.html(), 'main')).toContain('ohne Wartenummer');
    const nonce = expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!;
    await expert.post(deskUrl('/checklist'), {
      nonce, action: 'save', durationBand: '25', [`outcome_${org.topic('kindergeld').id}`]: 'started', heardVia: 'word_of_mouth', firstVisit: 'no', language: 'uk',
    });
    const { records: rows } = await records();
    expect(rows).toMatchObject([{ kind: 'recorded', withoutTicket: true, durationBand: 25, heardVia: 'word_of_mouth', firstVisit: 'no', language: 'uk', interpreter: false }]);
  });

  it('records nothing on another day, and not for a desk that is not the expert\'s', async () => {
    clock.set('2027-03-11T10:00:00Z');
    expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    await expert.get(deskUrl('/checklist/without-ticket'));
    expect(expert.last.headers.location).toBe(deskUrl('/queue'));
    await expert.follow();
    expect(text(expert.html(), '.kern-alert')).toContain('nur am Tag der Veranstaltung');
    const other = (await env.database.db.select().from(visits)).length;
    expect(other).toBe(0);
    const foreign = await expert.get(`/de/wmk/staff/events/${eventId}/desks/${deskId + 1}/checklist/without-ticket`);
    expect(foreign.statusCode).toBe(403);
    expect((await records()).records).toHaveLength(0);
  });

  it('writes an event\'s records anew with each save, all in one transaction, keeping their ids', async () => {
    at('14:30');
    expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    let firstIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      if (i === 3) firstIds = (await records()).records.map((r) => r.id);
      await expert.get(deskUrl('/checklist/without-ticket'));
      await expert.follow();
      const nonce = expert.html().querySelector('input[name="nonce"]')!.getAttribute('value')!;
      await expert.post(deskUrl('/checklist'), { nonce, action: i % 2 ? 'skip' : 'declined' });
    }
    // xmin is the transaction that wrote a row: after the rewrite, the same for all rows of the event.
    const result = await env.database.db.execute(sql`select xmin::text as xmin from intake_records`) as unknown as
      Array<{ xmin: string }> | { rows: Array<{ xmin: string }> };
    const xmins = Array.isArray(result) ? result : result.rows;
    expect(xmins).toHaveLength(6);
    expect(new Set(xmins.map((r) => r.xmin)).size).toBe(1);
    const ids = (await records()).records.map((r) => r.id);
    expect(ids).toHaveLength(6);
    expect(ids).toEqual(expect.arrayContaining(firstIds));
  });
});
