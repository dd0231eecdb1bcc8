/**
 * The ONE validation schema of a referral request (a request for social services, or a
 * prospective foster family asking to be contacted). The same yup schema runs in the
 * browser (formik), on the server for the JSON API and for plain form posts.
 *
 * Messages are i18n keys (`{ key, values }` objects), never sentences: the Latvian and the
 * easy-read sentences live in `src/i18n/locales/{lv,lv-easy}/referral.json` under the same
 * keys, so the browser and the server show the same words.
 *
 * Why the fields are built on `mixed()` and not on `string()`/`number()`/`boolean()`:
 * yup's built-in types silently coerce (`7` → `"7"`, `"true"` → `true`), and their
 * coercion cannot be switched off per schema. A JSON client that sends the wrong type
 * should get an error, and the form post is converted explicitly in `form.ts`.
 */
import { mixed, object, ValidationError } from 'yup';
import type { AnyObject, ObjectSchema, TestContext } from 'yup';
import { CONTACT_CHANNELS, ENQUIRY_TYPES, FILLED_BY, FOSTER_INTERESTS, PERSON_GROUPS } from './ids';
import {
  CONTROL_CHARACTERS,
  MAX_EMAIL_LENGTH,
  isEmailAddress,
  isPhoneNumber,
  isSafeLine,
  normaliseLine,
  normaliseText,
} from './values';
import type { ContactChannel, EnquiryType, FilledBy, FosterInterest, PersonGroup } from './ids';
import { isFactName, isValidValue } from '../eligibility/facts';
import { isPlainObject } from '../objects';
import { VARIANTS, type Variant } from '../routes';

/** Every message key the schema can produce. The locale files must hold exactly these. */
export const REFERRAL_ERROR_KEYS = [
  'errors.required',
  'errors.invalid',
  'errors.invalidChoice',
  'errors.invalidCharacters',
  'errors.tooLong',
  'errors.email',
  'errors.phone',
  'errors.age',
  'errors.contactNeeded',
  'errors.emailForPreferred',
  'errors.phoneForPreferred',
  'errors.emailForConfirmation',
  'errors.servicesNeeded',
  'errors.notAllowed',
  'errors.unknownField',
  'errors.consent',
] as const;
export type ReferralErrorKey = (typeof REFERRAL_ERROR_KEYS)[number];

/** Interpolation values each key takes (`{{max}}` in the locale files); keys not named take none. */
export const REFERRAL_ERROR_VALUES: Readonly<Partial<Record<ReferralErrorKey, readonly string[]>>> = {
  'errors.tooLong': ['max'],
};

/**
 * A validation message: an i18n key and its interpolation values. (A type alias, not an
 * interface: yup accepts a message object only if it is indexable.)
 */
export type ErrorMessage = {
  key: ReferralErrorKey;
  values?: Record<string, string | number>;
};

/** Field limits, shared with the form (`maxlength`) so the browser stops the user early. */
export const REFERRAL_LIMITS = {
  firstName: 60,
  name: 100,
  phone: 30,
  email: MAX_EMAIL_LENGTH,
  time: 200,
  /** The town, parish or village typed into the finder (the longest Kurzeme name is far shorter). */
  place: 60,
  message: 2000,
  /** `answers` (eligibility wizard facts and verdicts): see `isValidAnswers`. */
  answerList: 50,
  answerDepth: 3,
  age: 120,
} as const;

/** A value of the eligibility wizard's answers: facts ("yes"/"no"/"unknown", numbers) and verdicts. */
export type AnswerValue = string | number | boolean | null | AnswerValue[] | { [key: string]: AnswerValue };
/** The eligibility wizard's facts and verdicts, as the wizard hands them over. */
export type Answers = { [key: string]: AnswerValue };

/** The person the request is about. May be omitted for foster enquiries. */
export interface ReferralPerson {
  firstName?: string;
  age?: number;
  group: PersonGroup;
}

/** How to reach the person who filled in the form. At least one of phone or e-mail is present. */
export interface ReferralContact {
  name: string;
  phone?: string;
  email?: string;
  preferred?: ContactChannel;
  /** When it suits them to be contacted, in their own words. */
  time?: string;
  /** They want to be addressed in easy-read language. */
  easyLanguage: boolean;
  /** They want a support person involved in the contact. */
  supportPerson: boolean;
  /** They want a confirmation e-mail (only possible with an e-mail address). */
  confirmation: boolean;
}

/** A validated, normalised referral: what the outbox stores and the e-mail shows. */
export interface Referral {
  type: EnquiryType;
  /**
   * The version of the site the form was sent from: `easy` — the easy-read form. The office
   * is told so, and the confirmation e-mail is written in easy-read. Enquiries stored before
   * this field existed have none: read it as `lv`.
   */
  variant: Variant;
  municipality: string;
  /** The town, parish or village the person typed to find the municipality, as typed. */
  place?: string;
  filledBy: FilledBy;
  person?: ReferralPerson;
  /** Service ids, de-duplicated, in the order given. At least one for `service`. */
  services: string[];
  contact: ReferralContact;
  /** Foster enquiries only (required there). */
  interest?: FosterInterest;
  message?: string;
  answers?: Answers;
  consent: true;
}

/**
 * The request as a client sends it (before validation): every field optional; a choice not
 * made yet is `''` (what a radio group starts with). Useful as formik `initialValues`.
 */
export interface ReferralRequest {
  type?: EnquiryType | '';
  variant?: Variant;
  municipality?: string;
  place?: string;
  filledBy?: FilledBy | '';
  person?: { firstName?: string; age?: number | string; group?: PersonGroup | '' };
  services?: string[];
  contact?: {
    name?: string;
    phone?: string;
    email?: string;
    preferred?: ContactChannel | '';
    time?: string;
    easyLanguage?: boolean;
    supportPerson?: boolean;
    confirmation?: boolean;
  };
  interest?: FosterInterest | '';
  message?: string;
  answers?: Answers;
  consent?: boolean;
  website?: string;
}

/** The ids the request may name. Passed in so the content can grow without a code change. */
export interface ReferralOptions {
  municipalities: readonly string[];
  services: readonly string[];
  /**
   * What the answers' `verdicts` may name: every service id and the eligibility model's
   * `VERDICTS`. The server passes them; where absent (the browser, whose hand-over is
   * checked by `readHandover`, and whose form may offer fewer services than a result
   * names) a verdict is only held to the shape of words.
   */
  answers?: AnswerVocabulary;
}

/** Result of `validateReferral`: the normalised value, or the errors by dotted field path. */
export type ReferralValidation = { ok: true; value: Referral } | { ok: false; errors: Record<string, ErrorMessage> };

/** The field path used for an error that concerns the whole request (e.g. not an object). */
export const ROOT_ERROR_PATH = '_root';

const message = (key: ReferralErrorKey, values?: Record<string, string | number>): ErrorMessage =>
  values === undefined ? { key } : { key, values };

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v);

/** Absent for an optional field: `undefined`, `null` or an empty (after trim) string. */
const emptyToUndefined = (v: unknown): unknown => (v === null || v === '' ? undefined : v);

/** A one-line text field (NFC, trimmed, no control characters, no line breaks). */
function line(max: number) {
  return mixed<string>(isString)
    .transform((v: unknown) => emptyToUndefined(isString(v) ? normaliseLine(v) : v))
    .typeError(message('errors.invalid'))
    .test('characters', message('errors.invalidCharacters'), (v) => v === undefined || isSafeLine(v))
    .test('length', message('errors.tooLong', { max }), (v) => v === undefined || v.length <= max);
}

/** A multi-line text field: line breaks allowed (as LF), other control characters not. */
function text(max: number) {
  return mixed<string>(isString)
    .transform((v: unknown) => emptyToUndefined(isString(v) ? normaliseText(v) : v))
    .typeError(message('errors.invalid'))
    .test('characters', message('errors.invalidCharacters'), (v) => v === undefined || !CONTROL_CHARACTERS.test(v))
    .test('length', message('errors.tooLong', { max }), (v) => v === undefined || v.length <= max);
}

/** One of a fixed list of ids. */
function choice<T extends string>(values: readonly T[]) {
  return mixed<T>((v: unknown): v is T => isString(v))
    .transform((v: unknown) => emptyToUndefined(isString(v) ? normaliseLine(v) : v))
    .typeError(message('errors.invalidChoice'))
    .oneOf([...values], message('errors.invalidChoice'));
}

/** A yes/no field; absent means no. */
function flag() {
  return mixed<boolean>(isBoolean)
    .transform((v: unknown) => (v === null ? undefined : v))
    .typeError(message('errors.invalid'))
    .default(false);
}

/**
 * A test that rejects keys the schema does not know ("collect nothing more"). It reads the
 * original input, not the cast value: an own `__proto__` key from JSON.parse would turn into
 * a prototype during the cast and escape a check on the cast value.
 */
function noUnknownKeys(known: readonly string[]) {
  return function (this: TestContext<AnyObject>, value: unknown): boolean | ValidationError {
    const original: unknown = this.originalValue;
    const source = isPlainObject(original) ? original : value;
    if (!isPlainObject(source)) return true;
    const extra = Object.keys(source).filter((k) => !known.includes(k));
    if (extra.length === 0) return true;
    return new ValidationError(
      extra.map((k) =>
        this.createError({ path: this.path ? `${this.path}.${k}` : k, message: message('errors.unknownField') }),
      ),
    );
  };
}

function strictObject<S extends Record<string, unknown>>(shape: S) {
  // yup's object() accepts any schema map; the loose type here keeps the builder short.
  return object(shape as never)
    .typeError(message('errors.invalid'))
    .test('no-unknown-keys', message('errors.unknownField'), noUnknownKeys(Object.keys(shape)));
}

function normaliseAnswers(value: unknown, depth = 0): unknown {
  if (isString(value)) return normaliseLine(value);
  if (depth > REFERRAL_LIMITS.answerDepth) return value;
  if (Array.isArray(value)) return value.map((v) => normaliseAnswers(v, depth + 1));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: normaliseAnswers(v, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** What the answers' verdicts may name; see `isValidAnswers`. */
export interface AnswerVocabulary {
  /** Service ids a verdict may be about (default: any id-shaped word). */
  services?: readonly string[] | undefined;
  /** Verdicts (default: any lower-case word). */
  verdicts?: readonly string[] | undefined;
}

const ID_WORD = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/u;
const VERDICT_WORD = /^[a-z]{1,32}$/u;

function isVerdictItem(item: unknown, vocabulary: AnswerVocabulary): boolean {
  if (!isPlainObject(item)) return false;
  const keys = Object.keys(item);
  if (keys.length !== 2 || !keys.includes('service') || !keys.includes('verdict')) return false;
  const { service, verdict } = item;
  if (!isString(service) || !isString(verdict)) return false;
  const serviceOk = vocabulary.services ? vocabulary.services.includes(service) : ID_WORD.test(service);
  const verdictOk = vocabulary.verdicts ? vocabulary.verdicts.includes(verdict) : VERDICT_WORD.test(verdict);
  return serviceOk && verdictOk;
}

/**
 * The wizard's answers as it hands them over (`src/domain/handover.ts`): its facts — each
 * key a fact of `FACT_ORDER`, each value one of that fact's values (`isValidValue`) or
 * `null` ("Nezinu") — and `verdicts`, the list `[{ service, verdict }]` its result showed.
 * Nothing else: no other key, no function name, no object where a word is expected. The
 * facts come from the eligibility module itself, so a fact added there is accepted here
 * without a change.
 *
 * @param value the untrusted answers
 * @param vocabulary the services and verdicts the `verdicts` list may name
 */
export function isValidAnswers(value: unknown, vocabulary: AnswerVocabulary = {}): boolean {
  if (!isPlainObject(value)) return false;
  return Object.entries(value).every(([key, v]) => {
    if (key === 'verdicts') {
      return Array.isArray(v) && v.length <= REFERRAL_LIMITS.answerList && v.every((i) => isVerdictItem(i, vocabulary));
    }
    return isFactName(key) && (v === null || isValidValue(key, v));
  });
}

type CrossError = [path: string, key: ReferralErrorKey];

/** Rules that join several fields (kept in one place so the order of messages is stable). */
function crossFieldErrors(v: Record<string, unknown>): CrossError[] {
  const errors: CrossError[] = [];
  if (v['type'] === 'service') {
    if (v['person'] === undefined) errors.push(['person.group', 'errors.required']);
    const services = v['services'];
    if (!Array.isArray(services) || services.length === 0) errors.push(['services', 'errors.servicesNeeded']);
    if (v['interest'] !== undefined) errors.push(['interest', 'errors.notAllowed']);
  }
  if (v['type'] === 'foster' && v['interest'] === undefined) errors.push(['interest', 'errors.required']);
  const contact = v['contact'];
  if (isPlainObject(contact)) {
    const hasPhone = isString(contact['phone']) && contact['phone'] !== '';
    const hasEmail = isString(contact['email']) && contact['email'] !== '';
    // Neither channel: both fields are in error (each is marked invalid and described by
    // the message); the error summary shows the message once, linked to the phone field.
    if (!hasPhone && !hasEmail) {
      errors.push(['contact.phone', 'errors.contactNeeded'], ['contact.email', 'errors.contactNeeded']);
    } else if (contact['preferred'] === 'email' && !hasEmail)
      errors.push(['contact.email', 'errors.emailForPreferred']);
    else if (contact['preferred'] === 'phone' && !hasPhone) errors.push(['contact.phone', 'errors.phoneForPreferred']);
    if (contact['confirmation'] === true && !hasEmail) errors.push(['contact.email', 'errors.emailForConfirmation']);
  }
  return errors;
}

/**
 * Build the referral schema for the given known ids. Use it as formik's `validationSchema`
 * (its errors are `ErrorMessage` objects: render `t(error.key, error.values)`), or call
 * `validateReferral`, which also flattens the errors by field path.
 */
export function createReferralSchema(options: ReferralOptions): ObjectSchema<AnyObject> {
  const { municipalities, services, answers: vocabulary = {} } = options;
  const age = mixed<number>(isNumber)
    // A form field or a text input hands over digits as a string.
    .transform((v: unknown) => {
      const s = isString(v) ? v.trim() : v;
      if (s === '' || s === null) return undefined;
      return isString(s) && /^\d{1,3}$/u.test(s) ? Number(s) : s;
    })
    .typeError(message('errors.age'))
    .test(
      'age',
      message('errors.age'),
      (v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= REFERRAL_LIMITS.age),
    );

  const person = strictObject({
    firstName: line(REFERRAL_LIMITS.firstName),
    age,
    group: choice(PERSON_GROUPS).required(message('errors.required')),
  })
    .transform((v: unknown) => (v === null ? undefined : v))
    .default(undefined);

  const serviceList = mixed<string[]>(isStringArray)
    .transform((v: unknown) => {
      if (v === null || v === undefined) return [];
      if (!Array.isArray(v)) return v;
      const seen: unknown[] = [];
      for (const item of v as unknown[]) {
        const n = isString(item) ? normaliseLine(item) : item;
        if (n !== '' && !seen.includes(n)) seen.push(n);
      }
      return seen;
    })
    .typeError(message('errors.invalid'))
    .test(
      'known',
      message('errors.invalidChoice'),
      (v) => v === undefined || v.every((s) => isString(s) && services.includes(s)),
    )
    .default(() => []);

  const contact = strictObject({
    name: line(REFERRAL_LIMITS.name).required(message('errors.required')),
    phone: line(REFERRAL_LIMITS.phone).test(
      'phone',
      message('errors.phone'),
      (v) => v === undefined || isPhoneNumber(v),
    ),
    email: line(REFERRAL_LIMITS.email).test(
      'email',
      message('errors.email'),
      (v) => v === undefined || isEmailAddress(v),
    ),
    preferred: choice(CONTACT_CHANNELS),
    time: line(REFERRAL_LIMITS.time),
    easyLanguage: flag(),
    supportPerson: flag(),
    confirmation: flag(),
  });

  return strictObject({
    type: choice(ENQUIRY_TYPES).required(message('errors.required')),
    variant: choice(VARIANTS),
    municipality: choice(municipalities).required(message('errors.required')),
    place: line(REFERRAL_LIMITS.place),
    filledBy: choice(FILLED_BY).required(message('errors.required')),
    person,
    services: serviceList,
    contact,
    interest: choice(FOSTER_INTERESTS),
    message: text(REFERRAL_LIMITS.message),
    answers: mixed<Answers>((v: unknown): v is Answers => isPlainObject(v))
      .transform((v: unknown) => (v === null ? undefined : normaliseAnswers(v)))
      .typeError(message('errors.invalid'))
      .test('answers', message('errors.invalid'), (v) => v === undefined || isValidAnswers(v, vocabulary)),
    consent: mixed<boolean>(isBoolean)
      .typeError(message('errors.consent'))
      .test('consent', message('errors.consent'), (v) => v === true),
    // The honeypot: accepted in any form and dropped from the value. Never reported, so
    // a bot learns nothing; the caller asks `isSpam(input)` after validating (an invalid
    // bot post then gets the same 422 as a person's).
    website: mixed().strip(),
  }).test('cross-field', message('errors.invalid'), function (value: unknown) {
    if (!isPlainObject(value)) return true;
    const errors = crossFieldErrors(value);
    if (errors.length === 0) return true;
    return new ValidationError(errors.map(([path, key]) => this.createError({ path, message: message(key) })));
  });
}

let cached: { options: ReferralOptions; schema: ObjectSchema<AnyObject> } | undefined;

/** The schema for these options, reused while the same id lists are passed (cheap per request). */
export function referralSchema(options: ReferralOptions): ObjectSchema<AnyObject> {
  if (
    cached &&
    cached.options.municipalities === options.municipalities &&
    cached.options.services === options.services &&
    cached.options.answers === options.answers
  ) {
    return cached.schema;
  }
  const schema = createReferralSchema(options);
  cached = { options: { ...options }, schema };
  return schema;
}

function isErrorMessage(value: unknown): value is ErrorMessage {
  return (
    isPlainObject(value) && isString(value['key']) && (REFERRAL_ERROR_KEYS as readonly string[]).includes(value['key'])
  );
}

/** yup writes array items as `services[0]`; the form has one field for the whole list. */
function toFieldPath(path: string | undefined): string {
  if (path === undefined || path === '') return ROOT_ERROR_PATH;
  return path.replace(/\[\d+\]/gu, '');
}

function leaves(error: ValidationError): ValidationError[] {
  return error.inner.length === 0 ? [error] : error.inner.flatMap(leaves);
}

/**
 * Flatten a yup error into `{ [dotted field path]: ErrorMessage }`, first message per field
 * (field rules come before the rules joining several fields).
 */
export function flattenErrors(error: ValidationError): Record<string, ErrorMessage> {
  const out = new Map<string, ErrorMessage>();
  for (const leaf of leaves(error)) {
    const path = toFieldPath(leaf.path);
    if (out.has(path)) continue;
    const raw: unknown = leaf.errors[0] ?? leaf.message;
    // A yup default sentence would be a bug here; never show it, say "invalid".
    out.set(path, isErrorMessage(raw) ? raw : message('errors.invalid'));
  }
  // fromEntries defines own properties: a `__proto__` field path stays a plain key.
  return Object.fromEntries(out);
}

function toReferral(v: Record<string, unknown>): Referral {
  // Copy the known fields one by one: the value that leaves the schema is exactly the
  // documented shape, with absent optional fields left out (not `undefined`).
  const c = v['contact'] as Record<string, unknown>;
  const contact: ReferralContact = {
    name: c['name'] as string,
    easyLanguage: c['easyLanguage'] === true,
    supportPerson: c['supportPerson'] === true,
    confirmation: c['confirmation'] === true,
  };
  if (isString(c['phone'])) contact.phone = c['phone'];
  if (isString(c['email'])) contact.email = c['email'];
  if (isString(c['preferred'])) contact.preferred = c['preferred'] as ContactChannel;
  if (isString(c['time'])) contact.time = c['time'];

  const referral: Referral = {
    type: v['type'] as EnquiryType,
    variant: v['variant'] === 'easy' ? 'easy' : 'lv',
    municipality: v['municipality'] as string,
    filledBy: v['filledBy'] as FilledBy,
    services: [...(v['services'] as string[])],
    contact,
    consent: true,
  };
  const p = v['person'];
  if (isPlainObject(p)) {
    const person: ReferralPerson = { group: p['group'] as PersonGroup };
    if (isString(p['firstName'])) person.firstName = p['firstName'];
    if (isNumber(p['age'])) person.age = p['age'];
    referral.person = person;
  }
  if (isString(v['place'])) referral.place = v['place'];
  if (isString(v['interest'])) referral.interest = v['interest'] as FosterInterest;
  if (isString(v['message'])) referral.message = v['message'];
  if (isPlainObject(v['answers'])) referral.answers = v['answers'] as Answers;
  return referral;
}

/**
 * Validate and normalise a referral request (JSON body, or the result of `fromFormFields`).
 *
 * @param input the untrusted request
 * @param options the municipality and service ids that exist
 * @returns `{ ok: true, value }` with the normalised referral, or `{ ok: false, errors }`
 *   keyed by dotted field path (`contact.email`, `person.age`; `_root` when the input is
 *   not an object), each an i18n key with its values.
 */
export function validateReferral(input: unknown, options: ReferralOptions): ReferralValidation {
  const schema = referralSchema(options);
  const { known, unknown } = separateUnknownKeys(input, schema);
  try {
    const value: unknown = schema.validateSync(known, { abortEarly: false });
    if (unknown.length > 0) return { ok: false, errors: Object.fromEntries(unknown.map(unknownKeyError)) };
    return { ok: true, value: toReferral(value as Record<string, unknown>) };
  } catch (error) {
    if (!ValidationError.isError(error)) throw error;
    return { ok: false, errors: { ...Object.fromEntries(unknown.map(unknownKeyError)), ...flattenErrors(error) } };
  }
}

const unknownKeyError = (path: string): [string, ErrorMessage] => [path, message('errors.unknownField')];

/** The field map of an object schema; `undefined` for any other schema. */
function fieldsOf(schema: unknown): Record<string, unknown> | undefined {
  if (typeof schema !== 'object' || schema === null || !('fields' in schema)) return undefined;
  const fields: unknown = schema.fields;
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, unknown>) : undefined;
}

/**
 * Split off the keys the schema does not know, before yup sees them. yup 1.7 looks every
 * input key up in its field map with a plain `fields[key]`, so a key named `constructor`,
 * `toString` or `__proto__` finds an `Object.prototype` member and throws a TypeError
 * instead of a validation error. The known part is validated; each unknown key becomes an
 * `errors.unknownField` at its dotted path.
 */
function separateUnknownKeys(input: unknown, schema: ObjectSchema<AnyObject>): { known: unknown; unknown: string[] } {
  const unknown: string[] = [];
  const visit = (value: unknown, fields: Record<string, unknown> | undefined, prefix: string): unknown => {
    if (!fields || !isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(fields, key)) {
        unknown.push(prefix + key);
        continue;
      }
      out[key] = visit(value[key], fieldsOf(fields[key]), `${prefix}${key}.`);
    }
    return out;
  };
  return { known: visit(input, fieldsOf(schema), ''), unknown };
}

/**
 * True when the honeypot field `website` was filled in (a person never sees it; bots fill
 * every field). The caller decides what to do — e.g. answer as if accepted, store nothing.
 */
export function isSpam(input: unknown): boolean {
  if (!isPlainObject(input) || !Object.hasOwn(input, 'website')) return false;
  const website = input['website'];
  if (website === undefined || website === null) return false;
  return !(isString(website) && website.trim() === '');
}
