import { describe, expect, it } from 'vitest';
import {
  HISTORY_STATE_KEY,
  historyStateWith,
  pathAnswers,
  stateForHistoryStep,
  stepOfHistoryState,
  type WizardState,
} from '../../../../src/domain/wizard/index';
import { CHILD, rules } from './fixtures';

describe('history.state: the step only', () => {
  it('uses a namespaced key and holds nothing but the step', () => {
    expect(HISTORY_STATE_KEY).toBe('kvWizard');
    expect(historyStateWith(null, 'age')).toEqual({ kvWizard: 'age' });
    expect(JSON.stringify(historyStateWith(undefined, 'check'))).toBe('{"kvWizard":"check"}');
  });

  it('keeps the other keys of an entry and replaces an earlier step', () => {
    expect(historyStateWith({ index: 3, scrollY: 120 }, 'result')).toEqual({
      index: 3,
      scrollY: 120,
      kvWizard: 'result',
    });
    expect(historyStateWith({ kvWizard: 'group', other: true }, 'filledBy')).toEqual({
      kvWizard: 'filledBy',
      other: true,
    });
    // A state that is not an object cannot hold the step beside it.
    expect(historyStateWith('text', 'age')).toEqual({ kvWizard: 'age' });
    expect(historyStateWith([1, 2], 'age')).toEqual({ kvWizard: 'age' });
  });

  it('reads the step back; anything else is no step', () => {
    expect(stepOfHistoryState({ kvWizard: 'age' })).toBe('age');
    expect(stepOfHistoryState({ kvWizard: 'check', index: 1 })).toBe('check');
    expect(stepOfHistoryState({ kvWizard: 'result' })).toBe('result');
    for (const state of [
      null,
      undefined,
      'age',
      ['age'],
      {},
      { index: 2 },
      { kvWizard: 'summary' },
      { kvWizard: 3 },
      { kvWizard: null },
      { wizard: 'age' },
    ]) {
      expect(stepOfHistoryState(state), JSON.stringify(state)).toBeNull();
    }
  });
});

describe('stateForHistoryStep: Back and Forward keep the answers', () => {
  it('shows a reachable step with the answers unchanged', () => {
    const state: WizardState = { step: 'disabilityDetermined', answers: CHILD, returnToCheck: false };
    const back = stateForHistoryStep(rules, state, 'age');
    expect(back).toEqual({ step: 'age', answers: CHILD, returnToCheck: false });
    expect(back.answers).toBe(CHILD);
  });

  it('a question keeps returnToCheck; the check-answers step and the result clear it', () => {
    const changing: WizardState = { step: 'age', answers: CHILD, returnToCheck: true };
    expect(stateForHistoryStep(rules, changing, 'filledBy').returnToCheck).toBe(true);
    expect(stateForHistoryStep(rules, changing, 'check')).toEqual({
      step: 'check',
      answers: CHILD,
      returnToCheck: false,
    });
    expect(stateForHistoryStep(rules, changing, 'result').returnToCheck).toBe(false);
  });

  it('a step off the path gives the nearest step to go on from, answers unchanged', () => {
    const adult = pathAnswers(rules, { ...CHILD, group: 'adult', age: 30 });
    const state: WizardState = { step: 'group', answers: adult, returnToCheck: true };
    expect(stateForHistoryStep(rules, state, 'vdeavkSpecialCare')).toEqual({
      step: 'disabilityGroup',
      answers: adult,
      returnToCheck: true,
    });
    expect(stateForHistoryStep(rules, { ...state, answers: {} }, 'result')).toEqual({
      step: 'group',
      answers: {},
      returnToCheck: true,
    });
  });
});
