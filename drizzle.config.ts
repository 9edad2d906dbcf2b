import { defineConfig } from 'drizzle-kit';

// Generates SQL only (`npm run db:generate`); the app applies migrations itself at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
  strict: true,
  verbose: true,
});
