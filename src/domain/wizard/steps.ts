/**
 * The order of the wizard's steps, decided by the rules.
 *
 * The questions are not a fixed list: after each answer the engine's `questionsToAsk`
 * names the next question that can still change a verdict (always `group` first, then
 * `filledBy`, then the deciding facts still relevant, and `municipality` last). Replaying
 * that from the first answer gives the person's *path*: the questions they see, in order.
 * Back, "Mainīt" and a reload all recompute the same path from the answers, so there is
 * no second list to keep in step with the rule files.
 *
 * After the questions come the check-answers step (`check`) and the result (`result`).
 */
// The engine's modules one by one, not its index: the index also exports the rule files'
// zod schema, which the browser does not need (and would carry ~15 KB gzip of).
import { FACT_ORDER, isFactName, type FactName, type Facts } from '../eligibility/facts';
import { questionsToAsk } from '../eligibility/questions';
import type { EvaluableRule } from '../model/eligibility';

/** A step: a question (named by its fact), the check-answers page, or the result. */
export type StepId = FactName | 'check' | 'result';

export const CHECK_STEP = 'check' as const;
export const RESULT_STEP = 'result' as const;

/** Is `value` a step name? */
export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (value === CHECK_STEP || value === RESULT_STEP || isFactName(value));
}

/** Is the step a question? */
export function isQuestion(step: StepId): step is FactName {
  return step !== CHECK_STEP && step !== RESULT_STEP;
}

/**
 * The questions a person goes through, in order, given their answers so far.
 *
 * Each round asks the engine which question can still change a verdict given the answers
 * on the path so far (`questionsToAsk`) and takes the first one not yet on the path. An
 * answer of `null` ("Nezinu") counts as answered; an unanswered question is passed over
 * as unknown, so the path also holds the questions after it (their answers, e.g. the
 * municipality given before a change, are kept). Answers to questions that are not on
 * the path are ignored.
 */
export function questionPath(rules: readonly EvaluableRule[], answers: Facts): FactName[] {
  const path: FactName[] = [];
  const known: Record<string, unknown> = {};
  // Each round adds one question; there are only so many facts.
  for (let round = 0; round < FACT_ORDER.length; round += 1) {
    const next = questionsToAsk(rules, known).find((f) => !path.includes(f));
    if (next === undefined) break;
    path.push(next);
    if (answers[next] !== undefined) known[next] = answers[next];
  }
  return path;
}

/** The answers that are on the path (the ones that count); others are dropped. */
export function pathAnswers(rules: readonly EvaluableRule[], answers: Facts): Facts {
  const out: Record<string, unknown> = {};
  for (const fact of questionPath(rules, answers)) {
    if (answers[fact] !== undefined) out[fact] = answers[fact];
  }
  return out;
}

/** The first question on the path still unanswered, or `null` when every question is answered. */
export function firstUnanswered(rules: readonly EvaluableRule[], answers: Facts): FactName | null {
  return questionPath(rules, answers).find((f) => answers[f] === undefined) ?? null;
}

/** Every question on the path is answered: the check-answers step and the result may be shown. */
export function isComplete(rules: readonly EvaluableRule[], answers: Facts): boolean {
  return firstUnanswered(rules, answers) === null;
}

/** The question's number as the person sees it ("2. jautājums"), 1-based; 0 if not on the path. */
export function questionNumber(rules: readonly EvaluableRule[], answers: Facts, fact: FactName): number {
  return questionPath(rules, answers).indexOf(fact) + 1;
}

/**
 * The step after `current` once it is answered.
 *
 * - From a question: the next question on the path (it may already be answered when the
 *   person went Back), else the check-answers step. When the person came from the
 *   check-answers step ("Mainīt", `returnToCheck`), straight back there — unless the new
 *   answer opened a question not answered yet, which is asked first.
 * - From the check-answers step: the result. The result is the last step.
 */
export function nextStep(
  rules: readonly EvaluableRule[],
  answers: Facts,
  current: StepId,
  returnToCheck = false,
): StepId {
  if (current === RESULT_STEP) return RESULT_STEP;
  if (current === CHECK_STEP)
    return isComplete(rules, answers) ? RESULT_STEP : (firstUnanswered(rules, answers) ?? CHECK_STEP);
  const path = questionPath(rules, answers);
  const open = path.find((f) => answers[f] === undefined);
  if (returnToCheck) return open ?? CHECK_STEP;
  const i = path.indexOf(current);
  const next = i === -1 ? open : path[i + 1];
  return next ?? CHECK_STEP;
}

/** The step before `current` (Back), or `null` on the first question. Answers are kept. */
export function previousStep(rules: readonly EvaluableRule[], answers: Facts, current: StepId): StepId | null {
  if (current === RESULT_STEP) return CHECK_STEP;
  const path = questionPath(rules, answers);
  if (current === CHECK_STEP) return path[path.length - 1] ?? null;
  const i = path.indexOf(current);
  return i > 0 ? (path[i - 1] ?? null) : null;
}

/**
 * Can a person be on this step with these answers? A question must be on the path and
 * not after the first unanswered one; the check-answers step and the result need every
 * question answered. Used to reject a tampered saved state rather than show a step out
 * of order.
 */
export function isStepReachable(rules: readonly EvaluableRule[], answers: Facts, step: StepId): boolean {
  if (!isQuestion(step)) return isComplete(rules, answers);
  const path = questionPath(rules, answers);
  const i = path.indexOf(step);
  const open = path.findIndex((f) => answers[f] === undefined);
  return i !== -1 && (open === -1 || i <= open);
}

/**
 * The step to show when the browser's Back or Forward (or a reload of an earlier history
 * entry) brings back `step`: the history only remembers the step's name, and the answers
 * may have changed since the entry was made ("Mainīt" the group from child to adult
 * takes the parents' question off the path; "Sākt no jauna" clears every answer).
 *
 * - A step that is still reachable with the current answers (see `isStepReachable`) is
 *   shown as it is: a question on the path up to the first unanswered one, the
 *   check-answers step or the result only when every question is answered.
 * - Otherwise the nearest step the person can go on from: the first unanswered question on
 *   the path, or — when every question is answered — the check-answers step, where every
 *   answer can be seen and changed. (Never the result: it follows the check, as "Rādīt"
 *   requires.)
 */
export function stepForHistory(rules: readonly EvaluableRule[], answers: Facts, step: StepId): StepId {
  if (isStepReachable(rules, answers, step)) return step;
  return firstUnanswered(rules, answers) ?? CHECK_STEP;
}
