/**
 * The wizard's groups of people and the pages that describe them: what the page for
 * readers without JavaScript lists per group, so that it names the same services the
 * wizard can suggest.
 */
import { evaluate } from '../eligibility/evaluate';
import type { Group } from '../eligibility/facts';
import type { EvaluableRule } from '../model/eligibility';

/**
 * The target group (`content/target-groups/<id>.yaml`) that describes each answer to
 * "Kam jūs meklējat atbalstu?". `other` has none: the page points to the social service.
 */
export const GROUP_PAGES = {
  child: 'berni-ar-ft',
  adult: 'pieaugusie-ar-grt',
  'child-in-care': 'berni-arpusgimenes-aprupe',
  foster: 'audzugimenes',
} as const satisfies Partial<Record<Group, string>>;

/** The wizard's group a target group's page describes, or `null`. */
export function groupOfPage(targetGroup: string): Group | null {
  const found = Object.entries(GROUP_PAGES).find(([, page]) => page === targetGroup);
  return found === undefined ? null : (found[0] as Group);
}

/**
 * The services the rules can suggest (`likely`, `maybe` or `first`) for a group of
 * people, in display order: those that are not `no` when only the group is answered.
 * An answer left unknown keeps a condition open, and giving it can only keep it open or
 * decide it, so no set of answers suggests a service this list lacks (the wizard's tests
 * check that against every combination of answers).
 */
export function servicesForGroup(rules: readonly EvaluableRule[], group: Group): string[] {
  return evaluate(rules, { group })
    .filter((r) => r.verdict !== 'no')
    .map((r) => r.service);
}
