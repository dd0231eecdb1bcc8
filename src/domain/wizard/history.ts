/**
 * The wizard's entries in the browser's history (`history.state`), so the browser's Back
 * and Forward buttons move between the wizard's steps as they do between GOV.UK question
 * pages. The URL never changes, and an entry holds the step's name only — never an
 * answer or anything else about the person (the answers stay in sessionStorage):
 *
 * ```json
 * { "kvWizard": "age" }
 * ```
 *
 * Other keys someone else keeps in the same entry's state are left as they are. A step
 * read back from the history is still checked against the answers (`stepForHistory`).
 */
import type { EvaluableRule } from '../model/eligibility';
import type { WizardState } from './session';
import { isQuestion, isStepId, stepForHistory, type StepId } from './steps';
import { isPlainObject } from '../objects';

/** The key of the wizard's step in `history.state`. */
export const HISTORY_STATE_KEY = 'kvWizard';

/** The wizard step a history entry's state names, or `null` when it names none (or an unknown one). */
export function stepOfHistoryState(state: unknown): StepId | null {
  if (!isPlainObject(state)) return null;
  const step = state[HISTORY_STATE_KEY];
  return isStepId(step) ? step : null;
}

/** `state` with the wizard's step set; its other keys are kept (a non-object state is dropped). */
export function historyStateWith(state: unknown, step: StepId): Record<string, unknown> {
  return { ...(isPlainObject(state) ? state : {}), [HISTORY_STATE_KEY]: step };
}

/**
 * The wizard's state once the browser's Back or Forward has brought back an entry naming
 * `step`: the answers exactly as they are (history never changes an answer, just as the
 * in-page "Atpakaļ" does not), the step checked against them (`stepForHistory`). A
 * question keeps `returnToCheck` as the in-page "Atpakaļ" keeps it; the check-answers step
 * and the result clear it (the person is back at the check, or past it).
 */
export function stateForHistoryStep(rules: readonly EvaluableRule[], state: WizardState, step: StepId): WizardState {
  const shown = stepForHistory(rules, state.answers, step);
  return { ...state, step: shown, returnToCheck: isQuestion(shown) ? state.returnToCheck : false };
}
