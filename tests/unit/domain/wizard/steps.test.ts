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
import { CHILD, rules } from './fixtures';

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

describe('stepForHistory: a step the browser history brings back, checked against the answers', () => {
  it('shows a step that is still reachable as it is', () => {
    expect(stepForHistory(rules, CHILD, 'group')).toBe('group');
    expect(stepForHistory(rules, CHILD, 'parentsWorkOrStudy')).toBe('parentsWorkOrStudy');
    expect(stepForHistory(rules, CHILD, 'check')).toBe('check');
    expect(stepForHistory(rules, CHILD, 'result')).toBe('result');
    expect(stepForHistory(rules, { group: 'child' }, 'filledBy')).toBe('filledBy');
  });

  it("group changed from child to adult: the parents' question is off the path → the first unanswered question", () => {
    const adult = pathAnswers(rules, { ...CHILD, group: 'adult', age: 30 });
    expect(questionPath(rules, adult)).not.toContain('parentsWorkOrStudy');
    expect(firstUnanswered(rules, adult)).toBe('disabilityGroup');
    expect(stepForHistory(rules, adult, 'parentsWorkOrStudy')).toBe('disabilityGroup');
    expect(stepForHistory(rules, adult, 'vdeavkSpecialCare')).toBe('disabilityGroup');
    // The check-answers step and the result wait until the new question is answered.
    expect(stepForHistory(rules, adult, 'check')).toBe('disabilityGroup');
    expect(stepForHistory(rules, adult, 'result')).toBe('disabilityGroup');
    // Questions still on the path are shown, the open one too.
    expect(stepForHistory(rules, adult, 'age')).toBe('age');
    expect(stepForHistory(rules, adult, 'disabilityGroup')).toBe('disabilityGroup');
  });

  it('every question answered: an off-path question gives the check-answers step, never the result', () => {
    const older = pathAnswers(rules, { ...CHILD, age: 10 });
    expect(firstUnanswered(rules, older)).toBeNull();
    expect(stepForHistory(rules, older, 'parentsWorkOrStudy')).toBe('check');
    expect(stepForHistory(rules, older, 'disabilityGroup')).toBe('check');
    expect(stepForHistory(rules, older, 'result')).toBe('result');
  });

  it('a question after the first unanswered one gives that unanswered one', () => {
    const partial: Facts = { group: 'child', filledBy: 'parent' };
    expect(stepForHistory(rules, partial, 'municipality')).toBe('age');
    expect(stepForHistory(rules, partial, 'supportPlan')).toBe('age');
  });

  it('after "Sākt no jauna" (no answers) every step but the first gives the first question', () => {
    for (const step of ['group', 'filledBy', 'age', 'municipality', 'check', 'result'] as const) {
      expect(stepForHistory(rules, {}, step)).toBe('group');
    }
  });

  it('always gives a step that isStepReachable accepts', () => {
    const answerSets: Facts[] = [{}, { group: 'foster' }, CHILD, pathAnswers(rules, { ...CHILD, group: 'adult' })];
    const steps = [...questionPath(rules, CHILD), 'disabilityGroup', 'check', 'result'] as const;
    for (const answers of answerSets) {
      for (const step of steps) {
        expect(isStepReachable(rules, answers, stepForHistory(rules, answers, step))).toBe(true);
      }
    }
  });
});
