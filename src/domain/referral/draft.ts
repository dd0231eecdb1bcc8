/**
 * The draft of a request form: what the person has typed so far, kept so that a reload,
 * the browser's Back or a look at a help page never loses it.
 *
 * PRIVACY: the draft holds personal and health data. It lives ONLY in this tab's
 * `sessionStorage` (gone when the tab closes): never in `localStorage` (it would outlive
 * the tab, for the next person at a shared computer), never in a URL, a cookie or the
 * history, and never on the server before the person presses "Nosūtīt". It is removed as
 * soon as a request was sent.
 *
 * One key per form (`kv:draft:service`, `kv:draft:foster`), versioned like the wizard's
 * state. A stored draft is parsed and never trusted: another version, bad JSON or a value
 * of the wrong shape discards the whole draft; a value the form does not offer (an unknown
 * municipality or service) is left out; texts longer than their field allows are dropped.
 */
import { CONTACT_CHANNELS, FILLED_BY, FOSTER_INTERESTS, PERSON_GROUPS } from './ids';
import type { EnquiryType } from './ids';
import { emptyFormValues, type ReferralFormValues } from './prefill';
import { REFERRAL_LIMITS, isValidAnswers, type Answers, type ReferralOptions } from './schema';
import { isPlainObject, parseStoredObject } from '../objects';

/** The only version a form reads; anything else is discarded. */
export const DRAFT_VERSION = 1;

/** The sessionStorage key of a form's draft. */
export function draftKey(type: EnquiryType): string {
  return `kv:draft:${type}`;
}

/** The draft as stored (JSON): the form's values without the honeypot. */
export function serializeDraft(values: ReferralFormValues): string {
  // JSON leaves out `undefined`: the honeypot is never stored.
  return JSON.stringify({ version: DRAFT_VERSION, values: { ...values, website: undefined } });
}

/** True when nothing has been typed or chosen: such a draft need not be kept. */
export function isEmptyDraft(values: ReferralFormValues): boolean {
  return serializeDraft(values) === serializeDraft(emptyFormValues(values.type));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * A stored draft as the form's values, checked against what the form offers; `null` when
 * there is none or it cannot be trusted (the caller then removes it).
 *
 * @param raw the stored text, or `null`
 * @param type the form reading it (a draft of the other form is not this one's)
 * @param options the municipality and service ids the form offers
 */
export function parseDraft(raw: string | null, type: EnquiryType, options: ReferralOptions): ReferralFormValues | null {
  const data = parseStoredObject(raw, DRAFT_VERSION);
  if (data === null || !isPlainObject(data['values'])) return null;
  const d = data['values'];
  if (d['type'] !== type) return null;
  const person = isPlainObject(d['person']) ? d['person'] : null;
  const contact = isPlainObject(d['contact']) ? d['contact'] : null;
  if (person === null || contact === null) return null;

  const v = emptyFormValues(type);
  /** A text of at most `max` characters, or '' (a longer one was never typed into this form). */
  const text = (value: unknown, max: number): string => (isString(value) && value.length <= max ? value : '');
  const oneOf = <T extends string>(list: readonly T[], value: unknown): T | '' =>
    isString(value) && (list as readonly string[]).includes(value) ? (value as T) : '';
  const flag = (value: unknown): boolean => value === true;

  v.municipality = oneOf(options.municipalities, d['municipality']);
  v.place = text(d['place'], REFERRAL_LIMITS.place);
  v.filledBy = oneOf(FILLED_BY, d['filledBy']);
  v.person = {
    firstName: text(person['firstName'], REFERRAL_LIMITS.firstName),
    age: text(person['age'], 3),
    group: oneOf(PERSON_GROUPS, person['group']),
  };
  const services = Array.isArray(d['services']) ? d['services'] : [];
  v.services = [...new Set(services.filter((s): s is string => isString(s) && options.services.includes(s)))];
  v.contact = {
    name: text(contact['name'], REFERRAL_LIMITS.name),
    phone: text(contact['phone'], REFERRAL_LIMITS.phone),
    email: text(contact['email'], REFERRAL_LIMITS.email),
    preferred: oneOf(CONTACT_CHANNELS, contact['preferred']),
    time: text(contact['time'], REFERRAL_LIMITS.time),
    easyLanguage: flag(contact['easyLanguage']),
    supportPerson: flag(contact['supportPerson']),
    confirmation: flag(contact['confirmation']),
  };
  v.interest = oneOf(FOSTER_INTERESTS, d['interest']);
  v.message = text(d['message'], REFERRAL_LIMITS.message);
  v.consent = flag(d['consent']);
  if (d['answers'] !== undefined && isValidAnswers(d['answers'])) v.answers = d['answers'] as Answers;
  return v;
}
