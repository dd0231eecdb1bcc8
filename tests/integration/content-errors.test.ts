/**
 * Content mistakes are caught before they reach a reader: the content check and the build
 * fail and name the file and the field. Each case breaks a copy of the project in a
 * temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');

/** A copy of the project (sources, content, config) sharing node_modules. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-content-'));
  for (const p of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
}

function run(dir: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('the content check', () => {
  it('passes on the real content', () => {
    const r = run(ROOT, ['--import', 'tsx', 'scripts/content-check.ts']);
    expect(r.out).toContain('Content check passed.');
    expect(r.status).toBe(0);
  });

  it('fails naming file and field: unknown service, long sentence, missing asOf and source', () => {
    const dir = copyProject();
    edit(dir, 'content/locations/priekule.yaml', /service: dac\b/, 'service: dac-nav');
    edit(
      dir,
      'content/services/atelpas-bridis.yaml',
      /^easy:\n {2}title: .*$/m,
      'easy:\n  title: Šis virsraksts ir ļoti garš un tajā ir pārāk daudz vārdu, lai to varētu viegli izlasīt un saprast uzreiz',
    );
    edit(dir, 'content/services/dac.yaml', /^asOf: .*\n/m, '');
    edit(dir, 'content/target-groups/berni-ar-ft.yaml', /^source: .*\n/m, '');
    // The easy-read version says nothing where the Latvian one has a list.
    edit(
      dir,
      'content/services/vajadzibu-izvertesana.yaml',
      /(\neasy:[\s\S]*?\n {2}includes:)\n( {4}- .*\n)+/,
      '$1 []\n',
    );
    const r = run(dir, ['--import', 'tsx', 'scripts/content-check.ts']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/content\/locations\/priekule\.yaml: offers\[\d\]\.service: unknown service "dac-nav"/);
    expect(r.out).toMatch(/content\/services\/atelpas-bridis\.yaml: easy\.title: 1[6-9] words \(max 15\)/);
    expect(r.out).toContain('content/services/dac.yaml: asOf: missing');
    expect(r.out).toContain('content/target-groups/berni-ar-ft.yaml: source: missing');
    expect(r.out).toContain(
      'content/services/vajadzibu-izvertesana.yaml: easy.includes: empty, but lv.includes has 3 items',
    );
  });
});

// Each case runs astro on a copy of the project: seconds alone, much longer on a busy 2-core machine.
describe('the build', { timeout: 120_000 }, () => {
  it('fails on a missing required field, naming the entry, the file and the field', () => {
    const dir = copyProject();
    edit(dir, 'content/services/dac.yaml', /^ {2}summary: .*\n/m, '');
    const r = run(dir, ['node_modules/astro/astro.js', 'sync']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('services → dac');
    expect(r.out).toContain('content/services/dac.yaml');
    expect(r.out).toMatch(/lv\.summary[\s\S]*Required/);
  });

  it('fails on a contact note without its easy-read text, naming the file and the field', () => {
    const dir = copyProject();
    edit(dir, 'content/municipalities/ventspils.yaml', /^ {2}noteEasy:\n( {4}- .*\n)+/m, '');
    const r = run(dir, ['node_modules/astro/astro.js', 'sync']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('content/municipalities/ventspils.yaml');
    expect(r.out).toMatch(/noteEasy[\s\S]*easy-read text of `note` is missing/);
  });

  it('fails on a reference to an unknown municipality, naming the file and the field', () => {
    const dir = copyProject();
    edit(dir, 'content/locations/rucava.yaml', /^municipality: .*$/m, 'municipality: rucavas-novads');
    const r = run(dir, ['node_modules/astro/astro.js', 'build']);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/content\/locations\/rucava\.yaml: municipality: unknown municipalities id "rucavas-novads"/);
  });
});
