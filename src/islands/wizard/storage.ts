/**
 * The browser side of the wizard's session state: sessionStorage only (this tab, gone
 * when it closes). Formats and checks live in `src/domain/wizard/session.ts`. Storage may
 * be unavailable (privacy settings); the wizard then simply does not survive a reload.
 */
import type { EvaluableRule } from '../../domain/model/eligibility';
import { HANDOVER_KEY, type Handover } from '../../domain/handover';
import {
  WIZARD_STORAGE_KEY,
  initialState,
  parseState,
  serializeState,
  type WizardState,
} from '../../domain/wizard/session';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The saved state if it can be trusted; a tampered or invalid one is removed. */
export function loadState(rules: readonly EvaluableRule[]): WizardState {
  const s = storage();
  let raw: string | null;
  try {
    raw = s?.getItem(WIZARD_STORAGE_KEY) ?? null;
  } catch {
    raw = null;
  }
  const state = parseState(raw, rules);
  if (state === null && raw !== null) clearState();
  return state ?? initialState();
}

export function saveState(state: WizardState): void {
  try {
    storage()?.setItem(WIZARD_STORAGE_KEY, serializeState(state));
  } catch {
    // Full or blocked storage: the wizard still works, only a reload starts afresh.
  }
}

export function clearState(): void {
  try {
    storage()?.removeItem(WIZARD_STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Hands the answers to the referral form: `kv:prefill` is written and `kv:wizard` removed. */
export function handOver(prefill: Handover): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(HANDOVER_KEY, JSON.stringify(prefill));
    s.removeItem(WIZARD_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}
