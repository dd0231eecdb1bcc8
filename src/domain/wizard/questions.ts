/**
 * The wizard's questions as a form shows them: what kind of control each fact needs, its
 * options, whether "Nezinu" is offered, the form values and their conversion to facts,
 * and which wording fits the person who answers ("Cik jums ir gadu?" or "Cik gadu ir
 * bērnam?").
 */
import {
  CARE_SETTINGS,
  DISABILITY_GROUPS,
  FACT_SPECS,
  FILLED_BY,
  GROUPS,
  MAX_AGE,
  MIN_AGE,
  MUNICIPALITY_IDS,
  type FactName,
  type FactValue,
  type Facts,
} from '../eligibility/facts';
import { resolvePlace, type PlaceIndex, type PlaceMatch } from '../places/index';

/** The form value of the "Nezinu" radio. */
export const UNKNOWN = 'unknown';
/** The form value of the municipality radio "I will type my town, parish or village". */
export const PLACE = 'place';
/** Form values of the yes/no radios. */
export const YES = 'yes';
export const NO = 'no';

/**
 * The form's values: one per fact (radios hold strings: `"yes"`, `"no"`, `"unknown"`, an
 * enum value), the age as typed, and the municipality step's typed place and choice.
 */
export interface FormValues {
  group: string;
  filledBy: string;
  age: string;
  /** The age question's "Nezinu" checkbox. */
  ageUnknown: boolean;
  disabilityDetermined: string;
  disabilityGroup: string;
  vdeavkSpecialCare: string;
  careSetting: string;
  /** A municipality id, or `PLACE` to type a place name instead. */
  municipality: string;
  /** The typed town, parish or village. */
  place: string;
  /** When the typed name is in several municipalities: the one chosen. */
  placeChoice: string;
}

/** `choice`: radios; `age`: a number with a "Nezinu" checkbox; `municipality`: radios or a typed place. */
export type QuestionKind = 'choice' | 'age' | 'municipality';

export interface QuestionSpec {
  fact: FactName;
  kind: QuestionKind;
  /** The radio values (without "Nezinu"). */
  options: readonly string[];
  /** "Nezinu" is offered (its answer is the fact value `null`). */
  allowUnknown: boolean;
}

/** How the question of a fact is asked. */
export function questionSpec(fact: FactName): QuestionSpec {
  switch (fact) {
    case 'group':
      return { fact, kind: 'choice', options: GROUPS, allowUnknown: false };
    case 'filledBy':
      return { fact, kind: 'choice', options: FILLED_BY, allowUnknown: false };
    case 'careSetting':
      return { fact, kind: 'choice', options: CARE_SETTINGS, allowUnknown: false };
    case 'age':
      return { fact, kind: 'age', options: [], allowUnknown: true };
    case 'disabilityGroup':
      return { fact, kind: 'choice', options: DISABILITY_GROUPS, allowUnknown: true };
    case 'municipality':
      return { fact, kind: 'municipality', options: MUNICIPALITY_IDS, allowUnknown: false };
    case 'disabilityDetermined':
    case 'vdeavkSpecialCare':
      return { fact, kind: 'choice', options: [YES, NO], allowUnknown: true };
  }
}

/** Empty form values. */
export function emptyValues(): FormValues {
  return {
    group: '',
    filledBy: '',
    age: '',
    ageUnknown: false,
    disabilityDetermined: '',
    disabilityGroup: '',
    vdeavkSpecialCare: '',
    careSetting: '',
    municipality: '',
    place: '',
    placeChoice: '',
  };
}

/** A fact value as the form shows it. */
function toFormValue(fact: FactName, value: FactValue | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return UNKNOWN;
  if (FACT_SPECS[fact].kind === 'boolean') return value === true ? YES : NO;
  return String(value);
}

/** The form values for the given answers (so Back, "Mainīt" and a reload show them). */
export function valuesFromFacts(facts: Facts): FormValues {
  const values = emptyValues();
  values.group = toFormValue('group', facts.group);
  values.filledBy = toFormValue('filledBy', facts.filledBy);
  values.age = typeof facts.age === 'number' ? String(facts.age) : '';
  values.ageUnknown = facts.age === null;
  values.disabilityDetermined = toFormValue('disabilityDetermined', facts.disabilityDetermined);
  values.disabilityGroup = toFormValue('disabilityGroup', facts.disabilityGroup);
  values.vdeavkSpecialCare = toFormValue('vdeavkSpecialCare', facts.vdeavkSpecialCare);
  values.careSetting = toFormValue('careSetting', facts.careSetting);
  values.municipality = facts.municipality ?? '';
  return values;
}

/**
 * The age as typed → whole years, or an error key: `empty`, `negative`, `notNumber`
 * (letters, decimals) or `tooHigh`. Spaces around are ignored.
 */
export function parseAge(text: string): number | 'empty' | 'negative' | 'notNumber' | 'tooHigh' {
  const s = text.trim();
  if (s === '') return 'empty';
  if (/^[-−–]\s*\d+([.,]\d+)?$/u.test(s)) return 'negative';
  if (!/^\d+$/u.test(s)) return 'notNumber';
  const n = Number(s);
  if (n < MIN_AGE) return 'negative';
  if (n > MAX_AGE) return 'tooHigh';
  return n;
}

/**
 * The fact value of a validated step: `null` for "Nezinu". `municipality` is given by
 * the caller (it may come from a typed place; see `municipalityFromValues`).
 */
export function factFromValues(fact: Exclude<FactName, 'municipality'>, values: FormValues): FactValue | null {
  if (fact === 'age') {
    if (values.ageUnknown) return null;
    const age = parseAge(values.age);
    if (typeof age !== 'number') throw new Error(`age: not a valid age: ${JSON.stringify(values.age)}`);
    return age;
  }
  const raw = values[fact];
  if (raw === UNKNOWN) return null;
  if (FACT_SPECS[fact].kind === 'boolean') return raw === YES;
  return raw as FactValue;
}

/**
 * Whose words a question uses:
 * - `self`: the person answers about themselves ("Cik jums ir gadu?");
 * - `child`: someone answers about a child ("Cik gadu ir bērnam?");
 * - `person`: someone answers about an adult or someone else ("Cik gadu ir personai?").
 */
export type Wording = 'self' | 'child' | 'person';

export function wordingFor(fact: FactName, facts: Facts): Wording {
  if (facts.filledBy === 'self' && fact !== 'careSetting') return 'self';
  if (facts.group === 'child' || facts.group === 'child-in-care') return 'child';
  return 'person';
}

/** Questions whose text does not depend on who answers (asked before that is known). */
export const FIXED_WORDING: readonly FactName[] = ['group', 'filledBy'];

/** The form fields a question step shows, in the order they appear (for the error summary). */
export function stepFields(fact: FactName): (keyof FormValues)[] {
  if (fact === 'age') return ['age'];
  if (fact === 'municipality') return ['municipality', 'place', 'placeChoice'];
  return [fact];
}

/** The places a typed name may mean (several when the name is used in several municipalities). */
export function placeMatches(
  index: PlaceIndex,
  values: Pick<FormValues, 'municipality' | 'place'>,
): readonly PlaceMatch[] {
  return values.municipality === PLACE ? resolvePlace(index, values.place) : [];
}

/**
 * The place a valid municipality step was answered with, as the content writes it
 * ("Aizpute", "Rucavas pagasts"), when the person typed one that found a town, parish or
 * village of `municipality`; `undefined` when they chose from the list or typed the
 * municipality's own name.
 */
export function placeFromValues(index: PlaceIndex, values: FormValues, municipality: string): string | undefined {
  if (values.municipality !== PLACE) return undefined;
  const match = resolvePlace(index, values.place).find((m) => m.municipality === municipality);
  return match === undefined || match.kind === 'municipality' ? undefined : match.place;
}

/**
 * The municipality a valid municipality step names: the chosen one, or the one the typed
 * place is in (or, when the name is in several, the one chosen among them).
 */
export function municipalityFromValues(index: PlaceIndex, values: FormValues): string | null {
  if (values.municipality !== PLACE) {
    return (MUNICIPALITY_IDS as readonly string[]).includes(values.municipality) ? values.municipality : null;
  }
  const matches = resolvePlace(index, values.place);
  if (matches.length === 1) return matches[0]?.municipality ?? null;
  return matches.some((m) => m.municipality === values.placeChoice) ? values.placeChoice : null;
}
