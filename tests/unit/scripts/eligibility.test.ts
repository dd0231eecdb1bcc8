/**
 * `scripts/eligibility.ts`: its `main` in-process (the contract the README documents),
 * and one real run as `npx tsx scripts/eligibility.ts '<answers as JSON>'`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, parseFacts } from '../../../src/domain/eligibility/index';
import { main } from '../../../scripts/eligibility';
import { runMain } from '../../helpers/cli';
import { contentCopy } from '../../helpers/content';
import { rules } from '../domain/eligibility/helpers';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** What the command should print for these answers. */
function expected(answers: unknown): unknown {
  return evaluate(rules, parseFacts(answers)).map(({ service, verdict, unknown }) => ({ service, verdict, unknown }));
}

const copies: (() => void)[] = [];
afterAll(() => copies.forEach((remove) => remove()));
/** A copy of content/ to break. */
function copy(): string {
  const { dir, remove } = contentCopy();
  copies.push(remove);
  return dir;
}

const run = (args: string[], env: Record<string, string> = {}) => runMain(main, args, env);

describe('scripts/eligibility.ts', () => {
  it.each([
    [{ group: 'child', age: 3, vdeavkSpecialCare: true, parentsWorkOrStudy: true }],
    [{ group: 'adult', age: 30, disabilityGroup: 'II', supportPlan: true }],
    [{ group: 'foster', municipality: 'ventspils', filledBy: 'professional' }],
  ])("prints a JSON array of every service for %j and nothing else, in the services' order", async (answers) => {
    const r = await run([JSON.stringify(answers)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as { service: string }[];
    expect(printed).toEqual(expected(answers));
    expect(printed.map((x) => x.service)).toEqual(rules.map((x) => x.service));
    expect(printed).toHaveLength(15);
  });

  it.each([
    ['invalid JSON', '{group: child}', /^eligibility: invalid JSON/],
    ['a JSON array', '["child"]', /^eligibility: answers: expected an object/],
    ['JSON null', 'null', /^eligibility: answers: expected an object/],
    ['an unknown fact', '{"group":"adult","vecums":30}', /^eligibility: "vecums": unknown fact/],
    [
      'an invalid value',
      '{"group":"adult","disabilityGroup":"IV"}',
      /^eligibility: disabilityGroup: expected "I" \| "II" \| "III" \| "none"/,
    ],
  ])('exit code 2 and one message on stderr for %s', async (_what, arg, message) => {
    const r = await run([arg]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('exit code 2 without an argument', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^eligibility: usage:/);
  });

  it('exit code 2 when a rule file is invalid, naming the file and the field', async () => {
    const content = copy();
    const file = join(content, 'eligibility', 'dac.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: [I, II]', 'value: [I, IV]'));
    const r = await run(['{"group":"adult"}'], { ELIGIBILITY_CONTENT_DIR: content });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'eligibility: content/eligibility/dac.yaml: conditions[2].value[1]: expected "I" | "II" | "III" | "none"\n',
    );
  });

  it('exit code 2 when a service in content/services/ has no rule file', async () => {
    const content = copy();
    unlinkSync(join(content, 'eligibility', 'gvpp.yaml'));
    const r = await run(['{"group":"adult"}'], { ELIGIBILITY_CONTENT_DIR: content });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'eligibility: content/services/gvpp.yaml: has no eligibility rules (content/eligibility/gvpp.yaml)\n',
    );
  });

  it('runs as the README writes it: npx tsx scripts/eligibility.ts', async () => {
    const answers = { group: 'child', age: 17, vdeavkSpecialCare: true };
    const r = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        'npx',
        ['tsx', 'scripts/eligibility.ts', JSON.stringify(answers)],
        { cwd: REPO, timeout: 60_000 },
        (error, stdout) =>
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout }),
      );
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected(answers));
  }, 60_000);
});
