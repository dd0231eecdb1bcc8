/**
 * What the browser tests share with the server they run against (started by
 * playwright.config.ts): its data folder — where, without SMTP_URL, every e-mail is written
 * as an `.eml` file — and its confirmation secret, so a test can sign a receipt the way the
 * server does. The runner sets the folder once; its workers inherit it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The e2e server's DATA_DIR (mail under `<dir>/mail/<municipality>/<reference>[.confirmation].eml`). */
export const E2E_DATA_DIR = (process.env['E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'kv-e2e-')));

/** The e2e server's CONFIRMATION_SECRET (a test value, not the development default). */
export const E2E_CONFIRMATION_SECRET = 'e2e-confirmation-secret-for-the-browser-tests';
