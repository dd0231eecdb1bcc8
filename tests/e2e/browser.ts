/**
 * Which Chromium the browser tests use: Playwright's own where one is installed, else
 * the system's (/usr/bin/chromium on Debian). With none, stop with one line saying how
 * to install one — browser downloads at install time do not work on every machine.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep the system Chromium quiet on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `undefined` = Playwright's own browser; a path = a system Chromium. */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  let own: string | null;
  try {
    own = chromium.executablePath();
  } catch {
    own = null;
  }
  if (own && existsSync(own)) return undefined;
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return system;
  process.stderr.write(
    'No Chromium found: run "npx playwright install chromium", or on Debian "apt-get install chromium" (or set CHROMIUM_PATH).\n',
  );
  process.exit(1);
}
