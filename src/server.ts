import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { databaseCause, isDatabaseUnavailable } from './db/errors.js';
import { runMigrations } from './db/migrate.js';
import { loggableError } from './lib/logging.js';
import { DEMO_PASSWORD, DEMO_STAFF, demoStaffEmail } from './modules/demo/demo.data.js';
import { seedDemo } from './modules/demo/demo.seed.js';

async function main() {
  const config = loadConfig();
  let database: Database;
  if (config.databaseUrl) {
    const migrating = await openDatabase({ kind: 'postgres', url: config.databaseUrl, maxConnections: 1, forMigrations: true });
    await whenReachable(() => runMigrations(migrating));
    await migrating.close();
    database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
    await runMigrations(database);
  }
  if (config.seedDemo) await seedDemo(database.db, new Date());

  const app = await buildApp({ config, database });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ error: loggableError(err) }, 'shutting down after an error');
    await app.close();
    await database.close();
  });
  const address = await app.listen({ host: config.host, port: config.port });
  app.mailWorker.start();
  // Without PUBLIC_URL the links follow the real address (PORT=0 picks a free port).
  const base = config.publicUrlFromEnv ? config.publicUrl : address.replace('127.0.0.1', 'localhost');

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}/pglite`;
  console.log(`\nfamilientag is running at ${base}/  (database: ${where})`);
  if (config.seedDemo) {
    console.log(`  Werra-Meißner-Kreis:  ${base}/de/wmk`);
    console.log(`  Landkreis Kassel:     ${base}/de/kassel`);
    console.log(`\n  Demo staff (password "${DEMO_PASSWORD}"), sign in at ${base}/de/wmk/staff/login or ${base}/de/kassel/staff/login:`);
    for (const person of DEMO_STAFF) {
      console.log(`    ${person.role.padEnd(12)} ${demoStaffEmail(person.local, 'wmk')}  ·  ${demoStaffEmail(person.local, 'kassel')}`);
    }
    console.log(`  Today is a practice day (08:00–20:00) with five booked families; the expert serves "Tisch 1".`);
  }
  console.log(config.mail.smtpUrl ? '  Mail: sent by SMTP (SMTP_URL).' : `  Mail: written to ${config.dataDir}/mail; coordinators read their county's at ${base}/de/<county>/staff/mail`);
}

/**
 * A PostgreSQL server that is still starting or restarting (started alongside us, or being updated)
 * is waited for up to a minute instead of failing the start; any other error stops at once.
 */
async function whenReachable(work: () => Promise<void>): Promise<void> {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > giveUpAt) throw error;
      console.error(`The database does not answer yet (${databaseCause(error)?.code}); trying again in 2 s.`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
