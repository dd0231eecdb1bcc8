/**
 * The services a request form lists first for the person it is about: those the
 * eligibility rules can suggest for the person's group; the others follow, folded
 * ("Citi pakalpojumi"), still to be ticked. Before a group is chosen — or for a group the
 * rules suggest none of these for — every service is listed, in the content's order.
 */

/** A service as the form lists it: its id and the groups the rules can suggest it for. */
export interface GroupedService {
  id: string;
  groups: readonly string[];
}

/** The services to list first for `group` ('' = not chosen yet), and the others. */
export function servicesFirstFor<T extends GroupedService>(
  services: readonly T[],
  group: string,
): { first: T[]; others: T[] } {
  const first = group === '' ? [] : services.filter((s) => s.groups.includes(group));
  if (first.length === 0) return { first: [...services], others: [] };
  return { first, others: services.filter((s) => !s.groups.includes(group)) };
}
