import { defineConfig } from 'vitest/config';

/**
 * Unit tests sit beside the code (src/**\/*.test.ts); API tests live in test/api and each file
 * gets its own database cloned from one migrated template (see test/support/global-setup.ts).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
