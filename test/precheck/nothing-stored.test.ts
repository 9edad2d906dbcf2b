import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '../../src/modules/events/events.table.js';
import { useLoggingTestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { rowCounts, wholeDatabaseAsText } from '../helpers/db-dump.js';
import { createEvent, createOrganisation } from '../helpers/fixtures.js';
import { answerCheck } from '../helpers/precheck.js';

const env = useLoggingTestApp('2026-03-02T09:00:00Z', async (database) => {
  const org = await createOrganisation(database.db);
  const { event } = await createEvent(database.db, org, { localDate: '2026-03-10' });
  await database.db.update(events).set({ bookingOpensAt: new Date('2026-01-01T00:00:00Z') }).where(eq(events.id, event.id));
});

/** Answer values that occur nowhere else: any of them in a table or a log line is a leak of the answers. */
const answers = {
  household: 'single',
  children: { band0to5: '3', band6to11: '1', band12to17: '2', band18to24: '1' },
  kindergeld: 'some', buergergeld: 'no', income: '600to899', rent: 'over400',
  maintenance: { child0: 'belowUvg', child1: 'none', child2: 'aboveUvg', child3: 'belowUvg', child4: 'none', child5: 'aboveUvg' },
  school: 'yes',
};
const needles = ['600to899', 'over400', 'belowUvg', 'aboveUvg', 'band0to5', 'child5'];

describe('the pre-check leaves no trace', () => {
  it('changes no row of any table and logs none of the answers, through errors, changes, the result and deleting', async () => {
    const countsBefore = await rowCounts(env.database);
    const dumpBefore = await wholeDatabaseAsText(env.database);
    // Compared while the answers are shown, not only at the end: a row written and deleted again would pass then.
    const nothingWritten = async (when: string) => {
      expect(await rowCounts(env.database), when).toEqual(countsBefore);
      expect(await wholeDatabaseAsText(env.database), when).toBe(dumpBefore);
    };
    const browser = new Browser(env.app);
    await browser.get('/de/wmk/check/household');
    await browser.post('/de/wmk/check/household', { answer: 'not-a-choice' });
    await browser.follow();
    await answerCheck(browser, '/de/wmk', answers);
    expect(browser.last.body).toContain('Unterhaltsvorschuss');
    await nothingWritten('on the result page');
    await browser.get('/en/wmk/check/income?change=1');
    await browser.post('/en/wmk/check/income', { answer: 'atLeast900', change: '1' });
    // The answers travel in the encrypted session cookie: nothing of them is readable in it.
    const cookie = decodeURIComponent(String(browser.last.headers['set-cookie'] ?? ''));
    expect(cookie).toMatch(/^familientag=/);
    for (const needle of [...needles, 'single', 'atLeast900']) expect(cookie).not.toContain(needle);
    await browser.follow();
    expect(browser.last.statusCode).toBe(200);
    await nothingWritten('after a changed answer');
    await browser.post('/en/wmk/check/forget');
    await nothingWritten('after deleting the answers');
    const log = env.lines.join('');
    expect(log).toContain('/de/wmk/check/maintenance'); // the log does record the requests
    for (const needle of [...needles, 'atLeast900']) expect(log, needle).not.toContain(needle);
    // Nor what the answers led to: the suggested benefits (no topic of the day is one of these).
    for (const benefit of ['unterhaltsvorschuss', 'kinderzuschlag', 'Unterhaltsvorschuss']) expect(log, benefit).not.toContain(benefit);
  });
});
