/**
 * How the engine reaches a verdict, on small made-up rules (the real rules are tested in
 * rules-table.test.ts): holds / fails / first / ask / unknown per condition, the verdict
 * order likely > maybe > first > no, the reasons shown, and the steps named.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCondition,
  evaluate,
  type Condition,
  type EvaluableRule,
  type Facts,
} from '../../../../src/domain/eligibility/index';

const text = (s: string): { lv: string; easy: string } => ({ lv: s, easy: s });

function condition(partial: Partial<Condition> & Pick<Condition, 'fact' | 'is' | 'value'>): Condition {
  return {
    path: 'conditions[0]',
    holds: text(`${partial.fact} holds.`),
    fails: text(`${partial.fact} fails.`),
    otherwise: 'no',
    step: null,
    ...partial,
  };
}

/** A one-way service: a child 5–17 with the opinion (first), in Talsi or Liepāja (else ask). */
const CARE: EvaluableRule = {
  service: 'care',
  ways: [
    {
      path: 'conditions',
      name: null,
      conditions: [
        condition({ path: 'conditions[0]', fact: 'group', is: 'one-of', value: ['child', 'child-in-care'] }),
        condition({ path: 'conditions[1]', fact: 'age', is: 'at-least', value: 5 }),
        condition({ path: 'conditions[2]', fact: 'age', is: 'at-most', value: 17 }),
        condition({
          path: 'conditions[3]',
          fact: 'vdeavkSpecialCare',
          is: 'equals',
          value: true,
          otherwise: 'first',
          step: '/pakalpojumi/invaliditates-noteiksana/',
        }),
        condition({
          path: 'conditions[4]',
          fact: 'municipality',
          is: 'one-of',
          value: ['talsu-novads', 'liepaja'],
          otherwise: 'maybe',
        }),
      ],
    },
  ],
  notes: [
    { ...text('Always.'), when: ['likely', 'maybe', 'first', 'no'], source: null },
    { ...text('Only no.'), when: ['no'], source: null },
  ],
};

/** Two ways: a child, or an adult with group I or II; the closest way explains a "no". */
const ASSISTANT: EvaluableRule = {
  service: 'assistant',
  ways: [
    {
      path: 'ways[0]',
      name: 'Bērns',
      conditions: [
        condition({ path: 'ways[0].conditions[0]', fact: 'group', is: 'equals', value: 'child' }),
        condition({ path: 'ways[0].conditions[1]', fact: 'age', is: 'at-most', value: 17 }),
      ],
    },
    {
      path: 'ways[1]',
      name: 'Pieaugušais',
      conditions: [
        condition({ path: 'ways[1].conditions[0]', fact: 'group', is: 'equals', value: 'adult' }),
        condition({ path: 'ways[1].conditions[1]', fact: 'disabilityGroup', is: 'one-of', value: ['I', 'II'] }),
      ],
    },
  ],
  notes: [],
};

const one = (rule: EvaluableRule, facts: Facts) => {
  const [result] = evaluate([rule], facts);
  if (result === undefined) throw new Error('no result');
  return result;
};

const CHILD_OK: Facts = { group: 'child', age: 8, vdeavkSpecialCare: true, municipality: 'talsu-novads' };

describe('checkCondition', () => {
  const c = condition({ fact: 'age', is: 'at-most', value: 17 });
  it('holds, fails, or is unknown when the fact is missing or null', () => {
    expect(checkCondition(c, { age: 17 })).toBe('holds');
    expect(checkCondition(c, { age: 18 })).toBe('fails');
    expect(checkCondition(c, {})).toBe('unknown');
    expect(checkCondition(c, { age: null })).toBe('unknown');
  });
  it('a failure means what `otherwise` says: fails (no), first (a step), ask (maybe)', () => {
    expect(checkCondition({ ...c, otherwise: 'first' }, { age: 18 })).toBe('first');
    expect(checkCondition({ ...c, otherwise: 'maybe' }, { age: 18 })).toBe('ask');
  });
  it('not-one-of holds for values outside the list', () => {
    const d = condition({ fact: 'municipality', is: 'not-one-of', value: ['dienvidkurzemes-novads'] });
    expect(checkCondition(d, { municipality: 'liepaja' })).toBe('holds');
    expect(checkCondition(d, { municipality: 'dienvidkurzemes-novads' })).toBe('fails');
  });
  it('an empty municipality list never holds: "no municipality\'s rules found yet"', () => {
    const d = condition({ fact: 'municipality', is: 'one-of', value: [], otherwise: 'maybe' });
    expect(checkCondition(d, { municipality: 'liepaja' })).toBe('ask');
  });
});

describe('evaluate: the verdict', () => {
  it('likely when every condition of a way holds; no unknown facts listed', () => {
    expect(one(CARE, CHILD_OK)).toMatchObject({ verdict: 'likely', unknown: [] });
  });

  it('maybe when a fact is unanswered, naming it', () => {
    expect(one(CARE, { ...CHILD_OK, vdeavkSpecialCare: null })).toMatchObject({
      verdict: 'maybe',
      unknown: ['vdeavkSpecialCare'],
    });
  });

  it("maybe when the rule for the case is not known (`otherwise: maybe`), with the condition's text", () => {
    const r = one(CARE, { ...CHILD_OK, municipality: 'kuldigas-novads' });
    expect(r.verdict).toBe('maybe');
    expect(r.unknown).toEqual([]);
    expect(r.reasons.find((x) => x.fact === 'municipality')).toMatchObject({
      status: 'ask',
      text: text('municipality fails.'),
    });
  });

  it('first when a step comes first, naming the step page', () => {
    const r = one(CARE, { ...CHILD_OK, vdeavkSpecialCare: false });
    expect(r.verdict).toBe('first');
    expect(r.reasons.find((x) => x.status === 'first')).toMatchObject({
      fact: 'vdeavkSpecialCare',
      step: '/pakalpojumi/invaliditates-noteiksana/',
    });
  });

  it('no beats first and maybe: a rule that excludes decides', () => {
    expect(one(CARE, { ...CHILD_OK, age: 18, vdeavkSpecialCare: false, municipality: 'saldus-novads' }).verdict).toBe(
      'no',
    );
  });

  it('first beats maybe within a way: the step is named even while something is unknown', () => {
    const r = one(CARE, { group: 'child', age: 8, vdeavkSpecialCare: false });
    expect(r.verdict).toBe('first');
    expect(r.unknown).toEqual(['municipality']);
  });

  it('notes follow the verdict', () => {
    expect(one(CARE, CHILD_OK).notes.map((n) => n.lv)).toEqual(['Always.']);
    expect(one(CARE, { ...CHILD_OK, age: 30 }).notes.map((n) => n.lv)).toEqual(['Always.', 'Only no.']);
  });
});

describe('evaluate: several ways', () => {
  it("likely when one way holds, showing only that way's reasons", () => {
    const r = one(ASSISTANT, { group: 'adult', disabilityGroup: 'II' });
    expect(r.verdict).toBe('likely');
    expect(new Set(r.reasons.map((x) => x.way))).toEqual(new Set(['Pieaugušais']));
  });

  it('no: the closest way explains it ("no group I or II", not "not a child")', () => {
    const r = one(ASSISTANT, { group: 'adult', disabilityGroup: 'III' });
    expect(r.verdict).toBe('no');
    expect(r.reasons.filter((x) => x.status === 'fails').map((x) => x.fact)).toEqual(['disabilityGroup']);
  });

  it('maybe lists the unknown facts of every open way, in question order', () => {
    expect(one(ASSISTANT, {})).toMatchObject({ verdict: 'maybe', unknown: ['group', 'age', 'disabilityGroup'] });
  });
});

describe('evaluate: derived answers', () => {
  it('a child of the group "child" lives with the family (careSetting is not asked)', () => {
    const family = condition({ fact: 'careSetting', is: 'equals', value: 'family' });
    const rule: EvaluableRule = {
      service: 'x',
      ways: [{ path: 'conditions', name: null, conditions: [family] }],
      notes: [],
    };
    expect(one(rule, { group: 'child' }).verdict).toBe('likely');
    expect(one(rule, { group: 'child-in-care' }).verdict).toBe('maybe');
    expect(one(rule, { group: 'child-in-care', careSetting: 'institution' }).verdict).toBe('no');
  });
});
