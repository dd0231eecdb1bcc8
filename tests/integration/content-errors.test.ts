/**
 * Content mistakes stop the build itself, naming the file and the field: Astro's
 * collections use the content model's schemas (`astro sync` on a broken copy), and the
 * build checks the content as a whole before it builds anything (`astro build` on a copy
 * naming an unknown id). Every
 * other content mistake is tested on the schemas and `checkContent` directly
 * (tests/unit/domain/model/, tests/unit/scripts/content-check.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the project (sources, content, config) sharing node_modules. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kv-project-'));
  copies.push(dir);
  for (const p of [
    'src',
    'content',
    'public',
    'scripts',
    'server',
    'astro.config.mjs',
    'tsconfig.json',
    'package.json',
  ]) {
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

  it('fails on a reference to an unknown municipality, naming the file and the field', () => {
    const dir = copyProject();
    edit(dir, 'content/locations/rucava.yaml', /^municipality: .*$/m, 'municipality: rucavas-novads');
    const r = run(dir, ['node_modules/astro/astro.js', 'build']);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/content\/locations\/rucava\.yaml: municipality: unknown municipality "rucavas-novads"/);
  });
});
