/**
 * The answers a person gives the eligibility wizard ("facts"), and their validation.
 *
 * Every fact may be missing or `null`: both mean "Nezinu" (unknown). The engine never
 * guesses a missing answer; it says `maybe` and names the fact instead.
 *
 * Pure module: no I/O, no framework imports, so the wizard (browser), the server and
 * the command line all validate answers the same way.
 */

import { FILLED_BY, MUNICIPALITY_IDS, type FilledBy, type MunicipalityId } from '../vocabulary';
import { isPlainObject } from '../objects';

export { FILLED_BY, MUNICIPALITY_IDS, type FilledBy, type MunicipalityId };

/** Who the answers are about. */
export const GROUPS = ['child', 'adult', 'child-in-care', 'foster', 'other'] as const;
/** Disability group as decided by VDEĀVK; children have no group, so they answer `none`. */
export const DISABILITY_GROUPS = ['I', 'II', 'III', 'none'] as const;
/** Where a child in out-of-family care lives: with a foster family or guardian, or in an institution. */
export const CARE_SETTINGS = ['family', 'institution'] as const;

export const MIN_AGE = 0;
export const MAX_AGE = 120;

export type Group = (typeof GROUPS)[number];
export type DisabilityGroup = (typeof DISABILITY_GROUPS)[number];
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** The value type of each fact once it is known. */
export interface FactValues {
  group: Group;
  filledBy: FilledBy;
  /** Age in full years. */
  age: number;
  disabilityDetermined: boolean;
  disabilityGroup: DisabilityGroup;
  /** The VDEĀVK opinion on the need for special care ("atzinums par īpašas kopšanas nepieciešamību"). */
  vdeavkSpecialCare: boolean;
  /** For a child in out-of-family care: a foster family or guardian (`family`), or an institution. */
  careSetting: CareSetting;
  municipality: MunicipalityId;
}

/**
 * Every fact name, in the order the wizard asks them: who the answers are about and
 * who answers first, then the facts that decide verdicts, then where the person lives.
 */
export const FACT_ORDER = [
  'group',
  'filledBy',
  'careSetting',
  'age',
  'disabilityDetermined',
  'disabilityGroup',
  'vdeavkSpecialCare',
  'municipality',
] as const satisfies readonly (keyof FactValues)[];

export type FactName = (typeof FACT_ORDER)[number];

/**
 * Facts a rule may test. `filledBy` is deliberately absent: who fills in the form never
 * decides whether a service may fit. `municipality` may: where a municipality's binding
 * rules differ (care at home to 24, respite provided or not), a rule names them.
 */
export const DECIDING_FACTS = [
  'group',
  'age',
  'careSetting',
  'disabilityDetermined',
  'disabilityGroup',
  'vdeavkSpecialCare',
  'municipality',
] as const satisfies readonly FactName[];

export type DecidingFact = (typeof DECIDING_FACTS)[number];

/** A known value of any fact. */
export type FactValue = FactValues[FactName];

/** The answers so far. A missing fact or `null` means "Nezinu" (unknown). */
export type Facts = { readonly [K in FactName]?: FactValues[K] | null };

/** What kind of value a fact takes; drives validation, error messages and the wizard's options. */
export type FactSpec =
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number };

export const FACT_SPECS: { readonly [K in FactName]: FactSpec } = {
  group: { kind: 'enum', values: GROUPS },
  filledBy: { kind: 'enum', values: FILLED_BY },
  age: { kind: 'integer', min: MIN_AGE, max: MAX_AGE },
  disabilityDetermined: { kind: 'boolean' },
  disabilityGroup: { kind: 'enum', values: DISABILITY_GROUPS },
  vdeavkSpecialCare: { kind: 'boolean' },
  careSetting: { kind: 'enum', values: CARE_SETTINGS },
  municipality: { kind: 'enum', values: MUNICIPALITY_IDS },
};

/** An answer that cannot be used; `fact` names the answer (or is `null` when the whole input is wrong). */
export class FactsError extends Error {
  override readonly name = 'FactsError';
  constructor(
    message: string,
    readonly fact: string | null,
  ) {
    super(message);
  }
}

/** Is `name` one of the fact names? */
export function isFactName(name: string): name is FactName {
  return (FACT_ORDER as readonly string[]).includes(name);
}

/** Is `name` a fact that rules may test? */
export function isDecidingFact(name: string): name is DecidingFact {
  return (DECIDING_FACTS as readonly string[]).includes(name);
}

/**
 * What a fact expects, for error messages: `"I" | "II" | "III" | "none"`,
 * `true | false`, or `an integer from 0 to 120`.
 */
export function describeExpected(fact: FactName): string {
  const spec = FACT_SPECS[fact];
  switch (spec.kind) {
    case 'enum':
      return spec.values.map((v) => JSON.stringify(v)).join(' | ');
    case 'boolean':
      return 'true | false';
    case 'integer':
      return `an integer from ${spec.min} to ${spec.max}`;
  }
}

/** Is `value` a valid known value of `fact` (not null)? */
export function isValidValue(fact: FactName, value: unknown): value is FactValue {
  const spec = FACT_SPECS[fact];
  switch (spec.kind) {
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max;
  }
}

/** Every value a fact can take, for the wizard's options and for `relevantFacts`. */
export function possibleValues(fact: FactName): readonly FactValue[] {
  const spec = FACT_SPECS[fact];
  switch (spec.kind) {
    case 'enum':
      return spec.values as readonly FactValue[];
    case 'boolean':
      return [true, false];
    case 'integer':
      return Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i);
  }
}

/** `true` when the fact has an answer (not missing, not `null`). */
export function isKnown<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/**
 * Answers that cannot both be true, or `null` when there is no conflict. Both follow from
 * how VDEĀVK works: a disability group (I–III) and the special-care opinion are only
 * given to a person whose disability is determined.
 */
export function factsConflict(facts: Facts): string | null {
  const age = facts.age;
  if (isKnown(age) && age < 18 && isKnown(facts.disabilityGroup) && facts.disabilityGroup !== 'none') {
    return `disabilityGroup: ${JSON.stringify(facts.disabilityGroup)} contradicts age: ${age} (under 18 a disability is determined without a group)`;
  }
  if (facts.disabilityDetermined !== false) return null;
  const group = facts.disabilityGroup;
  if (isKnown(group) && group !== 'none') {
    return `disabilityGroup: ${JSON.stringify(group)} contradicts disabilityDetermined: false (a disability group is only given with a determined disability)`;
  }
  if (facts.vdeavkSpecialCare === true) {
    return 'vdeavkSpecialCare: true contradicts disabilityDetermined: false (the VDEĀVK special-care opinion is only given with a determined disability)';
  }
  return null;
}

/**
 * Facts that follow from other answers, so the wizard need not ask them and verdicts are
 * not left at `maybe` for nothing:
 * - a VDEĀVK special-care opinion is issued with the disability decision or later
 *   (vdeavk.gov.lv), so it means a disability is determined;
 * - no disability determined means no disability group and no special-care opinion;
 * - under 18 a disability is determined without a group (vdeavk.gov.lv);
 * - a child of the group `child` lives with the family (that is what the group means), so
 *   the question for children in out-of-family care (family or institution) is not asked.
 * Nothing else is inferred: the engine never guesses.
 */
export function deriveFacts(facts: Facts): Facts {
  const derived: { -readonly [K in keyof Facts]: Facts[K] } = { ...facts };
  if (derived.vdeavkSpecialCare === true && !isKnown(derived.disabilityDetermined)) {
    derived.disabilityDetermined = true;
  }
  if (derived.disabilityDetermined === false) {
    if (!isKnown(derived.disabilityGroup)) derived.disabilityGroup = 'none';
    if (!isKnown(derived.vdeavkSpecialCare)) derived.vdeavkSpecialCare = false;
  }
  // Under 18 a disability is determined without a group (VDEĀVK).
  if (isKnown(derived.age) && derived.age < 18 && !isKnown(derived.disabilityGroup)) derived.disabilityGroup = 'none';
  if (derived.group === 'child' && !isKnown(derived.careSetting)) derived.careSetting = 'family';
  return derived;
}

/**
 * Validates the wizard's answers.
 *
 * Accepts an object whose keys are fact names; each value is a valid value of that fact,
 * `null` ("Nezinu") or absent. Returns the facts with `undefined` entries dropped.
 *
 * @throws {FactsError} for a non-object, an unknown fact name, an invalid value or
 *   contradicting answers; the message names the fact and what it expects.
 */
export function parseFacts(input: unknown): Facts {
  if (!isPlainObject(input)) {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    throw new FactsError(`answers: expected an object such as {"group":"child","age":3}, got ${got}`, null);
  }
  const facts: Record<string, FactValue | null> = {};
  for (const [name, value] of Object.entries(input)) {
    if (!isFactName(name)) {
      throw new FactsError(`${JSON.stringify(name)}: unknown fact; expected one of ${FACT_ORDER.join(', ')}`, name);
    }
    if (value === undefined) continue;
    if (value !== null && !isValidValue(name, value)) {
      throw new FactsError(
        `${name}: expected ${describeExpected(name)} or null ("Nezinu"), got ${JSON.stringify(value)}`,
        name,
      );
    }
    facts[name] = value;
  }
  const result = facts as Facts;
  const conflict = factsConflict(result);
  if (conflict !== null) throw new FactsError(conflict, conflict.slice(0, conflict.indexOf(':')));
  return result;
}
