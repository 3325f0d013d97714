import { defineConfig } from '@playwright/test';

/**
 * End-to-end suite: the real server (built web app, fresh SQLite database) in Debian's headless Chromium.
 * Screenshots of the main screens go to test-results/screens (not committed) for a person to look at.
 */
const PORT = Number(process.env.E2E_PORT ?? 4310);
const DATA = `test-results/e2e-data-${PORT}`;

export default defineConfig({
  testDir: './test/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: `test-results/playwright-${PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf ${DATA} && node --import tsx src/server/main.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: DATA,
      LOG_LEVEL: 'warn',
      SEVAN_ADMIN_EMAIL: 'admin@e2e.local',
      SEVAN_ADMIN_PASSWORD: 'e2e-admin-password',
      LOGIN_RATE_LIMIT: '1000',
      DEFAULT_PHONE_REGION: 'RU',
      WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    },
  },
});
