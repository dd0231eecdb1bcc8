/**
 * One yup schema per question step: the wizard moves forward only when the step's
 * answer is valid (Back is always allowed). Messages are keys of the `wizard` i18n
 * namespace (`src/i18n/locales/{lv,lv-easy}/wizard.json`), so both versions of the site
 * word them their own way; `{{place}}` is filled in from the typed place.
 *
 * The only module of the wizard that needs yup: the island loads it on its own, once the
 * first question shows (yup is not needed to show it), so the page's first JavaScript
 * stays small. Keep what the island needs before the first answer out of it.
 */
import { boolean, object, string, type AnyObject, type ObjectSchema } from 'yup';
import { MUNICIPALITY_IDS, type FactName } from '../eligibility/facts';
import { resolvePlace, type PlaceIndex } from '../places/index';
import { PLACE, UNKNOWN, parseAge, placeMatches, questionSpec, type FormValues } from './questions';

/** Every error message key the schemas produce (the locale files must hold them). */
export const ERROR_KEYS = {
  group: 'errors.group',
  filledBy: 'errors.filledBy',
  disabilityDetermined: 'errors.disabilityDetermined',
  disabilityGroup: 'errors.disabilityGroup',
  vdeavkSpecialCare: 'errors.vdeavkSpecialCare',
  careSetting: 'errors.careSetting',
  ageEmpty: 'errors.age.empty',
  ageNotNumber: 'errors.age.notNumber',
  ageNegative: 'errors.age.negative',
  ageTooHigh: 'errors.age.tooHigh',
  municipality: 'errors.municipality',
  placeEmpty: 'errors.place.empty',
  placeNotFound: 'errors.place.notFound',
  placeChoose: 'errors.place.choose',
} as const;

export type WizardErrorKey = (typeof ERROR_KEYS)[keyof typeof ERROR_KEYS];

const AGE_ERRORS = {
  empty: ERROR_KEYS.ageEmpty,
  notNumber: ERROR_KEYS.ageNotNumber,
  negative: ERROR_KEYS.ageNegative,
  tooHigh: ERROR_KEYS.ageTooHigh,
} as const;

type ChoiceFact = Exclude<FactName, 'age' | 'municipality'>;

/** The yup schema of one question step. `places` resolves typed place names. */
export function stepSchema(fact: FactName, places: PlaceIndex): ObjectSchema<AnyObject> {
  const spec = questionSpec(fact);
  if (spec.kind === 'age') {
    return object({
      ageUnknown: boolean(),
      age: string().test({
        name: 'age',
        test(value) {
          if ((this.parent as FormValues).ageUnknown) return true;
          const age = parseAge(value ?? '');
          return typeof age === 'number' ? true : this.createError({ message: AGE_ERRORS[age] });
        },
      }),
    });
  }
  if (spec.kind === 'municipality') {
    return object({
      municipality: string()
        .required(ERROR_KEYS.municipality)
        .oneOf([...MUNICIPALITY_IDS, PLACE], ERROR_KEYS.municipality),
      place: string().test({
        name: 'place',
        test(value) {
          const parent = this.parent as FormValues;
          if (parent.municipality !== PLACE) return true;
          if ((value ?? '').trim() === '') return this.createError({ message: ERROR_KEYS.placeEmpty });
          return (
            resolvePlace(places, value ?? '').length > 0 || this.createError({ message: ERROR_KEYS.placeNotFound })
          );
        },
      }),
      placeChoice: string().test({
        name: 'placeChoice',
        test(value) {
          const matches = placeMatches(places, this.parent as FormValues);
          if (matches.length < 2) return true;
          return matches.some((m) => m.municipality === value) || this.createError({ message: ERROR_KEYS.placeChoose });
        },
      }),
    });
  }
  const message = ERROR_KEYS[fact as ChoiceFact];
  const allowed = spec.allowUnknown ? [...spec.options, UNKNOWN] : [...spec.options];
  return object({ [fact]: string().required(message).oneOf(allowed, message) });
}
