/**
 * `npm run content:check` (`scripts/content-check.ts`): its `main` in-process on a broken
 * copy of the content, and one real run on the real content.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/content-check';
import { runMain } from '../../helpers/cli';
import { contentCopy } from '../../helpers/content';

const ROOT = resolve('.');
let dir: string;
let remove: () => void;
beforeEach(() => {
  ({ dir, remove } = contentCopy());
});
afterEach(() => remove());

function edit(file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
}

describe('the content check', () => {
  it('passes on the real content and prints the readability table (a real run)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('Content check passed.');
    expect(r.stdout).toMatch(/\/viegli\/pakalpojumi\/atelpas-bridis\/\s+\d+\s+\d+\.\d\s+\d+/);
    expect(r.status).toBe(0);
  });

  it('fails naming file and field: long sentence, missing asOf and source, an empty easy-read list', async () => {
    edit(
      'services/atelpas-bridis.yaml',
      /^easy:\n {2}title: .*$/m,
      'easy:\n  title: Šis virsraksts ir ļoti garš un tajā ir pārāk daudz vārdu, lai to varētu viegli izlasīt un saprast uzreiz',
    );
    edit('services/dac.yaml', /^asOf: .*\n/m, '');
    edit('target-groups/berni-ar-ft.yaml', /^source:(?: .*\n|\n(?: {2}- .*\n)+)/m, '');
    // The easy-read version says nothing where the Latvian one has a list.
    edit('services/vajadzibu-izvertesana.yaml', /(\neasy:[\s\S]*?\n {2}includes:)\n( {4}- .*\n)+/, '$1 []\n');
    const r = await runMain(main, [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/services\/atelpas-bridis\.yaml: easy\.title: 1[6-9] words \(max 15\)/);
    expect(r.stderr).toContain('content/services/dac.yaml: asOf: missing');
    expect(r.stderr).toContain('content/target-groups/berni-ar-ft.yaml: source: missing');
    expect(r.stderr).toContain(
      'content/services/vajadzibu-izvertesana.yaml: easy.includes: empty, but lv.includes has 4 items',
    );
  });

  it('fails naming file and field: an unknown service, an unknown fact in a rule', async () => {
    edit('locations/priekule.yaml', /service: dac\b/, 'service: dac-nav');
    const r = await runMain(main, [dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/locations\/priekule\.yaml: offers\[\d\]\.service: unknown service "dac-nav"/);
    edit('locations/priekule.yaml', /service: dac-nav\b/, 'service: dac');
    edit('eligibility/dac.yaml', 'fact: group', 'fact: invaliditate');
    const r2 = await runMain(main, [dir]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/content\/eligibility\/dac\.yaml: conditions\[\d\]\.fact: expected "group" \| "age"/);
  });
});
