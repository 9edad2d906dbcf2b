import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const scripts = path.resolve(import.meta.dirname, '../../scripts');

/** Whether initdb and pg_ctl are on this machine (found the way scripts/postgres-start.sh finds them). */
export function postgresInstalled(): boolean {
  const onPath = (process.env.PATH ?? '').split(':').some((dir) => existsSync(path.join(dir, 'initdb')));
  const debian = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) =>
    existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  return onPath || debian;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL server of this test alone, so it may be stopped and restarted (never the shared one). */
export async function startOwnPostgres() {
  // Not mkdtemp: its 0700 folder would keep out the postgres user the server runs as under root.
  const dataDir = path.join(tmpdir(), `familientag-restart-${randomBytes(6).toString('hex')}`);
  const port = await freePort();
  // Committed means on disk: an immediate shutdown must not lose what the app already confirmed.
  const { stdout } = await run(path.join(scripts, 'postgres-start.sh'), [String(port), dataDir], {
    env: { ...process.env, POSTGRES_OPTIONS: '-c synchronous_commit=on' },
  });
  const url = stdout.trim().split('\n').at(-1)!;
  return {
    url,
    /** `pg_ctl restart`, or with secondsDown: stop, stay down, start again. */
    restart: async (mode: 'fast' | 'immediate', secondsDown?: number) => {
      await run(path.join(scripts, 'postgres-restart.sh'), [dataDir, mode, ...(secondsDown ? [String(secondsDown)] : [])]);
    },
    stop: async () => {
      await run(path.join(scripts, 'postgres-stop.sh'), [dataDir]);
    },
  };
}
