import { defineConfig } from 'vitest/config';

// `*.postgres.test.ts` need a real PostgreSQL server (its settings, or a server of their own to restart):
// they run in the PostgreSQL suite (TEST_DATABASE_URL set, as in `.ci/run`), and `npm test` on PGlite
// leaves them out instead of skipping them.
const postgresOnly = process.env.TEST_DATABASE_URL ? [] : ['test/**/*.postgres.test.ts'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**', ...postgresOnly],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
