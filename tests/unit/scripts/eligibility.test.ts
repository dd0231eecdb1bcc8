/**
 * `scripts/eligibility.ts`: its `main` in-process (the contract the README documents:
 * every service with its verdict — `likely`, `maybe`, `first` or `no` — the unknown
 * answers and the pages of the steps that come first), and one real run as
 * `npx tsx scripts/eligibility.ts '<answers as JSON>'`.
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

/** What the command should print for these answers: for `first`, the steps are the pages its reasons name, each once. */
function expected(answers: unknown): unknown {
  return evaluate(rules, parseFacts(answers)).map(({ service, verdict, unknown, reasons }) => ({
    service,
    verdict,
    unknown,
    steps: verdict === 'first' ? [...new Set(reasons.flatMap((r) => (r.step === null ? [] : [r.step])))] : [],
  }));
}

interface Printed {
  service: string;
  verdict: string;
  unknown: string[];
  steps: string[];
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
    [{ group: 'child', age: 7, disabilityDetermined: true, vdeavkSpecialCare: true, municipality: 'talsu-novads' }],
    [{ group: 'child', age: 7, disabilityDetermined: true, vdeavkSpecialCare: false }],
    [{ group: 'child-in-care', careSetting: 'institution', age: 12, vdeavkSpecialCare: null }],
    [{ group: 'adult', age: 30, disabilityDetermined: true, disabilityGroup: 'III' }],
    [{ group: 'foster', municipality: 'ventspils', filledBy: 'professional' }],
  ])("prints a JSON array of every service for %j and nothing else, in the services' order", async (answers) => {
    const r = await run([JSON.stringify(answers)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as Printed[];
    expect(printed).toEqual(expected(answers));
    expect(printed.map((x) => x.service)).toEqual(rules.map((x) => x.service));
    expect(printed).toHaveLength(19);
    for (const p of printed) expect(Object.keys(p)).toEqual(['service', 'verdict', 'unknown', 'steps']);
  });

  it('a step first: verdict "first" with the page that explains the step', async () => {
    const r = await run([
      '{"group":"child","age":7,"disabilityDetermined":true,"vdeavkSpecialCare":false,"municipality":"liepaja"}',
    ]);
    expect(r.code).toBe(0);
    const respite = (JSON.parse(r.stdout) as Printed[]).find((p) => p.service === 'atelpas-bridis');
    expect(respite).toEqual({
      service: 'atelpas-bridis',
      verdict: 'first',
      unknown: [],
      steps: ['/pakalpojumi/invaliditates-noteiksana/'],
    });
  });

  it('every verdict is one of likely | maybe | first | no; "maybe" names its unknown answers', async () => {
    const r = await run(['{"group":"child","age":7,"disabilityDetermined":null}']);
    const printed = JSON.parse(r.stdout) as Printed[];
    for (const p of printed) expect(['likely', 'maybe', 'first', 'no']).toContain(p.verdict);
    const care = printed.find((p) => p.service === 'aprupe-berniem');
    expect(care?.verdict).toBe('maybe');
    expect(care?.unknown).toEqual(expect.arrayContaining(['disabilityDetermined', 'vdeavkSpecialCare']));
  });

  it.each([
    ['invalid JSON', '{group: child}', /^eligibility: invalid JSON/],
    ['a JSON array', '["child"]', /^eligibility: answers: expected an object/],
    ['JSON null', 'null', /^eligibility: answers: expected an object/],
    ['an unknown fact', '{"group":"adult","vecums":30}', /^eligibility: "vecums": unknown fact/],
    [
      'a fact the rules no longer use',
      '{"group":"child","supportPlan":true}',
      /^eligibility: "supportPlan": unknown fact/,
    ],
    [
      'a care setting out of range',
      '{"group":"child-in-care","careSetting":"street"}',
      /^eligibility: careSetting: expected "family" \| "institution"/,
    ],
    [
      'contradicting answers',
      '{"group":"child","disabilityDetermined":false,"vdeavkSpecialCare":true}',
      /^eligibility: vdeavkSpecialCare: true contradicts disabilityDetermined: false/,
    ],
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
    const file = join(content, 'eligibility', 'asistents.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('value: [I, II]');
    writeFileSync(file, text.replace('value: [I, II]', 'value: [I, IV]'));
    const r = await run(['{"group":"adult"}'], { ELIGIBILITY_CONTENT_DIR: content });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'eligibility: content/eligibility/asistents.yaml: ways[1].conditions[4].value[1]: expected "I" | "II" | "III" | "none"\n',
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
    const answers = { group: 'child', age: 17, vdeavkSpecialCare: true, careSetting: 'family' };
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
