import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Two app servers on one PostgreSQL (E2E_DATABASE_URL, a fresh database), for the live-update
 * test across servers: `E2E_DATABASE_URL=postgres://… npx playwright test -c playwright.live.config.ts`.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error('Set E2E_DATABASE_URL to a fresh PostgreSQL database for the two-server test');
const [first, second] = [3197, 3198];
process.env.E2E_SECOND_URL = `http://localhost:${second}`;

export default defineConfig({
  ...base,
  testMatch: 'live.spec.ts',
  outputDir: 'test-results/e2e-live',
  use: { ...base.use, baseURL: `http://localhost:${first}` },
  webServer: [first, second].map((port, index) => ({
    // The first server migrates and loads the demo; the second starts once the first is ready.
    command: `node bin/catchball.mjs serve --port ${port}${index === 0 ? '' : ' --no-demo'}`,
    url: `http://localhost:${port}/readyz`,
    timeout: 90_000,
    reuseExistingServer: false,
    env: { LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
  })),
});
