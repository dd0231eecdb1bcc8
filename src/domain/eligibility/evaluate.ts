/**
 * Three-valued evaluation of the rules against the answers.
 *
 * A condition holds, fails, or is unknown (its fact is unanswered). A way holds when all
 * its conditions hold and fails when one fails. A service is `likely` when one way holds,
 * `no` when every way fails, and `maybe` otherwise — then it lists the unknown facts to
 * ask the social service about. The verdict is only a hint: the social service decides.
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
import type { Condition, LocalizedText, EvaluableRule, Verdict, Way } from '../model/eligibility';

/** The state of one condition for the given answers. */
export type ConditionStatus = 'holds' | 'fails' | 'unknown';

/** One condition behind a verdict, so the UI can show why. */
export interface Reason {
  readonly status: ConditionStatus;
  readonly fact: DecidingFact;
  /** Where the condition is in its rule file, e.g. `conditions[1]` or `ways[0].conditions[2]`. */
  readonly path: string;
  /** The way's label for multi-way services (`null` for a single way). */
  readonly way: string | null;
  /** The reason text: the `holds` text when it holds, `fails` when it fails, `null` when unknown. */
  readonly text: LocalizedText | null;
}

/** The result for one service. */
export interface ServiceResult {
  readonly service: string;
  readonly verdict: Verdict;
  /** For `maybe`: the unanswered facts that decide it, deduplicated, in question order. Empty otherwise. */
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
    case 'at-least':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'at-most':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
  }
}

/**
 * Checks one condition. Unknown when its fact is missing or `null`.
 * Expects facts already passed through `deriveFacts` (as `evaluate` does).
 */
export function checkCondition(condition: Condition, facts: Facts): ConditionStatus {
  const actual = facts[condition.fact];
  if (!isKnown(actual)) return 'unknown';
  return compare(condition, actual) ? 'holds' : 'fails';
}

interface WayState {
  readonly way: Way;
  readonly statuses: readonly ConditionStatus[];
  readonly status: ConditionStatus;
}

function checkWay(way: Way, facts: Facts): WayState {
  const statuses = way.conditions.map((c) => checkCondition(c, facts));
  const status: ConditionStatus = statuses.includes('fails')
    ? 'fails'
    : statuses.includes('unknown')
      ? 'unknown'
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
      text: status === 'holds' ? condition.holds : status === 'fails' ? condition.fails : null,
    };
  });
}

function count(state: WayState, status: ConditionStatus): number {
  return state.statuses.filter((s) => s === status).length;
}

/**
 * For `no`, the ways that came closest (fewest failing, then most holding conditions),
 * so that an adult with disability group III hears "you have no group I or II" rather
 * than "you are not a child" from every other way of the service.
 */
function closestWays(states: readonly WayState[]): WayState[] {
  const score = (s: WayState): [number, number] => [count(s, 'fails'), -count(s, 'holds')];
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

/** Evaluates one service's rules (facts already derived). */
function evaluateService(rules: EvaluableRule, facts: Facts): ServiceResult {
  const states = rules.ways.map((w) => checkWay(w, facts));
  const holding = states.find((s) => s.status === 'holds');
  let verdict: Verdict;
  let shown: WayState[];
  let unknown: FactName[] = [];
  if (holding !== undefined) {
    verdict = 'likely';
    shown = [holding];
  } else if (states.every((s) => s.status === 'fails')) {
    verdict = 'no';
    shown = closestWays(states);
  } else {
    verdict = 'maybe';
    shown = states.filter((s) => s.status === 'unknown');
    unknown = orderFacts(
      shown.flatMap((s) => s.way.conditions.filter((_, i) => s.statuses[i] === 'unknown').map((c) => c.fact)),
    );
  }
  return {
    service: rules.service,
    verdict,
    unknown,
    reasons: shown.flatMap(reasonsOf),
    notes: rules.notes.filter((n) => n.when.includes(verdict)).map(({ lv, easy }) => ({ lv, easy })),
  };
}

/**
 * Evaluates every service's rules against the answers so far.
 *
 * @param rules the parsed rule files, in the order results should come in
 * @param facts the answers (validated by `parseFacts`); missing or `null` = unknown
 * @returns one result per service, in the order of `rules`: the verdict
 *   (`likely` | `maybe` | `no`), the unknown facts for `maybe`, the reasons (the
 *   conditions that held, failed or are unknown, with their texts) and the notes
 */
export function evaluate(rules: readonly EvaluableRule[], facts: Facts): ServiceResult[] {
  const derived = deriveFacts(facts);
  return rules.map((r) => evaluateService(r, derived));
}
