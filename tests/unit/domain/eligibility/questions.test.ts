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
  it('nothing answered → every deciding fact, in question order', () => {
    expect(relevantFacts(rules, {})).toEqual([
      'group',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'vdeavkSpecialCare',
      'parentsWorkOrStudy',
      'supportPlan',
    ]);
  });

  it("child → no disability group (children have none), but the parents' question", () => {
    expect(relevantFacts(rules, { group: 'child' })).toEqual([
      'age',
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'parentsWorkOrStudy',
      'supportPlan',
    ]);
  });

  it('child aged 10 → no parents\' question ("bērna līdz 4 g.v., ieskaitot" is out of reach)', () => {
    expect(relevantFacts(rules, { group: 'child', age: 10 })).toEqual([
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'supportPlan',
    ]);
  });

  it("child without a determined disability → nothing more (every children's service needs one)", () => {
    expect(relevantFacts(rules, { group: 'child', disabilityDetermined: false })).toEqual([]);
  });

  it('child with the special-care opinion → the disability is not asked (the opinion implies it)', () => {
    expect(relevantFacts(rules, { group: 'child', age: 3, vdeavkSpecialCare: true })).toEqual([
      'parentsWorkOrStudy',
      'supportPlan',
    ]);
  });

  it("adult → no parents' question, no special-care opinion", () => {
    expect(relevantFacts(rules, { group: 'adult' })).toEqual([
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'supportPlan',
    ]);
  });

  it('adult without a determined disability → nothing more', () => {
    expect(relevantFacts(rules, { group: 'adult', disabilityDetermined: false })).toEqual([]);
  });

  it('adult with group III → nothing more (every adult service needs group I or II)', () => {
    expect(relevantFacts(rules, { group: 'adult', disabilityGroup: 'III' })).toEqual([]);
  });

  it('child in out-of-family care → only the age', () => {
    expect(relevantFacts(rules, { group: 'child-in-care' })).toEqual(['age']);
  });

  it('foster → nothing more', () => {
    expect(relevantFacts(rules, { group: 'foster' })).toEqual([]);
  });

  it('other → nothing more', () => {
    expect(relevantFacts(rules, { group: 'other' })).toEqual([]);
  });

  it('a "Nezinu" (null) answer is not asked again', () => {
    expect(relevantFacts(rules, { group: 'adult', age: null })).toEqual([
      'disabilityDetermined',
      'disabilityGroup',
      'supportPlan',
    ]);
  });

  it('never filledBy or municipality', () => {
    const all = [{}, { group: 'child' }, { group: 'adult' }] satisfies Facts[];
    for (const facts of all) {
      expect(relevantFacts(rules, facts)).not.toContain('filledBy');
      expect(relevantFacts(rules, facts)).not.toContain('municipality');
    }
  });

  it('asking only the relevant questions reaches the same verdicts as asking everything', () => {
    // Walk the wizard: answer each relevant question with the full answer; compare with all answers at once.
    const full: Facts = {
      group: 'child',
      age: 3,
      disabilityDetermined: true,
      disabilityGroup: 'none',
      vdeavkSpecialCare: true,
      parentsWorkOrStudy: true,
      supportPlan: false,
    };
    let facts: Facts = {};
    for (let next = relevantFacts(rules, facts)[0]; next !== undefined; next = relevantFacts(rules, facts)[0]) {
      facts = { ...facts, [next]: full[next] };
    }
    expect(evaluate(rules, facts).map((r) => r.verdict)).toEqual(evaluate(rules, full).map((r) => r.verdict));
    expect(Object.keys(facts)).not.toContain('disabilityGroup');
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

  it('adult → filledBy, then the adult questions, then the municipality', () => {
    expect(questionsToAsk(rules, { group: 'adult' })).toEqual([
      'filledBy',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'supportPlan',
      'municipality',
    ]);
  });
});
