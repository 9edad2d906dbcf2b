import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { events } from '../../src/modules/events/events.table.js';
import { organisations } from '../../src/modules/organisations/organisations.table.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'familientag-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the server as `npm start` does and waits for the line with its URL. */
function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /familientag is running at (http:\/\/\S+?)\/ /.exec(output);
      if (match && output.includes('/de/kassel')) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('npm start on the embedded database', () => {
  it('serves the demo, keeps its data across a restart, seeds only once and stops cleanly', async () => {
    const first = await startServer();
    expect(first.output()).toContain('/de/wmk');
    const page = await fetch(`${first.url}/de/wmk`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Tag der Familienleistungen');
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = await startServer();
    expect(await (await fetch(`${second.url}/de/wmk`)).text()).toBe(body);
    expect(await stop(second.child)).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    expect(await database.db.select({ n: count() }).from(organisations)).toEqual([{ n: 2 }]);
    // Per county: today, six months ahead and twelve months of history, seeded once.
    expect(await database.db.select({ n: count() }).from(events)).toEqual([{ n: 2 * (1 + 6 + 12) }]);
    await database.close();
  }, 120_000);
});
