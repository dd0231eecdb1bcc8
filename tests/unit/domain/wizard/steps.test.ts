import { describe, expect, it } from 'vitest';
import type { Facts } from '../../../../src/domain/eligibility/index';
import {
  firstUnanswered,
  isComplete,
  isStepId,
  isStepReachable,
  nextStep,
  pathAnswers,
  previousStep,
  questionNumber,
  questionPath,
} from '../../../../src/domain/wizard/index';
import { rules } from './fixtures';

const CHILD: Facts = {
  group: 'child',
  filledBy: 'parent',
  age: 3,
  disabilityDetermined: true,
  vdeavkSpecialCare: true,
  parentsWorkOrStudy: true,
  supportPlan: false,
  municipality: 'kuldigas-novads',
};

describe('questionPath: the questions asked, decided by the rules', () => {
  it('starts with the group; before it, only the questions every group gets', () => {
    expect(questionPath(rules, {})[0]).toBe('group');
    expect(questionPath(rules, { group: 'foster' })).toEqual(['group', 'filledBy', 'municipality']);
  });

  it('asks who answers second, then only what can still change a verdict, the municipality last', () => {
    expect(questionPath(rules, CHILD)).toEqual([
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'parentsWorkOrStudy',
      'supportPlan',
      'municipality',
    ]);
  });

  it("a child over 4: no parents' question (only the care service for under-5s needs it)", () => {
    const facts: Facts = { ...CHILD, age: 10 };
    expect(questionPath(rules, facts)).not.toContain('parentsWorkOrStudy');
    expect(questionPath(rules, facts)).toContain('supportPlan');
  });

  it("an adult: the disability group, no parents' question and no special-care opinion", () => {
    const adult: Facts = {
      group: 'adult',
      filledBy: 'support-person',
      age: 30,
      disabilityDetermined: true,
      disabilityGroup: 'II',
      supportPlan: true,
      municipality: 'liepaja',
    };
    expect(questionPath(rules, adult)).toEqual([
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'supportPlan',
      'municipality',
    ]);
  });

  it('no disability determined: the disability group is not asked (it follows)', () => {
    const path = questionPath(rules, { group: 'adult', filledBy: 'self', age: 30, disabilityDetermined: false });
    expect(path).not.toContain('disabilityGroup');
  });

  it('a child in care: only the age', () => {
    expect(
      questionPath(rules, { group: 'child-in-care', filledBy: 'professional', age: 12, municipality: 'talsu-novads' }),
    ).toEqual(['group', 'filledBy', 'age', 'municipality']);
  });

  it('foster and other: nothing after who answers except the municipality', () => {
    for (const group of ['foster', 'other'] as const) {
      expect(questionPath(rules, { group, filledBy: 'self', municipality: 'saldus-novads' })).toEqual([
        'group',
        'filledBy',
        'municipality',
      ]);
    }
  });

  it('"Nezinu" (null) counts as answered and is not asked again', () => {
    const facts: Facts = { group: 'child', filledBy: 'parent', age: null };
    expect(questionPath(rules, facts).filter((f) => f === 'age')).toHaveLength(1);
    expect(firstUnanswered(rules, facts)).toBe('disabilityDetermined');
  });

  it('passes over an unanswered question, so the answers after it stay on the path', () => {
    expect(questionPath(rules, { group: 'child' })).toEqual([
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'parentsWorkOrStudy',
      'supportPlan',
      'municipality',
    ]);
    const withoutDisability = Object.fromEntries(
      Object.entries(CHILD).filter(([fact]) => fact !== 'disabilityDetermined'),
    ) as Facts;
    expect(pathAnswers(rules, withoutDisability)).toEqual(withoutDisability);
    expect(firstUnanswered(rules, { group: 'child' })).toBe('filledBy');
    expect(firstUnanswered(rules, CHILD)).toBeNull();
    expect(isComplete(rules, CHILD)).toBe(true);
  });
});

describe('pathAnswers: answers off the path are dropped', () => {
  it('changing the group from child to adult drops the child-only answers', () => {
    const changed = pathAnswers(rules, { ...CHILD, group: 'adult' });
    expect(changed).not.toHaveProperty('parentsWorkOrStudy');
    expect(changed).not.toHaveProperty('vdeavkSpecialCare');
    expect(changed).toMatchObject({ group: 'adult', filledBy: 'parent', age: 3 });
  });

  it('keeps every answer that is on the path', () => {
    expect(pathAnswers(rules, CHILD)).toEqual(CHILD);
  });
});

describe('nextStep and previousStep', () => {
  it('goes through the path, then to the check-answers step and the result', () => {
    const partial: Facts = { group: 'child', filledBy: 'parent' };
    expect(nextStep(rules, { group: 'child' }, 'group')).toBe('filledBy');
    expect(nextStep(rules, partial, 'filledBy')).toBe('age');
    expect(nextStep(rules, CHILD, 'municipality')).toBe('check');
    expect(nextStep(rules, CHILD, 'check')).toBe('result');
    expect(nextStep(rules, CHILD, 'result')).toBe('result');
  });

  it('after Back, forward goes to the next question even when it is answered', () => {
    expect(nextStep(rules, CHILD, 'filledBy')).toBe('age');
  });

  it('after "Mainīt", back to the check-answers step — unless a new question opened', () => {
    expect(nextStep(rules, CHILD, 'age', true)).toBe('check');
    const adult = pathAnswers(rules, { ...CHILD, group: 'adult', age: 30 });
    expect(nextStep(rules, adult, 'group', true)).toBe('disabilityGroup');
  });

  it('"Mainīt" the group and then the age: later answers (the municipality) are kept', () => {
    const adult10 = pathAnswers(rules, { ...CHILD, group: 'adult', age: 10 });
    expect(adult10).toEqual({ group: 'adult', filledBy: 'parent', age: 10, municipality: 'kuldigas-novads' });
    expect(nextStep(rules, adult10, 'group', true)).toBe('check');
    const adult30 = pathAnswers(rules, { ...adult10, age: 30 });
    expect(adult30).toEqual({ ...adult10, age: 30 });
    expect(nextStep(rules, adult30, 'age', true)).toBe('disabilityDetermined');
    expect(questionPath(rules, adult30)).toEqual([
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'supportPlan',
      'municipality',
    ]);
  });

  it('Back goes to the previous question on the path; none before the first', () => {
    expect(previousStep(rules, CHILD, 'group')).toBeNull();
    expect(previousStep(rules, CHILD, 'filledBy')).toBe('group');
    expect(previousStep(rules, CHILD, 'municipality')).toBe('supportPlan');
    expect(previousStep(rules, CHILD, 'check')).toBe('municipality');
    expect(previousStep(rules, CHILD, 'result')).toBe('check');
  });

  it('numbers the questions as the person sees them', () => {
    expect(questionNumber(rules, CHILD, 'group')).toBe(1);
    expect(questionNumber(rules, CHILD, 'age')).toBe(3);
    expect(questionNumber(rules, { ...CHILD, age: 10 }, 'municipality')).toBe(7);
    expect(questionNumber(rules, CHILD, 'disabilityGroup')).toBe(0);
  });
});

describe('isStepReachable and isStepId', () => {
  it('accepts questions on the path and the last steps only with every answer', () => {
    expect(isStepReachable(rules, {}, 'group')).toBe(true);
    expect(isStepReachable(rules, {}, 'age')).toBe(false);
    expect(isStepReachable(rules, { group: 'child' }, 'filledBy')).toBe(true);
    expect(isStepReachable(rules, { group: 'child', filledBy: 'self' }, 'municipality')).toBe(false);
    expect(isStepReachable(rules, { group: 'child' }, 'check')).toBe(false);
    expect(isStepReachable(rules, CHILD, 'result')).toBe(true);
    expect(isStepReachable(rules, CHILD, 'disabilityGroup')).toBe(false);
  });

  it('knows the step names', () => {
    expect(isStepId('age')).toBe(true);
    expect(isStepId('check')).toBe(true);
    expect(isStepId('result')).toBe(true);
    expect(isStepId('summary')).toBe(false);
    expect(isStepId(3)).toBe(false);
  });
});
