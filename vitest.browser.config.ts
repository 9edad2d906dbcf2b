import { defineConfig } from 'vitest/config';

// Browser tests need Chromium (Debian's `chromium`); `npm test` stays runnable without it.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000, // an axe walk over every public page of a language takes minutes on a busy 2-core machine
    hookTimeout: 120_000,
  },
});
