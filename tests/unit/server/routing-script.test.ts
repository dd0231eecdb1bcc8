/**
 * `server/content.ts` and `scripts/routing.ts` on a temporary content folder (the real
 * content is being written; these tests must not depend on its state).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ContentError,
  RoutingFileError,
  loadMunicipalities,
  loadReferralContent,
  loadRoutingOverrides,
  loadServices,
} from '../../../server/content';

const ROOT = join(import.meta.dirname, '../../..');
let dir: string;

function municipality(id: string, order: number, social: string | null, court: string | null, verified = false): void {
  writeFileSync(
    join(dir, 'municipalities', `${id}.yaml`),
    [
      `order: ${order}`,
      `name: ${id} name`,
      `nameIn: ${id} nameIn`,
      'socialService:',
      `  name: ${id} sociālais dienests`,
      `  email: ${social ?? 'null'}`,
      `  verified: ${verified}`,
      'orphansCourt:',
      '  name: null',
      `  email: ${court ?? 'null'}`,
      `  verified: ${verified}`,
      '',
    ].join('\n'),
  );
}

function runScript(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'routing.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, ROUTING_FILE: '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-content-'));
  mkdirSync(join(dir, 'municipalities'));
  mkdirSync(join(dir, 'services'));
  municipality('liepaja', 10, 'soc@liepaja.example.test', 'bt@liepaja.example.test', true);
  municipality('kuldigas-novads', 40, 'dienests@kuldiga.example.test', null);
  writeFileSync(
    join(dir, 'services', 'dac.yaml'),
    'order: 2\nlv:\n  title: Dienas aprūpes centrs\neasy:\n  title: DAC\n',
  );
  writeFileSync(join(dir, 'services', 'atelpas-bridis.yaml'), 'order: 1\nlv:\n  title: Atelpas brīdis\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('content loading', () => {
  it('reads municipalities in order, with office addresses and names', () => {
    const ms = loadMunicipalities(dir);
    expect(ms.map((m) => m.id)).toEqual(['liepaja', 'kuldigas-novads']);
    expect(ms[1]).toMatchObject({
      name: 'kuldigas-novads name',
      socialService: { email: 'dienests@kuldiga.example.test', verified: false },
      orphansCourt: { email: null, verified: false },
      officeNames: { service: 'kuldigas-novads sociālais dienests', foster: null },
    });
  });

  it('reads services with their titles', () => {
    expect(loadServices(dir).map((s) => [s.id, s.title, s.easyTitle])).toEqual([
      ['atelpas-bridis', 'Atelpas brīdis', null],
      ['dac', 'Dienas aprūpes centrs', 'DAC'],
    ]);
  });

  it('names the file and field that are wrong', () => {
    writeFileSync(join(dir, 'municipalities', 'bad.yaml'), 'name: Bad\nsocialService:\n  email: 5\n');
    expect(() => loadMunicipalities(dir)).toThrow(ContentError);
    expect(() => loadMunicipalities(dir)).toThrow(/bad\.yaml[\s\S]*socialService\.email[\s\S]*orphansCourt: missing/);
  });

  it('builds everything the referral flow needs', () => {
    const content = loadReferralContent({ contentDir: dir });
    expect(content.ids).toEqual({
      municipalities: ['liepaja', 'kuldigas-novads'],
      services: ['atelpas-bridis', 'dac'],
    });
    expect(content.labels.services['dac']).toBe('Dienas aprūpes centrs');
    expect(content.routing.get('kuldigas-novads')?.foster.placeholder).toBe(true);
  });

  it('validates a routing file', () => {
    const file = join(dir, 'routing.json');
    writeFileSync(file, '{ "liepaja": { "service": 42 } }');
    expect(() => loadRoutingOverrides(file, ['liepaja'])).toThrow(RoutingFileError);
    writeFileSync(file, '{ nope');
    expect(() => loadRoutingOverrides(file, ['liepaja'])).toThrow(/not valid JSON/);
  });
});

describe('scripts/routing.ts', () => {
  it('--json prints the effective table', () => {
    const { status, stdout } = runScript(['--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      liepaja: {
        service: 'soc@liepaja.example.test',
        foster: 'bt@liepaja.example.test',
        verified: { service: true, foster: true },
      },
      'kuldigas-novads': {
        service: 'dienests@kuldiga.example.test',
        foster: 'barintiesa.kuldigas-novads@nezinams.invalid',
        verified: { service: false, foster: false },
      },
    });
  });

  it('applies ROUTING_FILE (partial) with its own verified flags', () => {
    const file = join(dir, 'routing.json');
    writeFileSync(
      file,
      JSON.stringify({ 'kuldigas-novads': { foster: 'bt@kuldiga.example.test', verified: { foster: true } } }),
    );
    const { status, stdout } = runScript(['--json'], { ROUTING_FILE: file });
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Record<string, unknown>)['kuldigas-novads']).toEqual({
      service: 'dienests@kuldiga.example.test',
      foster: 'bt@kuldiga.example.test',
      verified: { service: false, foster: true },
    });
  });

  it('exits 2 with a clear message for an invalid routing file', () => {
    const file = join(dir, 'routing.json');
    writeFileSync(
      file,
      JSON.stringify({ riga: { service: 'a@riga.example.test' }, liepaja: { foster: 'nav adrese' } }),
    );
    const { status, stdout, stderr } = runScript(['--json'], { ROUTING_FILE: file });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('riga: unknown municipality id');
    expect(stderr).toContain('liepaja.foster: must be an e-mail address');
  });

  it('prints a readable table with the production problems, and --strict fails on them', () => {
    const { status, stdout } = runScript([]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/kuldigas-novads\s+service\s+dienests@kuldiga\.example\.test\s+UNVERIFIED/);
    expect(stdout).toContain('PLACEHOLDER');
    expect(stdout).toContain('problem(s) stop a production start');
    expect(runScript(['--strict']).status).toBe(3);
    expect(runScript(['--bogus']).status).toBe(1);
  });
});
