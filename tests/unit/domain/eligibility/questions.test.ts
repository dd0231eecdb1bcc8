import { describe, expect, it } from 'vitest';
import {
  ALWAYS_ASKED_FACTS,
  evaluate,
  questionsToAsk,
  relevantFacts,
  type Facts,
} from '../../../../src/domain/eligibility/index';
import { rules } from './helpers';

describe('relevantFacts: only questions that could change a verdict', () => {
  it('nothing answered → every deciding fact except the municipality (asked last anyway), in question order', () => {
    expect(relevantFacts(rules, {})).toEqual([
      'group',
      'careSetting',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'vdeavkSpecialCare',
    ]);
  });

  it('child → no disability group (children have none), no care setting (a child of this group lives with the family)', () => {
    expect(relevantFacts(rules, { group: 'child' })).toEqual(['age', 'disabilityDetermined', 'vdeavkSpecialCare']);
  });

  it('child with the special-care opinion → the disability is not asked (the opinion implies it)', () => {
    expect(relevantFacts(rules, { group: 'child', age: 3, vdeavkSpecialCare: true })).toEqual(['municipality']);
  });

  it('child in out-of-family care → where the child lives first', () => {
    expect(relevantFacts(rules, { group: 'child-in-care' })[0]).toBe('careSetting');
  });

  it('adult → the disability group (assistant, support person), not the care setting', () => {
    const facts = relevantFacts(rules, { group: 'adult' });
    expect(facts).toContain('disabilityGroup');
    expect(facts).not.toContain('careSetting');
  });

  it('foster and other → nothing more', () => {
    expect(relevantFacts(rules, { group: 'foster' })).toEqual([]);
    expect(relevantFacts(rules, { group: 'other' })).toEqual([]);
  });

  it('a "Nezinu" (null) answer is not asked again', () => {
    expect(relevantFacts(rules, { group: 'adult', age: null })).not.toContain('age');
  });

  it('never filledBy', () => {
    const all = [{}, { group: 'child' }, { group: 'adult' }] satisfies Facts[];
    for (const facts of all) expect(relevantFacts(rules, facts)).not.toContain('filledBy');
  });

  it('asking only the relevant questions reaches the same verdicts as asking everything', () => {
    const cases: Facts[] = [
      {
        group: 'child',
        age: 3,
        disabilityDetermined: true,
        disabilityGroup: 'none',
        vdeavkSpecialCare: true,
        municipality: 'talsu-novads',
      },
      {
        group: 'child-in-care',
        careSetting: 'institution',
        age: 9,
        disabilityDetermined: false,
        municipality: 'ventspils',
      },
      {
        group: 'adult',
        age: 20,
        disabilityDetermined: true,
        disabilityGroup: 'I',
        vdeavkSpecialCare: true,
        municipality: 'liepaja',
      },
    ];
    for (const full of cases) {
      let facts: Facts = {};
      for (let next = relevantFacts(rules, facts)[0]; next !== undefined; next = relevantFacts(rules, facts)[0]) {
        facts = { ...facts, [next]: full[next] };
      }
      if (full.municipality !== undefined) facts = { ...facts, municipality: full.municipality };
      expect(evaluate(rules, facts).map((r) => r.verdict)).toEqual(evaluate(rules, full).map((r) => r.verdict));
    }
  });
});

describe('questionsToAsk: the relevant facts plus the always-asked ones', () => {
  it('always asks group, filledBy and municipality', () => {
    expect(ALWAYS_ASKED_FACTS).toEqual(['group', 'filledBy', 'municipality']);
  });

  it('nothing answered → group first, filledBy second, municipality last', () => {
    const q = questionsToAsk(rules, {});
    expect(q[0]).toBe('group');
    expect(q[1]).toBe('filledBy');
    expect(q.at(-1)).toBe('municipality');
  });

  it('foster → only who fills in and the municipality', () => {
    expect(questionsToAsk(rules, { group: 'foster' })).toEqual(['filledBy', 'municipality']);
    expect(questionsToAsk(rules, { group: 'foster', filledBy: 'self', municipality: 'talsu-novads' })).toEqual([]);
  });

  it('child → filledBy, the child questions, then the municipality: six questions in all for a typical child', () => {
    expect(questionsToAsk(rules, { group: 'child' })).toEqual([
      'filledBy',
      'age',
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'municipality',
    ]);
  });
});
