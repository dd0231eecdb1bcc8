/**
 * What the wizard keeps in the browser's sessionStorage, and what it hands to the
 * referral form. Nothing is sent to a server: the answers stay in this tab until the
 * person sends a request themselves.
 *
 * `kv:wizard` — the wizard's own state, so a reload keeps the step and the answers:
 *
 * ```json
 * { "version": 1, "step": "age", "answers": { "group": "child", "filledBy": "parent" }, "returnToCheck": false }
 * ```
 *
 * `step` is a question (its fact name), `"check"` or `"result"`; `answers` are facts as
 * `parseFacts` accepts them (`null` = "Nezinu"); `place`, when present, the town, parish or
 * village the person typed to find the municipality (it goes to the office with the request). A saved state that is not exactly this —
 * bad JSON, another version, an unknown step, invalid answers, answers off the path or a
 * step that cannot be reached with them — is discarded, never trusted.
 *
 * `kv:prefill` — written when the person presses "Nosūtīt pieteikumu"; the referral form
 * reads and then removes it (declared in `src/domain/handover.ts`).
 */
import { evaluate } from '../eligibility/evaluate';
import { parseFacts, type Facts } from '../eligibility/facts';
import type { EvaluableRule } from '../model/eligibility';
import { HANDOVER_VERSION, type Handover } from '../handover';
import { isStepId, isStepReachable, pathAnswers, type StepId } from './steps';
import { parseStoredObject } from '../objects';

export const WIZARD_STORAGE_KEY = 'kv:wizard';
export const STATE_VERSION = 1;

export interface WizardState {
  step: StepId;
  /** The answers on the person's path (see `pathAnswers`). */
  answers: Facts;
  /** The person came from the check-answers step ("Mainīt") and returns there. */
  returnToCheck: boolean;
  /** The place the person typed to find the municipality, as the content writes it; absent when they chose it. */
  place?: string;
}

/** The longest place name a saved state may hold (the referral schema's limit). */
const MAX_PLACE = 60;

/** A fresh start: the first question, no answers. */
export function initialState(): WizardState {
  return { step: 'group', answers: {}, returnToCheck: false };
}

/** The state as stored under `kv:wizard`. */
export function serializeState(state: WizardState): string {
  return JSON.stringify({
    version: STATE_VERSION,
    step: state.step,
    answers: state.answers,
    returnToCheck: state.returnToCheck,
    ...(state.place === undefined ? {} : { place: state.place }),
  });
}

/**
 * A saved state, checked; `null` when there is none or it cannot be trusted (the caller
 * then removes it and starts afresh).
 */
export function parseState(raw: string | null, rules: readonly EvaluableRule[]): WizardState | null {
  const data = parseStoredObject(raw, STATE_VERSION);
  if (data === null) return null;
  const known = new Set(['version', 'step', 'answers', 'returnToCheck', 'place']);
  if (Object.keys(data).some((k) => !known.has(k))) return null;
  const step = data['step'];
  if (!isStepId(step)) return null;
  const returnToCheck = data['returnToCheck'] ?? false;
  if (typeof returnToCheck !== 'boolean') return null;
  const place = data['place'];
  if (place !== undefined && (typeof place !== 'string' || place.length > MAX_PLACE)) return null;
  let answers: Facts;
  try {
    answers = parseFacts(data['answers']);
  } catch {
    return null;
  }
  // Answers off the path were never given by this wizard: someone edited the state.
  if (Object.keys(answers).length !== Object.keys(pathAnswers(rules, answers)).length) return null;
  if (!isStepReachable(rules, answers, step)) return null;
  // A place belongs to the municipality it found: without that answer it is dropped.
  return typeof place === 'string' && answers.municipality
    ? { step, answers, returnToCheck, place }
    : { step, answers, returnToCheck };
}

/**
 * The prefill for the referral form from complete answers.
 * @throws Error when the municipality or who answers is missing (the wizard asks both).
 */
export function buildPrefill(rules: readonly EvaluableRule[], answers: Facts, place?: string): Handover {
  const facts = pathAnswers(rules, answers);
  const { municipality, filledBy, group } = facts;
  if (municipality === undefined || municipality === null) throw new Error('prefill: municipality is missing');
  if (filledBy === undefined || filledBy === null) throw new Error('prefill: filledBy is missing');
  const verdicts = evaluate(rules, facts).flatMap((r) =>
    r.verdict === 'no' ? [] : [{ service: r.service, verdict: r.verdict }],
  );
  // As the result shows them: likely, then maybe, then those needing a step first.
  const ordered = (['likely', 'maybe', 'first'] as const).flatMap((verdict) =>
    verdicts.filter((v) => v.verdict === verdict),
  );
  return {
    version: HANDOVER_VERSION,
    type: group === 'foster' ? 'foster' : 'service',
    municipality,
    ...(place === undefined || place === '' ? {} : { place }),
    filledBy,
    person: {
      age: typeof facts.age === 'number' ? facts.age : null,
      group: group === 'child' || group === 'adult' || group === 'child-in-care' ? group : 'other',
    },
    services: ordered.filter((v) => v.verdict !== 'first').map((v) => v.service),
    answers: facts,
    verdicts: ordered,
  };
}
