import { defineConfig } from 'vitest/config';

// Browser tests need Chromium (Debian's `chromium`); `npm test` stays runnable without it.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
