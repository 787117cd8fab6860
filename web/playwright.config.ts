import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The service under test: the built app (`npm run build` first) on a fresh SQLite file with the demo
// data, on a port drawn once (workers inherit the environment of the runner that loads this file).
// Chromium refuses some ports outright (ERR_UNSAFE_PORT): never draw those, for the service or for the
// development identity provider beside it (the port + 1000).
const UNSAFE_PORTS = new Set([3659, 4045, 4190, 4659]);
let drawn = 3100 + Math.floor(Math.random() * 900);
while (UNSAFE_PORTS.has(drawn) || UNSAFE_PORTS.has(drawn + 1000)) drawn++;
process.env.KK_WEB_PORT ??= String(drawn);
process.env.KK_WEB_DB ??= join(mkdtempSync(join(tmpdir(), 'kemkollen-browser-')), 'kemkollen.sqlite');
const port = Number(process.env.KK_WEB_PORT);

/**
 * Journeys through the web app in Debian's Chromium (Playwright cannot download its own browser
 * here), with axe on every page and a screenshot of each as a test artifact (web/test-results/).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'sv-SE',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node dist/main.js',
    cwd: '..',
    url: `http://127.0.0.1:${port}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: process.env.KK_WEB_DB!,
      LOG_LEVEL: 'warn',
      EVENTS_POLL_MS: '500',
      // Notifications without SMTP, fast: a webhook that cannot be reached is turned off after 2 tries.
      NOTIFY_ENABLED: 'true',
      NOTIFY_POLL_MS: '200',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_DISABLE_AFTER: '2',
      // The development identity provider that `npm start` runs beside the service (sign-in.spec.ts).
      DEV_IDP_PORT: String(port + 1000),
    },
  },
});
