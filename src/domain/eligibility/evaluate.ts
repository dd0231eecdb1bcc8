/**
 * Evaluation of the rules against the answers.
 *
 * A condition holds, fails, or is unknown (its fact is unanswered). A failing condition
 * may mean that the service does not fit (`no`), that a step comes first (`first`: the
 * special-care opinion, say) or that the rule for this case is not known (`maybe`: does
 * the municipality provide it?). A way holds when all its conditions hold; its status
 * otherwise is the strongest failure among its conditions (no > first > maybe/unknown).
 * A service is `likely` when a way holds, else `maybe` when a way may still hold, else
 * `first` when a way needs a step, else `no`. The verdict is only a hint: the office decides.
 */
import {
  FACT_ORDER,
  deriveFacts,
  isKnown,
  type DecidingFact,
  type FactName,
  type FactValue,
  type Facts,
} from './facts';
import type { Condition, EvaluableRule, LocalizedText, Verdict, Way } from '../model/eligibility';

/**
 * The state of one condition for the given answers: `holds`, `fails` (the service does
 * not fit), `first` (a step comes first), `ask` (the rule for this case is not known) or
 * `unknown` (the fact is unanswered).
 */
export type ConditionStatus = 'holds' | 'fails' | 'first' | 'ask' | 'unknown';

/** One condition behind a verdict, so the result can say why. */
export interface Reason {
  readonly status: ConditionStatus;
  readonly fact: DecidingFact;
  /** Where the condition is in its rule file, e.g. `conditions[1]` or `ways[0].conditions[2]`. */
  readonly path: string;
  /** The way's label for multi-way services (`null` for a single way). */
  readonly way: string | null;
  /** The `holds` text when it holds, `fails` when it does not (or what comes first, or what to ask); `null` when unknown. */
  readonly text: LocalizedText | null;
  /** For `first`: the page that explains the step. */
  readonly step: string | null;
}

/** The result for one service. */
export interface ServiceResult {
  readonly service: string;
  readonly verdict: Verdict;
  /** For `maybe` and `first`: the unanswered facts that decide it, in question order. Empty otherwise. */
  readonly unknown: readonly FactName[];
  readonly reasons: readonly Reason[];
  /** The service's notes meant for this verdict. */
  readonly notes: readonly LocalizedText[];
}

function compare(condition: Condition, actual: FactValue): boolean {
  const expected = condition.value;
  switch (condition.is) {
    case 'equals':
      return actual === expected;
    case 'one-of':
      return Array.isArray(expected) && expected.includes(actual);
    case 'not-one-of':
      return Array.isArray(expected) && !expected.includes(actual);
    case 'at-least':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'at-most':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
  }
}

const FAILURE: Record<Condition['otherwise'], ConditionStatus> = { no: 'fails', first: 'first', maybe: 'ask' };

/**
 * Checks one condition. Unknown when its fact is missing or `null`.
 * Expects facts already passed through `deriveFacts` (as `evaluate` does).
 */
export function checkCondition(condition: Condition, facts: Facts): ConditionStatus {
  const actual = facts[condition.fact];
  if (!isKnown(actual)) return 'unknown';
  return compare(condition, actual) ? 'holds' : FAILURE[condition.otherwise];
}

/** A way's status: `holds`, `fails`, `first` (a step comes first) or `open` (may still hold). */
type WayStatus = 'holds' | 'fails' | 'first' | 'open';

interface WayState {
  readonly way: Way;
  readonly statuses: readonly ConditionStatus[];
  readonly status: WayStatus;
}

function checkWay(way: Way, facts: Facts): WayState {
  const statuses = way.conditions.map((c) => checkCondition(c, facts));
  const status: WayStatus = statuses.includes('fails')
    ? 'fails'
    : statuses.includes('first')
      ? 'first'
      : statuses.includes('unknown') || statuses.includes('ask')
        ? 'open'
        : 'holds';
  return { way, statuses, status };
}

function reasonsOf(state: WayState): Reason[] {
  return state.way.conditions.map((condition, i) => {
    const status = state.statuses[i] ?? 'unknown';
    return {
      status,
      fact: condition.fact,
      path: condition.path,
      way: state.way.name,
      text: status === 'holds' ? condition.holds : status === 'unknown' ? null : condition.fails,
      step: status === 'first' ? condition.step : null,
    };
  });
}

function count(state: WayState, status: ConditionStatus): number {
  return state.statuses.filter((s) => s === status).length;
}

/**
 * The ways that came closest (fewest failing, then most holding conditions), so that an
 * adult with disability group III hears "you have no group I or II" rather than "you are
 * not a child" from every other way of the service.
 */
function closestWays(states: readonly WayState[]): WayState[] {
  const score = (s: WayState): [number, number] => [count(s, 'fails') + count(s, 'first'), -count(s, 'holds')];
  let best: [number, number] | null = null;
  for (const s of states) {
    const [f, h] = score(s);
    if (best === null || f < best[0] || (f === best[0] && h < best[1])) best = [f, h];
  }
  return states.filter((s) => {
    const [f, h] = score(s);
    return best !== null && f === best[0] && h === best[1];
  });
}

function orderFacts(facts: Iterable<FactName>): FactName[] {
  const set = new Set(facts);
  return FACT_ORDER.filter((f) => set.has(f));
}

function unknownFacts(states: readonly WayState[]): FactName[] {
  return orderFacts(
    states.flatMap((s) => s.way.conditions.filter((_, i) => s.statuses[i] === 'unknown').map((c) => c.fact)),
  );
}

/** Evaluates one service's rules (facts already derived). */
function evaluateService(rules: EvaluableRule, facts: Facts): ServiceResult {
  const states = rules.ways.map((w) => checkWay(w, facts));
  const holding = states.find((s) => s.status === 'holds');
  const open = states.filter((s) => s.status === 'open');
  const first = states.filter((s) => s.status === 'first');
  let verdict: Verdict;
  let shown: WayState[];
  if (holding !== undefined) {
    verdict = 'likely';
    shown = [holding];
  } else if (open.length > 0) {
    verdict = 'maybe';
    shown = open;
  } else if (first.length > 0) {
    verdict = 'first';
    shown = closestWays(first);
  } else {
    verdict = 'no';
    shown = closestWays(states);
  }
  return {
    service: rules.service,
    verdict,
    unknown: verdict === 'maybe' || verdict === 'first' ? unknownFacts(shown) : [],
    reasons: shown.flatMap(reasonsOf),
    notes: rules.notes.filter((n) => n.when.includes(verdict)).map(({ lv, easy }) => ({ lv, easy })),
  };
}

/**
 * Evaluates every service's rules against the answers so far.
 *
 * @param rules the rule files, in the order results should come in
 * @param facts the answers (validated by `parseFacts`); missing or `null` = unknown
 * @returns one result per service, in the order of `rules`: the verdict
 *   (`likely` | `maybe` | `first` | `no`), the unknown facts for `maybe` and `first`, the
 *   reasons (the conditions behind the verdict, with their texts and steps) and the notes
 */
export function evaluate(rules: readonly EvaluableRule[], facts: Facts): ServiceResult[] {
  const derived = deriveFacts(facts);
  return rules.map((r) => evaluateService(r, derived));
}
