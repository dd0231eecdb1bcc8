/**
 * The words an office e-mail shows for the answers of an enquiry, taken from the one place
 * they are defined — the locale files the person read them in:
 *
 * - the eligibility check's facts and values (`wizard.json`: `q.<fact>.label`,
 *   `q.<fact>.options.<value>`, `answers.yes|no|unknown`) and its verdicts (`result.<verdict>`);
 * - the form's choices (`referral.json`: `form.person.group.<value>`, `form.interest.<value>`,
 *   the contact wishes); "who fills this in" is the check's own question (`q.filledBy`).
 *
 * So the social worker reads exactly the words the person chose, in Latvian (the office
 * e-mail is always Latvian). Only known fact names and values are looked up: anything else
 * (a key named `toString`, a value named `__proto__`) is shown as it is, and never reaches
 * an object's prototype.
 */
import { isFactName, isValidValue, type FactName } from '../eligibility/facts';
import { i18nFor } from '../i18n';
import { VERDICTS } from '../model/eligibility';
import { CONTACT_CHANNELS, FILLED_BY, FOSTER_INTERESTS, PERSON_GROUPS } from './ids';
import type { ContactChannel, FilledBy, FosterInterest, PersonGroup } from './ids';

/** Facts whose values have words of their own (the others are yes/no, numbers or municipalities). */
const WORDED_FACTS: readonly FactName[] = ['group', 'filledBy', 'careSetting', 'disabilityGroup'];

const lv = (): ReturnType<typeof i18nFor>['t'] => i18nFor('lv').t;

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** The check's label of a fact ("Kur bērns dzīvo"); a name that is no fact is returned as it is. */
export function factLabel(name: string): string {
  return isFactName(name) ? lv()(`wizard:q.${name}.label`) : name;
}

/**
 * The check's word for a fact's value ("Audžuģimenē vai pie aizbildņa", "Jā", "Nezinu");
 * `municipalityName` names a municipality id. A value the fact does not take is returned
 * as it is (as text).
 */
export function factValueText(
  name: string,
  value: string | number | boolean | null,
  municipalityName: (id: string) => string,
): string {
  const t = lv();
  // In the check `null` is the answer "Nezinu".
  if (value === null) return t('wizard:answers.unknown');
  if (!isFactName(name) || !isValidValue(name, value)) return String(value);
  if (typeof value === 'boolean') return t(value ? 'wizard:answers.yes' : 'wizard:answers.no');
  if (typeof value === 'number') return String(value);
  if (name === 'municipality') return municipalityName(value);
  return WORDED_FACTS.includes(name) ? t(`wizard:q.${name}.options.${value}`) : value;
}

/** The check's word for a verdict ("Vispirms vajadzīgs cits solis"); anything else as it is. */
export function verdictText(verdict: string): string {
  return isOneOf(VERDICTS, verdict) ? lv()(`wizard:result.${verdict}`) : verdict;
}

/** Who filled in the form, in the words the person chose ("Es pats vai pati — jautāju par sevi"). */
export function filledByText(value: FilledBy): string {
  return isOneOf(FILLED_BY, value) ? lv()(`wizard:q.filledBy.options.${value}`) : String(value);
}

/** The form's words for the person's group ("Bērns ar funkcionāliem traucējumiem vai invaliditāti"). */
export function personGroupText(value: PersonGroup): string {
  return isOneOf(PERSON_GROUPS, value) ? lv()(`referral:form.person.group.${value}`) : String(value);
}

/** The foster form's words for the interest ("Kļūt par audžuģimeni"). */
export function interestText(value: FosterInterest): string {
  return isOneOf(FOSTER_INTERESTS, value) ? lv()(`referral:form.interest.${value}`) : String(value);
}

/** The form's words for the preferred channel ("Pa tālruni"). */
export function channelText(value: ContactChannel): string {
  return isOneOf(CONTACT_CHANNELS, value) ? lv()(`referral:form.contact.preferred.${value}`) : String(value);
}

/** The contact wishes' boxes, as the form words them, for the ones a person ticked. */
export function wishTexts(wishes: { easyLanguage: boolean; supportPerson: boolean }): string[] {
  const t = lv();
  return [
    ...(wishes.easyLanguage ? [t('referral:form.contact.easyLanguage')] : []),
    ...(wishes.supportPerson ? [t('referral:form.contact.supportPerson')] : []),
  ];
}
