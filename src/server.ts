import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { seedDemo } from './modules/demo/demo.seed.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await runMigrations(database);
  if (config.seedDemo) await seedDemo(database.db, new Date());

  const app = await buildApp({ config, database });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    await app.close();
    await database.close();
  });
  await app.listen({ host: config.host, port: config.port });

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}/pglite`;
  console.log(`\nfamilientag is running at ${config.publicUrl}/  (database: ${where})`);
  if (config.seedDemo) {
    console.log(`  Werra-Meißner-Kreis:  ${config.publicUrl}/de/wmk`);
    console.log(`  Landkreis Kassel:     ${config.publicUrl}/de/kassel`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
