import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { eligibilityRule, easyLineProblem, validateEntry } from '../../../../src/domain/model/index';
import { ContentError, DEFAULT_CONTENT_DIR, loadContent } from '../../../../server/content';
// The 15 services of the portal, each needing a rule file.
import { DEFAULT_SERVICE_IDS as SERVICE_IDS } from '../referral/fixtures';

import { rules } from './helpers';

/** The seed documents live beside the repository (shared/seeds); override with ELIGIBILITY_SEEDS_DIR. */
const SEEDS_DIR = process.env['ELIGIBILITY_SEEDS_DIR'] ?? resolve(DEFAULT_CONTENT_DIR, '../../shared/seeds');

const sources = parse(readFileSync(join(DEFAULT_CONTENT_DIR, 'sources.yaml'), 'utf8')) as {
  id: string;
  kind: string;
}[];

/** A real rule file as plain data, to break one field at a time. */
function realFile(service: string): Record<string, unknown> {
  return parse(readFileSync(join(DEFAULT_CONTENT_DIR, 'eligibility', `${service}.yaml`), 'utf8')) as Record<
    string,
    unknown
  >;
}

function conditionsOf(data: Record<string, unknown>): Record<string, unknown>[] {
  return data['conditions'] as Record<string, unknown>[];
}

/** The first problem of a rule file, as the content check and the server report it. */
function problemOf(data: unknown, file = 'content/eligibility/dac.yaml'): string {
  const result = validateEntry(eligibilityRule, data, file);
  if (result.ok) throw new Error('expected a problem');
  return result.problems[0] ?? '';
}

/** The problems `loadContent` reports for a content folder. */
function contentProblems(dir: string): string[] {
  try {
    loadContent(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return [...(error as ContentError).problems];
  }
  throw new Error('expected the content to be refused');
}

/** Whitespace may differ (seeds are text extracted from slides); every word must match. */
const normalise = (text: string): string => text.replace(/\s+/gu, ' ').trim();

describe('the real rule files in content/eligibility/', () => {
  it('cover exactly the 15 services', () => {
    expect(rules.map((r) => r.service).sort()).toEqual([...SERVICE_IDS].sort());
  });

  it('every condition and every basis quotes a seed document listed in content/sources.yaml', () => {
    const seeds = new Set(sources.filter((s) => s.kind === 'seed').map((s) => s.id));
    for (const r of rules) {
      expect(seeds.has(r.basis.source), `${r.id}: basis`).toBe(true);
      for (const way of r.ways) {
        for (const c of way.conditions) expect(seeds.has(c.source), `${r.id}: ${c.path}`).toBe(true);
      }
    }
  });

  it.skipIf(!existsSync(SEEDS_DIR))('every quote appears word for word in its source', () => {
    const cache = new Map<string, string>();
    const seed = (id: string): string => {
      const text = cache.get(id) ?? normalise(readFileSync(join(SEEDS_DIR, id), 'utf8'));
      cache.set(id, text);
      return text;
    };
    for (const r of rules) {
      expect(seed(r.basis.source), `${r.id}: basis.quote`).toContain(normalise(r.basis.quote));
      for (const way of r.ways) {
        for (const c of way.conditions) {
          expect(seed(c.source), `${r.id}: ${c.path}.quote`).toContain(normalise(c.quote));
        }
      }
    }
  });

  it('easy-read texts are one sentence of at most 15 words', () => {
    for (const r of rules) {
      const texts = [
        ...r.ways.flatMap((w) => w.conditions.flatMap((c) => [c.holds.easy, c.fails.easy])),
        ...r.notes.map((n) => n.easy),
      ];
      for (const text of texts) expect(easyLineProblem(text), `${r.id}: ${text}`).toBeNull();
    }
  });

  it('never test municipality or filledBy', () => {
    const facts = rules.flatMap((r) => r.ways.flatMap((w) => w.conditions.map((c) => c.fact)));
    expect(facts).not.toContain('municipality');
    expect(facts).not.toContain('filledBy');
  });
});

describe('the rule schema rejects a bad field, naming the file and the field path', () => {
  it('a disability group that does not exist', () => {
    const data = realFile('dac');
    conditionsOf(data)[1] = { ...conditionsOf(data)[1], fact: 'disabilityGroup', is: 'equals', value: 'IV' };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: conditions[1].value: expected "I" | "II" | "III" | "none"',
    );
  });

  it('a bad item in a one-of list', () => {
    const data = realFile('dac');
    conditionsOf(data)[2] = { ...conditionsOf(data)[2], value: ['I', 'IV'] };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: conditions[2].value[1]: expected "I" | "II" | "III" | "none"',
    );
  });

  it('an age out of range', () => {
    const data = realFile('dac');
    conditionsOf(data)[1] = { ...conditionsOf(data)[1], value: 200 };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: conditions[1].value: expected an integer from 0 to 120',
    );
  });

  it('an unknown fact, and municipality (never decides eligibility)', () => {
    const data = realFile('dac');
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], fact: 'vecums' };
    expect(problemOf(data)).toMatch(
      /^content\/eligibility\/dac\.yaml: conditions\[0\]\.fact: expected "group" \| "age"/,
    );
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], fact: 'municipality', value: 'liepaja' };
    expect(problemOf(data)).toMatch(/conditions\[0\]\.fact: .*never decides eligibility/);
  });

  it('a number comparison on a yes/no fact', () => {
    const data = realFile('dac');
    conditionsOf(data)[3] = { ...conditionsOf(data)[3], is: 'at-least' };
    expect(problemOf(data)).toMatch(
      /^content\/eligibility\/dac\.yaml: conditions\[3\]\.is: "at-least" compares numbers/,
    );
  });

  it('an unknown operator', () => {
    const data = realFile('dac');
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], is: 'is' };
    expect(problemOf(data)).toMatch(/conditions\[0\]\.is: expected "equals" \| "one-of" \| "at-least" \| "at-most"/);
  });

  it('a missing field and an unknown field', () => {
    const data = realFile('dac');
    delete conditionsOf(data)[0]?.['quote'];
    expect(problemOf(data)).toBe('content/eligibility/dac.yaml: conditions[0].quote: missing');
    const data2 = realFile('dac');
    conditionsOf(data2)[0] = { ...conditionsOf(data2)[0], reason: 'x' };
    expect(problemOf(data2)).toMatch(/conditions\[0\]\.reason: unknown field/);
  });

  it('an easy-read text longer than 15 words or of two sentences', () => {
    const data = realFile('dac');
    const c = conditionsOf(data)[0] as { holds: { lv: string; easy: string } };
    c.holds = {
      ...c.holds,
      easy: 'Šis teikums ir pārāk garš, jo tajā ir daudz vairāk nekā piecpadsmit vārdu, un to ir grūti lasīt.',
    };
    expect(problemOf(data)).toMatch(/conditions\[0\]\.holds\.easy: 18 words \(max 15\)/);
    c.holds = { ...c.holds, easy: 'Jums ir plāns. Jums ir bērns.' };
    expect(problemOf(data)).toMatch(/conditions\[0\]\.holds\.easy: 2 sentences on one line/);
  });

  it('a bad condition inside a way', () => {
    const data = realFile('vajadzibu-izvertesana');
    const ways = data['ways'] as { conditions: Record<string, unknown>[] }[];
    const way = ways[1];
    if (way === undefined) throw new Error('expected a second way');
    way.conditions[2] = { ...way.conditions[2], value: ['II', 'V'] };
    expect(problemOf(data, 'content/eligibility/vajadzibu-izvertesana.yaml')).toBe(
      'content/eligibility/vajadzibu-izvertesana.yaml: ways[1].conditions[2].value[1]: expected "I" | "II" | "III" | "none"',
    );
  });

  it('a note shown for a verdict that does not exist', () => {
    const data = realFile('dac');
    (data['notes'] as Record<string, unknown>[])[0] = { lv: 'Teksts.', easy: 'Teksts.', when: ['varbūt'] };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: notes[0].when[0]: expected "likely" | "maybe" | "no", got "varbūt"',
    );
  });

  it('not a mapping at all', () => {
    expect(problemOf([])).toMatch(/^content\/eligibility\/dac\.yaml: expected a mapping/);
  });
});

describe('loadContent checks the rule files with the whole content', () => {
  let tmp: string | null = null;
  afterEach(() => {
    if (tmp !== null) rmSync(tmp, { recursive: true, force: true });
    tmp = null;
  });
  /** A copy of content/ to break. */
  function copyContent(): string {
    tmp = mkdtempSync(join(tmpdir(), 'eligibility-'));
    const content = join(tmp, 'content');
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    return content;
  }

  it("loads the copy like the original, in the services' order", () => {
    const content = copyContent();
    expect(loadContent(content).eligibility.map((r) => r.service)).toEqual(rules.map((r) => r.service));
  });

  it('fails when a service has no rule file', () => {
    const content = copyContent();
    unlinkSync(join(content, 'eligibility', 'gvpp.yaml'));
    expect(contentProblems(content)).toContain(
      'content/services/gvpp.yaml: has no eligibility rules (content/eligibility/gvpp.yaml)',
    );
  });

  it('fails when a new service in content/services/ has no rule file', () => {
    const content = copyContent();
    cpSync(join(content, 'services', 'dac.yaml'), join(content, 'services', 'jauns-pakalpojums.yaml'));
    expect(contentProblems(content)).toContain(
      'content/services/jauns-pakalpojums.yaml: has no eligibility rules (content/eligibility/jauns-pakalpojums.yaml)',
    );
  });

  it('fails on a rule file for a service that does not exist', () => {
    const content = copyContent();
    const data = { ...realFile('dac'), service: 'nav-tada' };
    writeFileSync(join(content, 'eligibility', 'nav-tada.yaml'), stringify(data));
    expect(contentProblems(content)).toContain(
      'content/eligibility/nav-tada.yaml: service: unknown service "nav-tada" (no content/services/nav-tada.yaml)',
    );
  });

  it('fails on a service id that differs from the file name', () => {
    const content = copyContent();
    writeFileSync(join(content, 'eligibility', 'dac.yaml'), stringify({ ...realFile('dac'), service: 'dac-berniem' }));
    expect(contentProblems(content)).toContain(
      'content/eligibility/dac.yaml: service: expected "dac" (the file name), got "dac-berniem"',
    );
  });

  it('fails on a source that is not in content/sources.yaml', () => {
    const content = copyContent();
    const data = realFile('dac');
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], source: '999_missing.txt' };
    writeFileSync(join(content, 'eligibility', 'dac.yaml'), stringify(data));
    expect(contentProblems(content)).toContain(
      'content/eligibility/dac.yaml: conditions[0].source: unknown source "999_missing.txt"',
    );
  });

  it('fails on invalid YAML, naming the file', () => {
    const content = copyContent();
    writeFileSync(join(content, 'eligibility', 'dac.yaml'), 'service: dac\nconditions: [\n');
    expect(contentProblems(content)[0]).toMatch(/^content\/eligibility\/dac\.yaml: not readable YAML/);
  });
});
