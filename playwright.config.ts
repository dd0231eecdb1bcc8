import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/e2e/browser';

const PORT = Number(process.env['E2E_PORT'] ?? 4399);
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env['CI'] ? [['list']] : [['list']],
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
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-e2e-')),
      LOG_LEVEL: 'warn',
      // The browser tests send many enquiries from one address; the limit itself is tested in tests/integration.
      RATE_LIMIT_PER_MINUTE: '1000',
    },
  },
});
