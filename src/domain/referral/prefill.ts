/**
 * The state of the two request forms, framework-free: what a form starts with (empty, the
 * eligibility wizard's hand-over in `sessionStorage['kv:prefill']`, or a plain form post
 * the server sent back with errors) and the JSON request it sends.
 *
 * The form's values are strings and booleans, as the controls hold them (an age is typed
 * digits, a radio not chosen yet is `''`); `requestFromFormValues` turns them into the
 * request shape that `validateReferral` and `POST /api/referrals` take.
 */
import { CONTACT_CHANNELS, FILLED_BY, FOSTER_FILLED_BY, FOSTER_INTERESTS, PERSON_GROUPS } from './ids';
import type { ContactChannel, EnquiryType, FilledBy, FosterInterest, PersonGroup } from './ids';
import { REFERRAL_LIMITS, isValidAnswers } from './schema';
import type { Answers, ReferralOptions, ReferralRequest } from './schema';
import { readHandover } from '../handover';

/** The values of a request form (formik's `values`): every field present, as the controls hold it. */
export interface ReferralFormValues extends ReferralRequest {
  type: EnquiryType;
  municipality: string;
  /** The town, parish or village typed into the finder ('' when none): the office sees it. */
  place: string;
  filledBy: FilledBy | '';
  person: { firstName: string; age: string; group: PersonGroup | '' };
  services: string[];
  contact: {
    name: string;
    phone: string;
    email: string;
    preferred: ContactChannel | '';
    time: string;
    easyLanguage: boolean;
    supportPerson: boolean;
    confirmation: boolean;
  };
  interest: FosterInterest | '';
  message: string;
  /** The wizard's facts and verdicts (sent as the hidden `answers` field); absent when not prefilled. */
  answers?: Answers;
  consent: boolean;
  /** The honeypot: a person never sees it, so it stays empty. */
  website: string;
}

/** A form with nothing filled in. */
export function emptyFormValues(type: EnquiryType): ReferralFormValues {
  return {
    type,
    municipality: '',
    place: '',
    filledBy: '',
    person: { firstName: '', age: '', group: '' },
    services: [],
    contact: {
      name: '',
      phone: '',
      email: '',
      preferred: '',
      time: '',
      easyLanguage: false,
      supportPerson: false,
      confirmation: false,
    },
    interest: '',
    message: '',
    consent: false,
    website: '',
  };
}

/** What the form takes from the wizard's hand-over, checked. */
export interface ReferralPrefill {
  type: EnquiryType;
  /** `''` when the hand-over named no municipality this form knows. */
  municipality: string;
  /** The place the person typed in the check (`''` when they chose the municipality). */
  place: string;
  filledBy: FilledBy | '';
  person: { age: string; group: PersonGroup | '' };
  /**
   * The services to tick: known ids only, without repeats, never one that needs a step
   * first (the person takes that step before asking for the service).
   */
  services: string[];
  /** The wizard's facts with its `verdicts`; absent when they do not pass the schema's bounds. */
  answers?: Answers;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  isString(v) && (list as readonly string[]).includes(v);

/**
 * Read the wizard's hand-over (the text stored under `HANDOVER_KEY`).
 *
 * The structure must be exactly the wizard's (`readHandover`); otherwise the whole
 * hand-over is discarded (`null`). Values
 * this form does not know are left out one by one: an unknown municipality, group or
 * "who fills in" becomes unanswered, unknown services are dropped, and answers that do not
 * pass the schema's bounds are not attached. A service whose verdict is `first` (a step
 * comes first) is not ticked, even when a hand-over lists it; its verdict still travels
 * with the answers, so the office sees it.
 *
 * @param raw the stored text, or `null` when there is none
 * @param options the municipality and service ids the form offers
 */
export function parsePrefill(raw: string | null, options: ReferralOptions): ReferralPrefill | null {
  const handover = readHandover(raw);
  if (handover === null) return null;
  const { type, municipality, place, filledBy, person, services, answers, verdicts } = handover;
  const age = person.age;
  const known = new Set(options.services);
  const stepFirst = new Set(verdicts.filter((v) => v.verdict === 'first').map((v) => v.service));
  const serviceIds = [...new Set(services)].filter((s) => known.has(s) && !stepFirst.has(s));
  const validAge = typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= REFERRAL_LIMITS.age;
  const prefill: ReferralPrefill = {
    type,
    municipality: options.municipalities.includes(municipality) ? municipality : '',
    place: place.length <= REFERRAL_LIMITS.place ? place : '',
    filledBy: oneOf(FILLED_BY, filledBy) ? filledBy : '',
    person: { age: validAge ? String(age) : '', group: oneOf(PERSON_GROUPS, person.group) ? person.group : '' },
    services: serviceIds,
  };
  const withVerdicts: Record<string, unknown> = { ...answers, verdicts: verdicts.map((v) => ({ ...v })) };
  if (isValidAnswers(withVerdicts)) prefill.answers = withVerdicts as Answers;
  return prefill;
}

/**
 * The form's values with the hand-over filled in. A hand-over for the other form (a
 * foster enquiry opened from a service result, or the reverse) gives only the
 * municipality: its other answers are about something else.
 */
export function applyPrefill(values: ReferralFormValues, prefill: ReferralPrefill): ReferralFormValues {
  const next: ReferralFormValues = {
    ...values,
    person: { ...values.person },
    contact: { ...values.contact },
    services: [...values.services],
  };
  if (prefill.municipality !== '') {
    next.municipality = prefill.municipality;
    // The place goes with the municipality it found (a place without it would mislead).
    next.place = prefill.place;
  }
  if (prefill.type !== values.type) return next;
  if (prefill.answers) next.answers = prefill.answers;
  if (values.type === 'foster') {
    // The foster form offers only the person and those helping them.
    if (oneOf(FOSTER_FILLED_BY, prefill.filledBy)) next.filledBy = prefill.filledBy;
    return next;
  }
  if (prefill.filledBy !== '') next.filledBy = prefill.filledBy;
  if (prefill.person.age !== '') next.person.age = prefill.person.age;
  if (prefill.person.group !== '') next.person.group = prefill.person.group;
  if (prefill.services.length > 0) next.services = [...prefill.services];
  return next;
}

/** Posted form fields as the server hands them back (`string | string[]` per name). */
export type PostedFields = Readonly<Record<string, string | readonly string[] | undefined>>;

function one(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  if (isString(value)) return value;
  return value[0] ?? '';
}

const checked = (value: string | readonly string[] | undefined): boolean => {
  const v = one(value).trim().toLowerCase();
  return v === 'true' || v === 'on';
};

/**
 * The form's values from a plain form post (JavaScript off) that the server sent back
 * with errors, so the person sees what they typed. Unknown fields are ignored; a choice
 * that is not one of the offered ones is shown as not chosen (its error says why).
 */
export function formValuesFromPost(type: EnquiryType, posted: PostedFields): ReferralFormValues {
  const v = emptyFormValues(type);
  const get = (name: string): string => one(posted[name]);
  v.municipality = get('municipality');
  v.place = get('place');
  const filledBy = get('filledBy');
  v.filledBy = oneOf(FILLED_BY, filledBy) ? filledBy : '';
  v.person.firstName = get('person.firstName');
  v.person.age = get('person.age');
  const group = get('person.group');
  v.person.group = oneOf(PERSON_GROUPS, group) ? group : '';
  const services = posted['services'];
  v.services = services === undefined ? [] : isString(services) ? [services] : [...services];
  v.contact.name = get('contact.name');
  v.contact.phone = get('contact.phone');
  v.contact.email = get('contact.email');
  const preferred = get('contact.preferred');
  v.contact.preferred = oneOf(CONTACT_CHANNELS, preferred) ? preferred : '';
  v.contact.time = get('contact.time');
  v.contact.easyLanguage = checked(posted['contact.easyLanguage']);
  v.contact.supportPerson = checked(posted['contact.supportPerson']);
  v.contact.confirmation = checked(posted['contact.confirmation']);
  const interest = get('interest');
  v.interest = oneOf(FOSTER_INTERESTS, interest) ? interest : '';
  v.message = get('message');
  v.consent = checked(posted['consent']);
  const answers = get('answers');
  if (answers !== '') {
    try {
      const parsed: unknown = JSON.parse(answers);
      if (isValidAnswers(parsed)) v.answers = parsed as Answers;
    } catch {
      // Not the JSON the form wrote: leave it out.
    }
  }
  return v;
}

/**
 * The JSON request a form sends (`POST /api/referrals`, and what the browser validates).
 * A service request carries the person and the services; a foster enquiry neither, and
 * none of the contact wishes it does not ask.
 */
export function requestFromFormValues(values: ReferralFormValues): ReferralRequest {
  const c = values.contact;
  const request: ReferralRequest = {
    type: values.type,
    municipality: values.municipality,
    place: values.place,
    filledBy: values.filledBy,
    contact: {
      name: c.name,
      phone: c.phone,
      email: c.email,
      ...(values.type === 'service'
        ? {
            preferred: c.preferred,
            time: c.time,
            easyLanguage: c.easyLanguage,
            supportPerson: c.supportPerson,
            confirmation: c.confirmation,
          }
        : {}),
    },
    message: values.message,
    consent: values.consent,
    website: values.website,
  };
  if (values.type === 'service') {
    const p = values.person;
    request.person = { firstName: p.firstName, age: p.age, group: p.group };
    request.services = [...values.services];
  } else {
    request.interest = values.interest;
  }
  if (values.answers) request.answers = values.answers;
  return request;
}
