/**
 * Shared helpers for the eligibility tests: the REAL rule files from
 * `content/eligibility/`, loaded once through the same loader the server and the commands use.
 */
import { evaluate, type Facts, type ServiceResult, type Verdict } from '../../../../src/domain/eligibility/index';
import { loadContent } from '../../../../server/content';

export const rules = loadContent().eligibility;

/** The result for one service. */
export function resultFor(service: string, facts: Facts): ServiceResult {
  const found = evaluate(rules, facts).find((r) => r.service === service);
  if (found === undefined) throw new Error(`no result for ${service}`);
  return found;
}

/** The verdict for one service. */
export function verdict(service: string, facts: Facts): Verdict {
  return resultFor(service, facts).verdict;
}

/** The services with a given verdict. */
export function servicesWith(v: Verdict, facts: Facts): string[] {
  return evaluate(rules, facts)
    .filter((r) => r.verdict === v)
    .map((r) => r.service);
}
