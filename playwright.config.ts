import { defineConfig } from '@playwright/test';

/** The demo server's port. */
export const PORT = Number(process.env.E2E_PORT ?? 3199);
/** The second server: an empty store (no demo) whose first administrator comes from the environment. */
export const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT ?? PORT + 1000);
export const EMPTY_ADMIN = { email: 'founder@example.com', password: 'first-admin-pass' } as const;
/** A third server, empty too, for engagement.spec.ts: an empty store holds one organisation made in the browser. */
export const ENGAGEMENT_PORT = Number(process.env.E2E_ENGAGEMENT_PORT ?? PORT + 2000);
/**
 * Demo servers of their own for the specs that change the demo widely (an imported copy of a
 * matrix, a dozen items in every part, new objectives, KPI check-ins that move the CIO, a what-if
 * scenario applied to the CSO's plan): the specs
 * sharing the main demo server then see the demo as seeded, whatever order they run in.
 */
export const SCRATCH_PORTS = {
  matrixImport: PORT + 3000,
  walkThrough: PORT + 3001,
  okrEditing: PORT + 3002,
  measuredBy: PORT + 3003,
  audit: PORT + 3004,
  keyboard: PORT + 3007,
  closeYear: PORT + 3005,
  scenarios: PORT + 3006,
} as const;
/** The base URL of a scratch demo server, for `test.use({ baseURL })`. */
export const scratchUrl = (name: keyof typeof SCRATCH_PORTS): string =>
  `http://localhost:${String(SCRATCH_PORTS[name])}`;

/**
 * Browser tests drive Debian's Chromium (Playwright's own browser download is not used). The
 * server is the real one: `catchball serve` on a fresh embedded store with the demo loaded; a
 * second one on an empty store (`--no-demo`, port E2E_EMPTY_PORT) serves org-setup.spec.ts, which
 * builds an organisation from nothing in the browser; a third (port E2E_ENGAGEMENT_PORT) serves
 * engagement.spec.ts, the whole coach engagement from an empty store.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1600, height: 1100 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    ...Object.entries(SCRATCH_PORTS).map(([name, port]) => ({
      command: `rm -rf test-results/e2e-${name}-data && node bin/catchball.mjs serve --port ${String(port)} --data-dir test-results/e2e-${name}-data`,
      url: `http://localhost:${String(port)}/readyz`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { LOG_LEVEL: 'silent', DATABASE_URL: '' },
    })),
    {
      command: `rm -rf test-results/e2e-data && node bin/catchball.mjs serve --port ${PORT} --data-dir test-results/e2e-data`,
      url: `http://localhost:${PORT}/readyz`,
      timeout: 90_000,
      reuseExistingServer: false,
      env: { LOG_LEVEL: 'silent', DATABASE_URL: '' },
    },
    {
      command: `rm -rf test-results/e2e-empty-data && node bin/catchball.mjs serve --no-demo --port ${EMPTY_PORT} --data-dir test-results/e2e-empty-data`,
      url: `http://localhost:${EMPTY_PORT}/readyz`,
      timeout: 90_000,
      reuseExistingServer: false,
      env: {
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
        CATCHBALL_ADMIN_EMAIL: EMPTY_ADMIN.email,
        CATCHBALL_ADMIN_PASSWORD: EMPTY_ADMIN.password,
        CATCHBALL_ADMIN_NAME: 'Fiona Founder',
      },
    },
    {
      command: `rm -rf test-results/e2e-engagement-data && node bin/catchball.mjs serve --no-demo --port ${ENGAGEMENT_PORT} --data-dir test-results/e2e-engagement-data`,
      url: `http://localhost:${ENGAGEMENT_PORT}/readyz`,
      timeout: 90_000,
      reuseExistingServer: false,
      env: {
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
        CATCHBALL_ADMIN_EMAIL: EMPTY_ADMIN.email,
        CATCHBALL_ADMIN_PASSWORD: EMPTY_ADMIN.password,
        CATCHBALL_ADMIN_NAME: 'Fiona Founder',
      },
    },
  ],
});
