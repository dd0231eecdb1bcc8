/**
 * Eligibility rules engine of "Kurzeme visiem": from a few answers, per social service,
 * whether it may fit (`likely`), cannot be told yet (`maybe`, with the facts to ask the
 * social service about) or does not fit (`no`). The engine never promises: the social
 * service decides.
 *
 * Typical use (the rule files are content: `server/content.ts` or the build's collection
 * reads and validates them with `eligibilityRule`, see `src/domain/model/`):
 *
 * ```ts
 * const facts = parseFacts(answers);            // throws FactsError on bad answers
 * const results = evaluate(rules, facts);       // one result per service
 * const next = questionsToAsk(rules, facts)[0]; // the next question, if any
 * ```
 *
 * Pure functions only: no file system, no framework.
 */
export {
  CARE_SETTINGS,
  DECIDING_FACTS,
  DISABILITY_GROUPS,
  FACT_ORDER,
  FACT_SPECS,
  FILLED_BY,
  FactsError,
  GROUPS,
  MAX_AGE,
  MIN_AGE,
  MUNICIPALITY_IDS,
  deriveFacts,
  describeExpected,
  factsConflict,
  isFactName,
  parseFacts,
  possibleValues,
} from './facts';
export type {
  CareSetting,
  DecidingFact,
  DisabilityGroup,
  FactName,
  FactSpec,
  FactValue,
  FactValues,
  Facts,
  FilledBy,
  Group,
  MunicipalityId,
} from './facts';
export { OPERATORS, OTHERWISE, VERDICTS, eligibilityRule, evaluableRules } from '../model/eligibility';
export type {
  Condition,
  EligibilityRule,
  EvaluableRule,
  LocalizedText,
  Note,
  Operator,
  Otherwise,
  SourceRef,
  SourcedCondition,
  SourcedWay,
  Verdict,
  Way,
} from '../model/eligibility';
export { checkCondition, evaluate } from './evaluate';
export type { ConditionStatus, Reason, ServiceResult } from './evaluate';
export { ALWAYS_ASKED_FACTS, questionsToAsk, relevantFacts } from './questions';
