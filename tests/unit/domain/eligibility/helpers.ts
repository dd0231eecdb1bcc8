/**
 * Shared helpers for the eligibility tests: the REAL rule files from
 * `content/eligibility/`, loaded once through the same loader the server and the commands use.
 */
import { evaluate, type Facts, type ServiceResult, type Verdict } from '../../../../src/domain/eligibility/index';
import { loadContent } from '../../../../server/content';

export const rules = loadContent().eligibility;

export const SEED_004 = '004_ada58cefa1340f78.txt';

/** Service ids for adults with GRT (seed 004: "Projekta ietvaros varēs tikt saņemti …"). */
export const ADULT_SERVICES = [
  'aprupe-majas',
  'dac',
  'specializetas-darbnicas',
  'grupu-dzivoklis',
  'islaiciga-aprupe',
  'specialistu-konsultacijas',
  'atbalsta-grupas',
] as const;

/** Services for children with FT and their families. */
export const CHILD_SERVICES = [
  'atelpas-bridis',
  'aprupe-berniem',
  'rehabilitacija-berniem',
  'rehabilitacija-vecakiem',
  'dac-berniem',
] as const;

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

/** The facts without the named ones (they become unknown). */
export function omit(facts: Facts, ...names: (keyof Facts)[]): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([name]) => !(names as string[]).includes(name)));
}

/** A child for whom every condition of the children's services holds (age set per test). */
export const FULL_CHILD: Facts = {
  group: 'child',
  filledBy: 'parent',
  disabilityDetermined: true,
  disabilityGroup: 'none',
  vdeavkSpecialCare: true,
  parentsWorkOrStudy: true,
  supportPlan: true,
  municipality: 'kuldigas-novads',
};

/** An adult for whom every condition of the adults' services holds. */
export const FULL_ADULT: Facts = {
  group: 'adult',
  filledBy: 'self',
  age: 30,
  disabilityDetermined: true,
  disabilityGroup: 'II',
  supportPlan: true,
  municipality: 'liepaja',
};
