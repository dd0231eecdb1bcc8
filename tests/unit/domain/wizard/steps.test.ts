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
  stepForHistory,
} from '../../../../src/domain/wizard/index';
import { ADULT, CHILD, CHILD_IN_CARE, rules } from './fixtures';

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
      'municipality',
    ]);
  });

  it('a child lives with the family: where the child lives is not asked (it follows), nor a disability group', () => {
    expect(questionPath(rules, CHILD)).not.toContain('careSetting');
    expect(questionPath(rules, CHILD)).not.toContain('disabilityGroup');
  });

  it('no disability determined: neither the group nor the special-care opinion is asked (they follow)', () => {
    const child = questionPath(rules, { ...CHILD, disabilityDetermined: false });
    expect(child).toEqual(['group', 'filledBy', 'age', 'disabilityDetermined', 'municipality']);
    const adult = questionPath(rules, { group: 'adult', filledBy: 'self', age: 30, disabilityDetermined: false });
    expect(adult).not.toContain('disabilityGroup');
    expect(adult).not.toContain('vdeavkSpecialCare');
  });

  it('an adult: the disability group, no special-care opinion and no question about where a child lives', () => {
    expect(questionPath(rules, ADULT)).toEqual([
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'municipality',
    ]);
  });

  it('a child in care: first where the child lives (a family or an institution), then the child questions', () => {
    expect(questionPath(rules, CHILD_IN_CARE)).toEqual([
      'group',
      'filledBy',
      'careSetting',
      'age',
      'disabilityDetermined',
      'vdeavkSpecialCare',
      'municipality',
    ]);
    expect(questionPath(rules, { group: 'child-in-care' })[2]).toBe('careSetting');
  });

  it('no question is asked about what the rules no longer test (parents at work, a support plan)', () => {
    for (const facts of [CHILD, ADULT, CHILD_IN_CARE, {}]) {
      for (const fact of questionPath(rules, facts)) expect(['parentsWorkOrStudy', 'supportPlan']).not.toContain(fact);
    }
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
    expect(changed).not.toHaveProperty('vdeavkSpecialCare');
    expect(changed).toEqual({
      group: 'adult',
      filledBy: 'parent',
      age: 7,
      disabilityDetermined: true,
      municipality: 'kuldigas-novads',
    });
  });

  it('changing the group from a child in care to a child drops where the child lives (a child lives with the family)', () => {
    const changed = pathAnswers(rules, { ...CHILD_IN_CARE, group: 'child' });
    expect(changed).not.toHaveProperty('careSetting');
    expect(changed).toMatchObject({ group: 'child', age: 12, vdeavkSpecialCare: true });
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
    expect(adult10).toEqual({
      group: 'adult',
      filledBy: 'parent',
      age: 10,
      disabilityDetermined: true,
      municipality: 'kuldigas-novads',
    });
    expect(nextStep(rules, adult10, 'group', true)).toBe('check');
    const adult30 = pathAnswers(rules, { ...adult10, age: 30 });
    expect(adult30).toEqual({ ...adult10, age: 30 });
    expect(nextStep(rules, adult30, 'age', true)).toBe('disabilityGroup');
    expect(questionPath(rules, adult30)).toEqual([
      'group',
      'filledBy',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'municipality',
    ]);
  });

  it('Back goes to the previous question on the path; none before the first', () => {
    expect(previousStep(rules, CHILD, 'group')).toBeNull();
    expect(previousStep(rules, CHILD, 'filledBy')).toBe('group');
    expect(previousStep(rules, CHILD, 'municipality')).toBe('vdeavkSpecialCare');
    expect(previousStep(rules, CHILD, 'check')).toBe('municipality');
    expect(previousStep(rules, CHILD, 'result')).toBe('check');
  });

  it('numbers the questions as the person sees them', () => {
    expect(questionNumber(rules, CHILD, 'group')).toBe(1);
    expect(questionNumber(rules, CHILD, 'age')).toBe(3);
    expect(questionNumber(rules, CHILD, 'municipality')).toBe(6);
    expect(questionNumber(rules, { ...CHILD, disabilityDetermined: false }, 'municipality')).toBe(5);
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

describe('stepForHistory: a step the browser history brings back, checked against the answers', () => {
  it('shows a step that is still reachable as it is', () => {
    expect(stepForHistory(rules, CHILD, 'group')).toBe('group');
    expect(stepForHistory(rules, CHILD, 'vdeavkSpecialCare')).toBe('vdeavkSpecialCare');
    expect(stepForHistory(rules, CHILD, 'check')).toBe('check');
    expect(stepForHistory(rules, CHILD, 'result')).toBe('result');
    expect(stepForHistory(rules, { group: 'child' }, 'filledBy')).toBe('filledBy');
  });

  it('group changed from child to adult: the special-care question is off the path → the first unanswered question', () => {
    const adult = pathAnswers(rules, { ...CHILD, group: 'adult', age: 30 });
    expect(questionPath(rules, adult)).not.toContain('vdeavkSpecialCare');
    expect(firstUnanswered(rules, adult)).toBe('disabilityGroup');
    expect(stepForHistory(rules, adult, 'vdeavkSpecialCare')).toBe('disabilityGroup');
    expect(stepForHistory(rules, adult, 'careSetting')).toBe('disabilityGroup');
    // The check-answers step and the result wait until the new question is answered.
    expect(stepForHistory(rules, adult, 'check')).toBe('disabilityGroup');
    expect(stepForHistory(rules, adult, 'result')).toBe('disabilityGroup');
    // Questions still on the path are shown, the open one too.
    expect(stepForHistory(rules, adult, 'age')).toBe('age');
    expect(stepForHistory(rules, adult, 'disabilityGroup')).toBe('disabilityGroup');
  });

  it('every question answered: an off-path question gives the check-answers step, never the result', () => {
    const none = pathAnswers(rules, { ...CHILD, disabilityDetermined: false });
    expect(firstUnanswered(rules, none)).toBeNull();
    expect(stepForHistory(rules, none, 'vdeavkSpecialCare')).toBe('check');
    expect(stepForHistory(rules, none, 'disabilityGroup')).toBe('check');
    expect(stepForHistory(rules, none, 'result')).toBe('result');
  });

  it('a question after the first unanswered one gives that unanswered one', () => {
    const partial: Facts = { group: 'child', filledBy: 'parent' };
    expect(stepForHistory(rules, partial, 'municipality')).toBe('age');
    expect(stepForHistory(rules, partial, 'vdeavkSpecialCare')).toBe('age');
  });

  it('after "Sākt no jauna" (no answers) every step but the first gives the first question', () => {
    for (const step of ['group', 'filledBy', 'age', 'municipality', 'check', 'result'] as const) {
      expect(stepForHistory(rules, {}, step)).toBe('group');
    }
  });

  it('always gives a step that isStepReachable accepts', () => {
    const answerSets: Facts[] = [
      {},
      { group: 'foster' },
      CHILD,
      CHILD_IN_CARE,
      ADULT,
      pathAnswers(rules, { ...CHILD, group: 'adult' }),
    ];
    const steps = [...questionPath(rules, CHILD), 'careSetting', 'disabilityGroup', 'check', 'result'] as const;
    for (const answers of answerSets) {
      for (const step of steps) {
        expect(isStepReachable(rules, answers, stepForHistory(rules, answers, step))).toBe(true);
      }
    }
  });
});
