import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { eligibilityRule, easyLineProblem, isCurrentSource, validateEntry } from '../../../../src/domain/model/index';
import { ContentError, DEFAULT_CONTENT_DIR, loadContent } from '../../../../server/content';

import { rules } from './helpers';

/** A minimal valid rule file, to break one field at a time. */
function ruleFile(): Record<string, unknown> {
  const c = (fact: string, is: string, value: unknown): Record<string, unknown> => ({
    fact,
    is,
    value,
    source: 'mk-316-2021',
    quote: 'Citāts.',
    holds: { lv: 'Der.', easy: 'Der.' },
    fails: { lv: 'Neder.', easy: 'Neder.' },
  });
  return {
    service: 'dac',
    title: 'Dienas aprūpes centrs',
    basis: { source: 'spspl', quote: 'Citāts.' },
    conditions: [
      c('group', 'equals', 'adult'),
      c('age', 'at-least', 18),
      c('disabilityGroup', 'one-of', ['I', 'II']),
      c('disabilityDetermined', 'equals', true),
    ],
    notes: [{ lv: 'Piezīme.', easy: 'Piezīme.' }],
  };
}

/** A real rule file as plain data. */
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

describe('the real rule files in content/eligibility/', () => {
  const content = loadContent();
  const sources = new Map(content.sources.map((src) => [src.id, src]));

  it('cover exactly the services of content/services/', () => {
    expect(rules.map((r) => r.service).sort()).toEqual(content.services.map((s) => s.id).sort());
  });

  it('rest on current sources only: every basis and condition (the project documents are history)', () => {
    for (const r of rules) {
      const basis = sources.get(r.basis.source);
      expect(basis && isCurrentSource(basis), `${r.id}: basis ${r.basis.source}`).toBe(true);
      for (const way of r.ways)
        for (const c of way.conditions) {
          const src = sources.get(c.source);
          expect(src && isCurrentSource(src), `${r.id}: ${c.path} ${c.source}`).toBe(true);
        }
    }
  });

  it('quote one contiguous passage each (no "…" joining parts of a sentence)', () => {
    for (const r of rules)
      for (const q of [r.basis, ...r.ways.flatMap((w) => w.conditions.flatMap((c) => [c, ...c.also]))])
        expect(q.quote, `${r.id}: ${q.source}`).not.toMatch(/…|\.\.\./u);
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

  it('a "first" names the page of the step; a step is only given with "first"', () => {
    for (const r of rules)
      for (const w of r.ways)
        for (const c of w.conditions) {
          if (c.otherwise === 'first') expect(c.step, `${r.id}: ${c.path}`).toMatch(/^\/pakalpojumi\/[a-z-]+\/$/u);
          else expect(c.step, `${r.id}: ${c.path}`).toBeNull();
        }
  });

  it('never test filledBy', () => {
    const facts = rules.flatMap((r) => r.ways.flatMap((w) => w.conditions.map((c) => c.fact)));
    expect(facts).not.toContain('filledBy');
  });
});

describe('the rule schema rejects a bad field, naming the file and the field path', () => {
  it('a disability group that does not exist', () => {
    const data = ruleFile();
    conditionsOf(data)[1] = { ...conditionsOf(data)[1], fact: 'disabilityGroup', is: 'equals', value: 'IV' };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: conditions[1].value: expected "I" | "II" | "III" | "none"',
    );
  });

  it('a bad item in a one-of list', () => {
    const data = ruleFile();
    conditionsOf(data)[2] = { ...conditionsOf(data)[2], value: ['I', 'IV'] };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: conditions[2].value[1]: expected "I" | "II" | "III" | "none"',
    );
  });

  it('an age out of range', () => {
    const data = ruleFile();
    conditionsOf(data)[1] = { ...conditionsOf(data)[1], value: 200 };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: conditions[1].value: expected an integer from 0 to 120',
    );
  });

  it('an unknown fact, and filledBy (never decides eligibility)', () => {
    const data = ruleFile();
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], fact: 'vecums' };
    expect(problemOf(data)).toMatch(
      /^content\/eligibility\/dac\.yaml: conditions\[0\]\.fact: expected "group" \| "age"/,
    );
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], fact: 'filledBy', value: 'self' };
    expect(problemOf(data)).toMatch(/conditions\[0\]\.fact: .*never decides eligibility/);
  });

  it('a number comparison on a yes/no fact', () => {
    const data = ruleFile();
    conditionsOf(data)[3] = { ...conditionsOf(data)[3], is: 'at-least' };
    expect(problemOf(data)).toMatch(
      /^content\/eligibility\/dac\.yaml: conditions\[3\]\.is: "at-least" compares numbers/,
    );
  });

  it('an unknown operator', () => {
    const data = ruleFile();
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], is: 'is' };
    expect(problemOf(data)).toMatch(
      /conditions\[0\]\.is: expected "equals" \| "one-of" \| "not-one-of" \| "at-least" \| "at-most"/,
    );
  });

  it('a missing field and an unknown field', () => {
    const data = ruleFile();
    delete conditionsOf(data)[0]?.['quote'];
    expect(problemOf(data)).toBe('content/eligibility/dac.yaml: conditions[0].quote: missing');
    const data2 = ruleFile();
    conditionsOf(data2)[0] = { ...conditionsOf(data2)[0], reason: 'x' };
    expect(problemOf(data2)).toMatch(/conditions\[0\]\.reason: unknown field/);
  });

  it('an easy-read text longer than 15 words or of two sentences', () => {
    const data = ruleFile();
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
    const data = realFile('asistents');
    const ways = data['ways'] as { conditions: Record<string, unknown>[] }[];
    const way = ways[1];
    if (way === undefined) throw new Error('expected a second way');
    way.conditions[4] = { ...way.conditions[4], value: ['II', 'V'] };
    expect(problemOf(data, 'content/eligibility/asistents.yaml')).toBe(
      'content/eligibility/asistents.yaml: ways[1].conditions[4].value[1]: expected "I" | "II" | "III" | "none"',
    );
  });

  it('a step without "first", an unknown "otherwise", an empty list that is not "no municipality found yet"', () => {
    const data = ruleFile();
    conditionsOf(data)[3] = { ...conditionsOf(data)[3], step: '/pakalpojumi/invaliditates-noteiksana/' };
    expect(problemOf(data)).toMatch(/conditions\[3\]\.step: a step is only shown with `otherwise: first`/);
    const data2 = ruleFile();
    conditionsOf(data2)[3] = { ...conditionsOf(data2)[3], otherwise: 'later' };
    expect(problemOf(data2)).toMatch(/conditions\[3\]\.otherwise: expected "no" \| "first" \| "maybe"/);
    const data3 = ruleFile();
    conditionsOf(data3)[2] = { ...conditionsOf(data3)[2], value: [] };
    expect(problemOf(data3)).toMatch(/conditions\[2\]\.value: expected a non-empty list/);
  });

  it('a note shown for a verdict that does not exist', () => {
    const data = ruleFile();
    (data['notes'] as Record<string, unknown>[])[0] = { lv: 'Teksts.', easy: 'Teksts.', when: ['varbūt'] };
    expect(problemOf(data)).toBe(
      'content/eligibility/dac.yaml: notes[0].when[0]: expected "likely" | "maybe" | "first" | "no", got "varbūt"',
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

  it('fails on a source that is not in content/sources/', () => {
    const content = copyContent();
    const data = realFile('dac');
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], source: '999_missing.txt' };
    writeFileSync(join(content, 'eligibility', 'dac.yaml'), stringify(data));
    expect(contentProblems(content)).toContain(
      'content/eligibility/dac.yaml: conditions[0].source: unknown source "999_missing.txt"',
    );
  });

  it('fails on a rule that rests on a project document (history, not a current rule)', () => {
    const content = copyContent();
    const data = realFile('dac');
    conditionsOf(data)[0] = { ...conditionsOf(data)[0], source: '004_ada58cefa1340f78.txt' };
    writeFileSync(join(content, 'eligibility', 'dac.yaml'), stringify(data));
    expect(contentProblems(content)).toContain(
      'content/eligibility/dac.yaml: conditions[0].source: "004_ada58cefa1340f78.txt" is not a current source (the project\'s documents are history)',
    );
  });

  it('fails on a municipality the service page does not explain', () => {
    const content = copyContent();
    const data = realFile('islaiciga-aprupe');
    (conditionsOf(data)[1] as { value: string[] }).value = ['ventspils', 'saldus-novads'];
    writeFileSync(join(content, 'eligibility', 'islaiciga-aprupe.yaml'), stringify(data));
    expect(contentProblems(content)).toContain(
      'content/eligibility/islaiciga-aprupe.yaml: conditions[1].value: names "saldus-novads", but content/services/islaiciga-aprupe.yaml has no local.saldus-novads (say on the page what that municipality\'s rules say)',
    );
  });

  it('fails on invalid YAML, naming the file', () => {
    const content = copyContent();
    writeFileSync(join(content, 'eligibility', 'dac.yaml'), 'service: dac\nconditions: [\n');
    expect(contentProblems(content)[0]).toMatch(/^content\/eligibility\/dac\.yaml: not readable YAML/);
  });
});
