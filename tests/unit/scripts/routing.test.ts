/**
 * `scripts/routing.ts`: its `main` in-process on a copy of the content (one real run as a
 * process, as the README documents it).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/routing';
import { runMain } from '../../helpers/cli';
import { contentCopy, editYaml } from '../../helpers/content';

const ROOT = join(import.meta.dirname, '../../..');
let dir: string;
let remove: () => void;

/** Liepāja: both offices known and verified; Kuldīga: the court's address unknown. */
beforeEach(() => {
  ({ dir, remove } = contentCopy());
  editYaml(dir, 'municipalities/liepaja.yaml', (m) => {
    Object.assign(m['socialService'] as object, { email: 'soc@liepaja.example.test', verified: true });
    Object.assign(m['orphansCourt'] as object, { email: 'bt@liepaja.example.test', verified: true });
  });
  editYaml(dir, 'municipalities/kuldigas-novads.yaml', (m) => {
    Object.assign(m['socialService'] as object, { email: 'dienests@kuldiga.example.test', verified: false });
    Object.assign(m['orphansCourt'] as object, { email: null, verified: false });
  });
});
afterEach(() => remove());

const run = (args: string[], env: Record<string, string> = {}) => runMain(main, args, { CONTENT_DIR: dir, ...env });

describe('scripts/routing.ts', () => {
  it('--json prints the effective table', async () => {
    const { code, stdout } = await run(['--json']);
    expect(code).toBe(0);
    const table = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(table)).toHaveLength(8);
    expect(table['liepaja']).toEqual({
      service: 'soc@liepaja.example.test',
      foster: 'bt@liepaja.example.test',
      verified: { service: true, foster: true },
    });
    expect(table['kuldigas-novads']).toEqual({
      service: 'dienests@kuldiga.example.test',
      foster: 'barintiesa.kuldigas-novads@nezinams.invalid',
      verified: { service: false, foster: false },
    });
  });

  it('applies ROUTING_FILE (partial) with its own verified flags', async () => {
    const file = join(dir, 'routing.json');
    writeFileSync(
      file,
      JSON.stringify({ 'kuldigas-novads': { foster: 'bt@kuldiga.example.test', verified: { foster: true } } }),
    );
    const { code, stdout } = await run(['--json'], { ROUTING_FILE: file });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Record<string, unknown>)['kuldigas-novads']).toEqual({
      service: 'dienests@kuldiga.example.test',
      foster: 'bt@kuldiga.example.test',
      verified: { service: false, foster: true },
    });
  });

  it('exits 2 with a clear message for an invalid routing file', async () => {
    const file = join(dir, 'routing.json');
    writeFileSync(
      file,
      JSON.stringify({ riga: { service: 'a@riga.example.test' }, liepaja: { foster: 'nav adrese' } }),
    );
    const { code, stdout, stderr } = await run(['--json'], { ROUTING_FILE: file });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('riga: unknown municipality id');
    expect(stderr).toContain('liepaja.foster: must be an e-mail address');
  });

  it('exits 1 naming the file and field when the content is not valid', async () => {
    editYaml(dir, 'municipalities/liepaja.yaml', (m) => {
      (m['socialService'] as Record<string, unknown>)['email'] = 'nav adrese';
    });
    const { code, stderr } = await run(['--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('content/municipalities/liepaja.yaml: socialService.email: not an e-mail address');
  });

  it('prints a readable table with the production problems, and --strict fails on them', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/kuldigas-novads\s+service\s+dienests@kuldiga\.example\.test\s+UNVERIFIED/);
    expect(stdout).toContain('PLACEHOLDER');
    expect(stdout).toContain('problem(s) stop a production start');
    expect((await run(['--strict'])).code).toBe(3);
    expect((await run(['--bogus'])).code).toBe(1);
  });

  it('runs as a process, as the README documents it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'routing.ts'), '--json'], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir, ROUTING_FILE: '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Record<string, { service: string }>)['liepaja']?.service).toBe(
      'soc@liepaja.example.test',
    );
  });
});
