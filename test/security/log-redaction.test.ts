import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { redactUrl } from '../../src/lib/logging.js';
import { newManageToken } from '../../src/lib/tokens.js';
import { testClock } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createOrganisation } from '../helpers/fixtures.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await createOrganisation(database.db);
});
afterAll(async () => database?.close());

describe('log lines', () => {
  it('never carry a ticket or manage token, whatever the route, nor a query string', async () => {
    const lines: string[] = [];
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', PUBLIC_URL: 'http://familientag.test' });
    const app = await buildApp({ config, database, clock: testClock(BEFORE_EVENT), logStream: { write: (line) => lines.push(line) } });
    const tokens = Array.from({ length: 6 }, () => newManageToken());
    try {
      for (const url of [
        `/de/wmk/ticket/${tokens[0]}`,
        `/en/wmk/ticket/${tokens[1]}/live`,
        `/de/wmk/booking/${tokens[2]}?confirmed=1`,
        `/de/wmk/booking/${tokens[3]}/cancel`,
        `/de/wmk/Ticket/${tokens[4]}`,
        `/de/wmk/elsewhere/${tokens[5]}`,
      ]) await app.inject(url);
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('"url":"/de/wmk/ticket/[token]"');
    expect(log).toContain('"url":"/de/wmk/booking/[token]?[query]"');
    for (const token of tokens) expect(log).not.toContain(token);
    expect(log).not.toContain('confirmed=1');
  });

  it('keep ordinary paths readable', () => {
    expect(redactUrl('/de/wmk/events/12/book/topics')).toBe('/de/wmk/events/12/book/topics');
    expect(redactUrl('/de/wmk/staff/frontdesk/events/3/tickets/41/slip')).toBe('/de/wmk/staff/frontdesk/events/3/tickets/41/slip');
    expect(redactUrl('/assets/app.3f9c2a7b1d4e5f60.css')).toBe('/assets/app.3f9c2a7b1d4e5f60.css');
  });
});
