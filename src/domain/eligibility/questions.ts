/**
 * Which questions the wizard still needs to ask.
 *
 * A question is worth asking when some answer to it would change at least one verdict,
 * given the answers so far. That is checked literally: every possible answer of every
 * unanswered fact is tried against the rules (about 140 evaluations; cheap), so the
 * result always matches the rule files without a second, hand-written list.
 */
import {
  DECIDING_FACTS,
  FACT_ORDER,
  deriveFacts,
  factsConflict,
  isKnown,
  possibleValues,
  type FactName,
  type Facts,
} from './facts';
import { evaluate } from './evaluate';
import type { EvaluableRule } from '../model/eligibility';

/**
 * Facts the wizard asks whenever they are unanswered, although they never change a
 * verdict: `group` (always first), `filledBy` (changes the wording: "Jūsu vecums" or
 * "Bērna vecums") and `municipality` (routes the enquiry to the right social service).
 */
export const ALWAYS_ASKED_FACTS = ['group', 'filledBy', 'municipality'] as const satisfies readonly FactName[];

function verdictKey(rules: readonly EvaluableRule[], facts: Facts): string {
  return evaluate(rules, facts)
    .map((r) => r.verdict)
    .join(',');
}

/**
 * The unanswered facts that could change at least one verdict, given the answers so far,
 * in question order (group, age, disabilityDetermined, disabilityGroup, vdeavkSpecialCare,
 * careSetting, municipality).
 *
 * "Unanswered" means missing: a fact answered `null` ("Nezinu") is not asked again, so
 * the wizard cannot loop (it stays unknown for `evaluate`, which lists it for `maybe`).
 * Never contains `filledBy` or `municipality` (they never change a verdict; see
 * `ALWAYS_ASKED_FACTS` and `questionsToAsk`). A fact implied by other answers (no
 * disability determined → no disability group) counts as answered. Answers that would
 * contradict the ones given are not tried.
 *
 * Examples with the project's rules: after `group: "adult"` nothing about parents;
 * after `group: "foster"` or `"other"` nothing at all.
 */
export function relevantFacts(rules: readonly EvaluableRule[], facts: Facts): FactName[] {
  const derived = deriveFacts(facts);
  const current = verdictKey(rules, facts);
  const relevant = DECIDING_FACTS.filter((fact) => {
    if (facts[fact] === null || isKnown(derived[fact])) return false;
    return possibleValues(fact).some((value) => {
      const next: Facts = { ...facts, [fact]: value };
      return factsConflict(next) === null && verdictKey(rules, next) !== current;
    });
  });
  return FACT_ORDER.filter((f) => (relevant as readonly FactName[]).includes(f));
}

/**
 * Everything the wizard should still ask, in question order: the relevant facts plus
 * the always-asked ones (`group`, `filledBy`, `municipality`) that are missing.
 * The first item is the next question; an empty list means the wizard can show results.
 */
export function questionsToAsk(rules: readonly EvaluableRule[], facts: Facts): FactName[] {
  const relevant = new Set<FactName>(relevantFacts(rules, facts));
  const always = new Set<FactName>(ALWAYS_ASKED_FACTS);
  return FACT_ORDER.filter((f) => relevant.has(f) || (always.has(f) && facts[f] === undefined));
}
