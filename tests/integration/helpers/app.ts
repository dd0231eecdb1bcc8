/**
 * Test helpers for the whole server: a routing file that sends every office's mail to a
 * test address, an app built over the real build output with a real SMTP server, and
 * valid enquiries to submit.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { MUNICIPALITY_IDS } from '../../../src/domain/vocabulary';

export const MUNICIPALITIES = MUNICIPALITY_IDS;

/** The test address each office's mail must reach. */
export const officeAddress = (id: string, type: 'service' | 'foster'): string =>
  `${type === 'service' ? 'sd' : 'bt'}.${id}@test.example`;

/** An office's OpenPGP key files in a routing file (paths relative to it, or absolute). */
export type KeyFiles = Partial<Record<'service' | 'foster', string>>;

/**
 * A routing file sending all 8 × 2 routes to test addresses, with the key files `keys`
 * names per municipality; written as `name` in `dir`.
 */
export function writeRoutingFile(
  dir: string,
  keys: Readonly<Record<string, KeyFiles>> = {},
  name = 'routing.json',
): string {
  const table = Object.fromEntries(
    MUNICIPALITIES.map((id) => [
      id,
      {
        service: officeAddress(id, 'service'),
        foster: officeAddress(id, 'foster'),
        verified: { service: true, foster: true },
        ...(keys[id] ? { pgpKeyFile: keys[id] } : {}),
      },
    ]),
  );
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(table));
  return file;
}

export const ORIGIN = 'http://localhost:4321';

/** Build the app with a fresh data folder; `env` adds to or overrides the defaults. */
export async function testApp(env: Record<string, string> = {}): Promise<{ app: FastifyInstance; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kv-api-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ROUTING_FILE: writeRoutingFile(dataDir),
    DELIVERY_RETRY_DELAYS: '0.05,0.1,0.2',
    ...(process.env['DIST_DIR'] ? { DIST_DIR: process.env['DIST_DIR'] } : {}),
    ...env,
  });
  const app = await buildApp(config);
  await app.ready();
  return { app, dataDir };
}

/** Files waiting in the outbox (names are references). */
export const pending = (dataDir: string): string[] => readdirSync(join(dataDir, 'outbox', 'pending'));

export function serviceReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'service',
    municipality: 'kuldigas-novads',
    filledBy: 'parent',
    person: { firstName: 'Anna', age: 7, group: 'child' },
    services: ['atelpas-bridis'],
    contact: {
      name: 'Ilze Bērziņa',
      phone: '+371 20000000',
      email: 'ilze@example.com',
      preferred: 'phone',
      easyLanguage: false,
      supportPerson: false,
    },
    message: 'Lūdzu, piezvaniet pēc 17:00.',
    consent: true,
    website: '',
    ...overrides,
  };
}

export function fosterEnquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'foster',
    municipality: 'saldus-novads',
    filledBy: 'self',
    contact: { name: 'Jānis Ozols', email: 'janis@example.com', easyLanguage: false, supportPerson: false },
    interest: 'audzugimene',
    consent: true,
    website: '',
    ...overrides,
  };
}
