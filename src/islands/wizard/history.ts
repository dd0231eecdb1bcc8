/**
 * The browser side of the wizard's history entries: the browser's Back and Forward move
 * between the wizard's steps. Each entry's state names the step only (`{ "kvWizard": "age" }`,
 * see `src/domain/wizard/history.ts`); the URL stays exactly as it is — no query, no hash,
 * no answers. The History API may refuse a call (some browsers throttle many calls in a
 * short time); the wizard then still works, only without that entry.
 */
import { historyStateWith, stepOfHistoryState } from '../../domain/wizard/history';
import type { StepId } from '../../domain/wizard/steps';

/** A new history entry for `step` at the same URL (a step change the person made). */
export function pushStep(step: StepId): void {
  try {
    window.history.pushState(historyStateWith(null, step), '', window.location.href);
  } catch {
    // No new entry: the browser's Back then skips this step.
  }
}

/** The current history entry names `step`; whatever else its state holds is kept. */
export function replaceStep(step: StepId): void {
  try {
    window.history.replaceState(historyStateWith(window.history.state, step), '', window.location.href);
  } catch {
    // The entry keeps the step it named; it is checked again when the person returns to it.
  }
}

/**
 * The step the current entry names when the browser's Back or Forward loaded this page
 * anew (not a same-page `popstate`: e.g. an entry made before a reload, which the browser
 * loads as a new page), else `null`. On a first visit or a reload the saved state decides.
 */
export function stepOfTraversedEntry(): StepId | null {
  try {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    if (navigation?.type !== 'back_forward') return null;
    return stepOfHistoryState(window.history.state);
  } catch {
    return null;
  }
}
