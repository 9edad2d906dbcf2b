import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { composeMail } from '../../src/modules/booking/family-mail.js';
import { mailJobs } from '../../src/modules/mail/mail.table.js';
import { buildTestApp, testClock } from '../helpers/app.js';
import { signIn } from '../helpers/browser.js';
import { openTestDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

let database: Database;
let dataDir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'familientag-mail-'));
  const org = await createOrganisation(database.db);
  const { event, deskIds } = await createEvent(database.db, org);
  const [slot] = await slotsOfDesk(database.db, deskIds[0]!);
  await createBooking(database.db, org, event, [{ topicKey: 'kindergeld', slotId: slot!.id }], 'Aylin Kaya', 'aylin@example.org');
  await createStaff(database.db, org, 'coordinator');
  await createStaff(database.db, org, 'desk');
  await createStaff(database.db, await createOrganisation(database.db, 'nachbar'), 'coordinator');
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('without SMTP_URL', () => {
  it('writes each mail as an .eml file and shows it to the coordinators of its county only', async () => {
    const app = await buildTestApp(database, testClock(BEFORE_EVENT), { DATA_DIR: dataDir, MAIL_WORKER_SECONDS: '0' });
    try {
      expect(await app.mailWorker.runOnce()).toMatchObject({ sent: 1 });
      const files = await readdir(path.join(dataDir, 'mail'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const browser = await signIn(app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
      await browser.get('/de/wmk/staff');
      await browser.get(browser.html().querySelector('a[href="/de/wmk/staff/mail"]')!.getAttribute('href')!);
      const link = browser.html().querySelector('main li a')!;
      expect(link.text).toBe('Ihr Termin am Mittwoch, 10. März 2027 ist gebucht');
      expect(link.getAttribute('href')).toBe(`/de/wmk/staff/mail/${files[0]}`);
      await browser.get(link.getAttribute('href')!);
      expect(browser.last.statusCode).toBe(200);
      expect(browser.html().querySelector('pre.mail-text')!.text).toContain('14:00  Kindergeld (Tisch 1)');
      expect((await browser.get('/de/wmk/staff/mail/..%2F..%2Fsession.key')).statusCode).toBe(404);

      // Nobody else: not the old open address, not anonymous visitors, not other roles, not another county.
      expect((await app.inject('/dev/mail')).statusCode).toBe(404);
      expect((await app.inject(`/dev/mail/${files[0]}`)).statusCode).toBe(404);
      const anonymous = await app.inject('/de/wmk/staff/mail');
      expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/de/wmk/staff/login']);
      const desk = await signIn(app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
      expect((await desk.get('/de/wmk/staff/mail')).statusCode).toBe(403);
      expect((await desk.get(`/de/wmk/staff/mail/${files[0]}`)).statusCode).toBe(403);
      const neighbour = await signIn(app, 'nachbar', 'coordinator@nachbar.example', STAFF_PASSWORD);
      await neighbour.get('/de/nachbar/staff/mail');
      expect(neighbour.last.statusCode).toBe(200);
      expect(neighbour.html().querySelectorAll('main li a')).toHaveLength(0);
      expect((await neighbour.get(`/de/nachbar/staff/mail/${files[0]}`)).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('has no development page in production', async () => {
    const app = await buildTestApp(database, testClock(BEFORE_EVENT), {
      NODE_ENV: 'production', PUBLIC_URL: 'https://familientag.example', SESSION_KEY: 'ab'.repeat(32), DATA_DIR: dataDir, MAIL_WORKER_SECONDS: '0',
    });
    try {
      expect((await app.inject('/dev/mail')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('mail headers', () => {
  it('never carry a line break from stored data: such a mail is not composed at all', async () => {
    const [job] = await database.db.select().from(mailJobs);
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(await composeMail(database.db, config, { ...job!, recipient: 'aylin@example.org' })).toMatchObject({ to: 'aylin@example.org' });
    expect(await composeMail(database.db, config, { ...job!, recipient: 'aylin@example.org\r\nBcc: all@example.org' })).toBeUndefined();
    const mail = await composeMail(database.db, config, { ...job!, recipient: 'aylin@example.org' });
    expect(mail!.subject).not.toContain('Aylin');
    expect(mail!.from).toBeUndefined(); // the transport's fixed MAIL_FROM, never anything from a booking
  });
});
