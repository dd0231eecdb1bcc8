/**
 * The command-line door, run as a child process exactly as documented:
 * `npx tsx scripts/eligibility.ts '<answers as JSON>'`.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, parseFacts } from '../../../../src/domain/eligibility/index';
import { DEFAULT_CONTENT_DIR } from '../../../../scripts/lib/load-rules';
import { rules } from './helpers';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const TIMEOUT = 60_000;

interface Run {
  code: number;
  stdout: string;
  /** stderr without npm's own warnings (npx may print some about the local npm config). */
  stderr: string;
}

function run(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/eligibility.ts', ...args],
      { cwd: REPO, env: { ...process.env, ...env }, timeout: TIMEOUT },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        const ownStderr = stderr
          .split('\n')
          .filter((line) => line !== '' && !line.startsWith('npm warn'))
          .join('\n');
        resolve({ code, stdout, stderr: ownStderr });
      },
    );
  });
}

/** What the command should print for these answers. */
function expected(answers: unknown): unknown {
  return evaluate(rules, parseFacts(answers)).map(({ service, verdict, unknown }) => ({ service, verdict, unknown }));
}

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of content/ to break. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eligibility-cli-'));
  tmpDirs.push(dir);
  const content = join(dir, 'content');
  for (const part of ['sources.yaml', 'services', 'eligibility']) {
    cpSync(join(DEFAULT_CONTENT_DIR, part), join(content, part), { recursive: true });
  }
  return content;
}

describe.concurrent('scripts/eligibility.ts', () => {
  it.each([
    [{ group: 'child', age: 3, vdeavkSpecialCare: true, parentsWorkOrStudy: true }],
    [{ group: 'adult', age: 30, disabilityGroup: 'II', supportPlan: true }],
    [{ group: 'foster', municipality: 'ventspils', filledBy: 'professional' }],
  ])(
    "prints a JSON array of every service for %j and nothing else, in the services' order",
    async (answers) => {
      const r = await run([JSON.stringify(answers)]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const printed = JSON.parse(r.stdout) as { service: string }[];
      expect(printed).toEqual(expected(answers));
      expect(printed.map((x) => x.service)).toEqual(rules.map((x) => x.service));
      expect(printed).toHaveLength(15);
    },
    TIMEOUT,
  );

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
  ])(
    'exit code 2 and one message on stderr for %s',
    async (_what, arg, message) => {
      const r = await run([arg]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    },
    TIMEOUT,
  );

  it(
    'exit code 2 without an argument',
    async () => {
      const r = await run([]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^eligibility: usage:/);
    },
    TIMEOUT,
  );

  it(
    'exit code 2 when a rule file is invalid, naming the file and the field',
    async () => {
      const content = contentCopy();
      const file = join(content, 'eligibility', 'dac.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: [I, II]', 'value: [I, IV]'));
      const r = await run(['{"group":"adult"}'], { ELIGIBILITY_CONTENT_DIR: content });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'eligibility: content/eligibility/dac.yaml: conditions[2].value[1]: expected "I" | "II" | "III" | "none"',
      );
    },
    TIMEOUT,
  );

  it(
    'exit code 2 when a service in content/services/ has no rule file',
    async () => {
      const content = contentCopy();
      unlinkSync(join(content, 'eligibility', 'gvpp.yaml'));
      const r = await run(['{"group":"adult"}'], { ELIGIBILITY_CONTENT_DIR: content });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('eligibility: content/services/gvpp.yaml has no rule file content/eligibility/gvpp.yaml');
    },
    TIMEOUT,
  );
});
