import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/e2e/browser';
import { E2E_CONFIRMATION_SECRET, E2E_DATA_DIR } from './tests/e2e/server-env';

const PORT = Number(process.env['E2E_PORT'] ?? 4399);
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'lv-LV',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
      },
    },
  ],
  // The built site served by the real server (the build runs before the tests in `npm test`).
  webServer: {
    command: 'npx tsx server/index.ts',
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: `http://127.0.0.1:${PORT}`,
      // The tests read the e-mails written here (no SMTP_URL: .eml files).
      DATA_DIR: E2E_DATA_DIR,
      CONFIRMATION_SECRET: E2E_CONFIRMATION_SECRET,
      LOG_LEVEL: 'warn',
      // The browser tests send many enquiries from one address; the limit itself is tested in tests/integration.
      RATE_LIMIT_PER_MINUTE: '1000',
    },
  },
});
