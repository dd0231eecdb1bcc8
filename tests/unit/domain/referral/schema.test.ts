import { describe, expect, it } from 'vitest';
import { ValidationError } from 'yup';
import {
  REFERRAL_LIMITS,
  createReferralSchema,
  isSpam,
  nestErrors,
  validateReferral,
} from '../../../../src/domain/referral/index';
import type { Referral, ReferralOptions, ReferralValidation } from '../../../../src/domain/referral/index';
import { FACT_ORDER, possibleValues } from '../../../../src/domain/eligibility/facts';
import { VERDICTS } from '../../../../src/domain/model/eligibility';
import { OPTIONS, fosterRequest, serviceRequest } from './fixtures';

function valid(input: unknown): Referral {
  const result = validateReferral(input, OPTIONS);
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errors(input: unknown): Record<string, { key: string; values?: Record<string, unknown> }> {
  const result: ReferralValidation = validateReferral(input, OPTIONS);
  if (result.ok) throw new Error('expected errors, got a valid referral');
  return result.errors;
}

function withContact(patch: Record<string, unknown>): Record<string, unknown> {
  const base = serviceRequest();
  return { ...base, contact: { ...(base['contact'] as object), ...patch } };
}

function withPerson(patch: Record<string, unknown>): Record<string, unknown> {
  const base = serviceRequest();
  return { ...base, person: { ...(base['person'] as object), ...patch } };
}

describe('a valid request', () => {
  it('accepts a complete service request and returns exactly the documented shape', () => {
    const value = valid(serviceRequest());
    expect(value).toEqual({
      type: 'service',
      variant: 'lv',
      municipality: 'kuldigas-novads',
      filledBy: 'parent',
      person: { firstName: 'Anna', age: 7, group: 'child' },
      services: ['atelpas-bridis', 'rehabilitacija-berniem'],
      contact: {
        name: 'Ilze Bērziņa',
        phone: '+371 20 000 000',
        email: 'ilze@example.test',
        preferred: 'phone',
        time: 'darba dienās pēc 17:00',
        easyLanguage: false,
        supportPerson: true,
        confirmation: false,
      },
      message: 'Meitai ir smagi funkcionālie traucējumi.\nVajag atelpu uz nedēļu.',
      answers: { age: 7, disabilityDetermined: true, verdicts: [{ service: 'atelpas-bridis', verdict: 'likely' }] },
      consent: true,
    });
    // The honeypot never reaches the stored enquiry.
    expect(value).not.toHaveProperty('website');
  });

  it('accepts a foster enquiry without a person and fills the defaults', () => {
    const value = valid(fosterRequest());
    expect(value.person).toBeUndefined();
    expect(value.interest).toBe('audzugimene');
    expect(value.services).toEqual([]);
    expect(value.contact).toEqual({
      name: 'Jānis Ozols',
      email: 'janis@example.test',
      preferred: 'email',
      easyLanguage: false,
      supportPerson: false,
      confirmation: false,
    });
  });

  it('accepts a foster enquiry with a person about whom it is', () => {
    expect(valid(fosterRequest({ person: { group: 'child-in-care', age: 12 } })).person).toEqual({
      group: 'child-in-care',
      age: 12,
    });
  });

  it('treats empty strings and null as "not given" for optional fields', () => {
    const value = valid(withContact({ phone: '', time: null, preferred: '' }));
    expect(value.contact).not.toHaveProperty('phone');
    expect(value.contact).not.toHaveProperty('time');
    expect(value.contact).not.toHaveProperty('preferred');
  });

  it('removes repeated services, keeping the order', () => {
    expect(valid(serviceRequest({ services: ['dac', 'atelpas-bridis', 'dac'] })).services).toEqual([
      'dac',
      'atelpas-bridis',
    ]);
  });
});

describe('errors are i18n keys by dotted field path', () => {
  it.each([
    ['type missing', { type: undefined }, 'type', 'errors.required'],
    ['type unknown', { type: 'complaint' }, 'type', 'errors.invalidChoice'],
    ['municipality missing', { municipality: '' }, 'municipality', 'errors.required'],
    ['municipality unknown', { municipality: 'riga' }, 'municipality', 'errors.invalidChoice'],
    ['filledBy unknown', { filledBy: 'neighbour' }, 'filledBy', 'errors.invalidChoice'],
    ['services unknown', { services: ['atelpas-bridis', 'kosmoss'] }, 'services', 'errors.invalidChoice'],
    ['services not a list', { services: 'atelpas-bridis' }, 'services', 'errors.invalid'],
    ['services empty for a service request', { services: [] }, 'services', 'errors.servicesNeeded'],
    ['person missing for a service request', { person: undefined }, 'person.group', 'errors.required'],
    ['interest on a service request', { interest: 'audzugimene' }, 'interest', 'errors.notAllowed'],
    ['consent missing', { consent: undefined }, 'consent', 'errors.consent'],
    ['consent false', { consent: false }, 'consent', 'errors.consent'],
    ['consent as a string', { consent: 'true' }, 'consent', 'errors.consent'],
    ['message not text', { message: 42 }, 'message', 'errors.invalid'],
    ['answers not an object', { answers: 'yes' }, 'answers', 'errors.invalid'],
  ])('%s', (_name, patch, path, key) => {
    expect(errors(serviceRequest(patch))[path]?.key).toBe(key);
  });

  it.each([
    ['group missing', { group: undefined }, 'person.group', 'errors.required'],
    ['group unknown', { group: 'pet' }, 'person.group', 'errors.invalidChoice'],
    ['age negative', { age: -1 }, 'person.age', 'errors.age'],
    ['age too high', { age: 121 }, 'person.age', 'errors.age'],
    ['age not whole', { age: 7.5 }, 'person.age', 'errors.age'],
    ['age as words', { age: 'seven' }, 'person.age', 'errors.age'],
    ['first name too long', { firstName: 'A'.repeat(61) }, 'person.firstName', 'errors.tooLong'],
  ])('person: %s', (_name, patch, path, key) => {
    expect(errors(withPerson(patch))[path]?.key).toBe(key);
  });

  it('reads an age given as digits', () => {
    expect(valid(withPerson({ age: '7' })).person?.age).toBe(7);
  });

  it.each([
    ['name missing', { name: '   ' }, 'contact.name', 'errors.required'],
    ['name too long', { name: 'B'.repeat(101) }, 'contact.name', 'errors.tooLong'],
    ['e-mail malformed', { email: 'ilze(at)example.test' }, 'contact.email', 'errors.email'],
    ['e-mail without a dot in the domain', { email: 'ilze@localhost' }, 'contact.email', 'errors.email'],
    ['phone with letters', { phone: '20 ABC 000' }, 'contact.phone', 'errors.phone'],
    ['phone too short', { phone: '12345' }, 'contact.phone', 'errors.phone'],
    ['preferred unknown', { preferred: 'fax' }, 'contact.preferred', 'errors.invalidChoice'],
    ['flag as text', { easyLanguage: 'yes' }, 'contact.easyLanguage', 'errors.invalid'],
    [
      'e-mail preferred but missing',
      { email: undefined, preferred: 'email' },
      'contact.email',
      'errors.emailForPreferred',
    ],
    [
      'phone preferred but missing',
      { phone: undefined, preferred: 'phone' },
      'contact.phone',
      'errors.phoneForPreferred',
    ],
    [
      'confirmation without e-mail',
      { email: undefined, confirmation: true },
      'contact.email',
      'errors.emailForConfirmation',
    ],
  ])('contact: %s', (_name, patch, path, key) => {
    expect(errors(withContact(patch))[path]?.key).toBe(key);
  });

  it('asks for a phone or an e-mail when neither is given', () => {
    const e = errors(withContact({ phone: undefined, email: '' }));
    // Both fields are in error: each is marked and described by the message (a11y F6).
    expect(e['contact.phone']).toEqual({ key: 'errors.contactNeeded' });
    expect(e['contact.email']).toEqual({ key: 'errors.contactNeeded' });
  });

  it('accepts just a phone, or just an e-mail', () => {
    expect(valid(withContact({ email: undefined })).contact.email).toBeUndefined();
    expect(valid(withContact({ phone: undefined, preferred: undefined })).contact.phone).toBeUndefined();
  });

  it('requires the interest of a foster enquiry', () => {
    expect(errors(fosterRequest({ interest: undefined }))['interest']?.key).toBe('errors.required');
    expect(errors(fosterRequest({ interest: 'kaimiņš' }))['interest']?.key).toBe('errors.invalidChoice');
  });

  it('reports every problem at once, one message per field', () => {
    const e = errors({ type: 'service', contact: {}, consent: false });
    expect(Object.keys(e).sort()).toEqual(
      [
        'consent',
        'contact.name',
        'contact.phone',
        'contact.email',
        'filledBy',
        'municipality',
        'person.group',
        'services',
      ].sort(),
    );
  });

  it('records the version of the site and the place typed, and refuses others', () => {
    const value = valid(serviceRequest({ variant: 'easy', place: '  Aizpute ' }));
    expect(value.variant).toBe('easy');
    expect(value.place).toBe('Aizpute');
    expect(valid(serviceRequest({ place: '' }))).not.toHaveProperty('place');
    expect(errors(serviceRequest({ variant: 'en' }))['variant']).toEqual({ key: 'errors.invalidChoice' });
    expect(errors(serviceRequest({ place: 'x'.repeat(61) }))['place']?.key).toBe('errors.tooLong');
    expect(errors(serviceRequest({ place: 'Aiz\npute' }))['place']?.key).toBe('errors.invalidCharacters');
  });

  it('reports a non-object body at the root', () => {
    expect(errors(null)).toEqual({ _root: { key: 'errors.invalid' } });
    expect(errors(['x'])).toEqual({ _root: { key: 'errors.invalid' } });
  });
});

describe('text length', () => {
  it('accepts a message of exactly the limit and rejects one character more, naming the limit', () => {
    expect(valid(serviceRequest({ message: 'ā'.repeat(REFERRAL_LIMITS.message) })).message).toHaveLength(2000);
    expect(errors(serviceRequest({ message: 'ā'.repeat(2001) }))['message']).toEqual({
      key: 'errors.tooLong',
      values: { max: 2000 },
    });
  });

  it('counts the message after CRLF became LF (as the browser counts)', () => {
    const crlf = `${'x'.repeat(999)}\r\n${'y'.repeat(1000)}`;
    expect(valid(serviceRequest({ message: crlf })).message).toHaveLength(2000);
  });
});

describe('normalisation', () => {
  it('normalises every string to NFC', () => {
    const decomposed = 'Ilze\u0301 Be\u0304rzin\u0327a'; // é, ē, ņ written as letter + combining mark
    const value = valid(withContact({ name: decomposed }));
    expect(value.contact.name).toBe(decomposed.normalize('NFC'));
    expect(value.contact.name).not.toBe(decomposed);
    expect(value.contact.name.normalize('NFC')).toBe(value.contact.name);
  });

  it('trims every string', () => {
    const value = valid({
      ...serviceRequest({ municipality: ' kuldigas-novads ', message: '\n  Labdien!  \n' }),
      person: { firstName: '  Anna ', group: ' child' },
      contact: { name: '\tIlze  ', email: ' ilze@example.test ' },
    });
    expect(value.municipality).toBe('kuldigas-novads');
    expect(value.person?.firstName).toBe('Anna');
    expect(value.contact.name).toBe('Ilze');
    expect(value.contact.email).toBe('ilze@example.test');
    expect(value.message).toBe('Labdien!');
  });

  it('turns CRLF and lone CR in the message into LF, and tabs into spaces', () => {
    expect(valid(serviceRequest({ message: 'a\r\nb\rc\td' })).message).toBe('a\nb\nc d');
  });
});

describe('characters', () => {
  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001B[31m'],
    ['DEL', '\u007F'],
    ['C1 control', '\u0085'],
  ])('rejects a %s in a one-line field and in the message', (_name, ch) => {
    expect(errors(withContact({ name: `Ilze${ch}` }))['contact.name']?.key).toBe('errors.invalidCharacters');
    expect(errors(serviceRequest({ message: `Sveiki${ch}!` }))['message']?.key).toBe('errors.invalidCharacters');
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
    ['line separator', '\u2028'],
  ])('rejects a %s inside name, e-mail and phone (no header injection)', (_name, br) => {
    const e = errors(
      withContact({
        name: `Ilze${br}Bcc: victim@example.test`,
        email: `ilze@example.test${br}Bcc: victim@example.test`,
        phone: `20000000${br}X-Injected: 1`,
      }),
    );
    expect(e['contact.name']?.key).toBe('errors.invalidCharacters');
    expect(e['contact.email']?.key).toBe('errors.invalidCharacters');
    expect(e['contact.phone']?.key).toBe('errors.invalidCharacters');
  });

  it.each([
    ['right-to-left override', '\u202E'],
    ['left-to-right isolate', '\u2066'],
    ['pop directional isolate', '\u2069'],
    ['zero-width space', '\u200B'],
    ['zero-width joiner', '\u200D'],
    ['right-to-left mark', '\u200F'],
    ['byte order mark', '\uFEFF'],
    ['Arabic letter mark', '\u061C'],
  ])('rejects a %s in every one-line field (display spoofing, W10)', (_name, ch) => {
    const base = serviceRequest();
    const e = errors({
      ...base,
      person: { firstName: `An${ch}na`, group: 'child' },
      contact: {
        ...(base['contact'] as object),
        name: `Il${ch}ze`,
        time: `rīt${ch} vakarā`,
        email: `ilze${ch}@example.test`,
      },
    });
    for (const field of ['person.firstName', 'contact.name', 'contact.time', 'contact.email']) {
      expect(e[field]?.key, field).toBe('errors.invalidCharacters');
    }
  });

  it('trims a byte order mark at either end of a one-line field (trim() counts it as space)', () => {
    expect(valid(withContact({ name: '\uFEFFIlze\uFEFF' })).contact.name).toBe('Ilze');
  });

  it('accepts markup in the message as plain text, unchanged', () => {
    const message = '<script>alert("x")</script> & <b>bold</b>';
    expect(valid(serviceRequest({ message })).message).toBe(message);
  });

  it('keeps Latvian letters and typographic quotes', () => {
    const name = 'Ģirts Ķēniņš-Žūriņa “Ļ”';
    expect(valid(withContact({ name })).contact.name).toBe(name);
  });
});

describe('collect nothing more', () => {
  it('rejects unknown keys at every level, by path', () => {
    const base = serviceRequest();
    const e = errors({
      ...base,
      ssn: '010101-12345',
      person: { ...(base['person'] as object), diagnosis: 'F84' },
      contact: { ...(base['contact'] as object), address: 'Liepu iela 1' },
    });
    expect(e['ssn']).toEqual({ key: 'errors.unknownField' });
    expect(e['person.diagnosis']).toEqual({ key: 'errors.unknownField' });
    expect(e['contact.address']).toEqual({ key: 'errors.unknownField' });
  });

  it('rejects keys named like Object.prototype members instead of crashing', () => {
    const json = JSON.parse(
      `{"__proto__": {"type": "service"}, "constructor": 1, "contact": {"toString": "x", "name": "A", "phone": "20000000"}}`,
    ) as unknown;
    const e = errors(json);
    expect(e['__proto__']).toEqual({ key: 'errors.unknownField' });
    expect(e['constructor']).toEqual({ key: 'errors.unknownField' });
    expect(e['contact.toString']).toEqual({ key: 'errors.unknownField' });
    // The prototype's "type" was not read as the request's type.
    expect(e['type']).toEqual({ key: 'errors.required' });
  });

  it('bounds the wizard answers', () => {
    expect(errors(serviceRequest({ answers: { 'bad key': 1 } }))['answers']?.key).toBe('errors.invalid');
    expect(errors(serviceRequest({ answers: { a: 'x\r\ny' } }))['answers']?.key).toBe('errors.invalid');
    expect(errors(serviceRequest({ answers: { a: { b: { c: { d: 1 } } } } }))['answers']?.key).toBe('errors.invalid');
    expect(errors(serviceRequest({ answers: { a: 'x'.repeat(501) } }))['answers']?.key).toBe('errors.invalid');
    // Keys that are not the wizard's facts are refused, whatever their values.
    expect(errors(serviceRequest({ answers: { a: [1, 'two', null, true], b: { c: ' ok ' } } }))['answers']?.key).toBe(
      'errors.invalid',
    );
    const answers = {
      group: ' child-in-care ',
      careSetting: 'family',
      age: 7,
      vdeavkSpecialCare: null,
      verdicts: [
        { service: 'dac-berniem', verdict: 'maybe' },
        { service: 'aprupe-berniem', verdict: 'first' },
      ],
    };
    expect(valid(serviceRequest({ answers })).answers).toEqual({
      group: 'child-in-care',
      careSetting: 'family',
      age: 7,
      vdeavkSpecialCare: null,
      verdicts: [
        { service: 'dac-berniem', verdict: 'maybe' },
        { service: 'aprupe-berniem', verdict: 'first' },
      ],
    });
  });
});

describe('the wizard answers are checked against the eligibility module (W4)', () => {
  const SERVER = { ...OPTIONS, answers: { services: OPTIONS.services, verdicts: VERDICTS } };
  const answersError = (answers: unknown, options: ReferralOptions = SERVER): string | undefined => {
    const result = validateReferral(serviceRequest({ answers }), options);
    return result.ok ? undefined : result.errors['answers']?.key;
  };

  it.each([
    ['toString as a key', { toString: true }],
    ['valueOf as a key', { valueOf: 1 }],
    ['constructor as a key', { constructor: 'x' }],
    ['hasOwnProperty as a key', { hasOwnProperty: 'x' }],
    ['"constructor" as a value', { group: 'constructor' }],
    ['"toString" as a value', { disabilityGroup: 'toString' }],
    ['a list where a word is expected', { group: ['hasOwnProperty'] }],
    ['an object where a word is expected', { group: { prototype: { x: 1 } } }],
    ['a number out of range', { age: 121 }],
    ['a word where yes/no is expected', { supportPlan: 'yes' }],
    ['an unknown fact', { disability: 'yes' }],
    ['verdicts as an object', { verdicts: { 'atelpas-bridis': 'likely' } }],
    ['a verdict with another key', { verdicts: [{ service: 'dac', verdict: 'likely', x: 1 }] }],
    ['a verdict for an unknown service', { verdicts: [{ service: 'constructor', verdict: 'likely' }] }],
    ['a verdict that is not one', { verdicts: [{ service: 'dac', verdict: 'certain' }] }],
    ['a verdict naming a function', { verdicts: [{ service: 'dac', verdict: 'toString' }] }],
  ])('refuses %s', (_what, answers) => {
    expect(answersError(answers)).toBe('errors.invalid');
  });

  it('accepts every value of every fact the eligibility module declares, and null ("Nezinu")', () => {
    // Derived from FACT_ORDER / possibleValues: a fact added there is accepted with no change here.
    for (const fact of FACT_ORDER) {
      for (const value of [...possibleValues(fact).slice(0, 30), null]) {
        expect(answersError({ [fact]: value }), `${fact}=${String(value)}`).toBeUndefined();
      }
    }
  });

  it('accepts every verdict the model declares, in the list the wizard hands over', () => {
    const verdicts = VERDICTS.map((verdict, i) => ({ service: OPTIONS.services[i] ?? 'dac', verdict }));
    expect(answersError({ group: 'child', verdicts })).toBeUndefined();
  });

  it('in the browser (no vocabulary given) holds verdicts to the shape of words only', () => {
    expect(answersError({ verdicts: [{ service: 'audzugimenes', verdict: 'likely' }] }, OPTIONS)).toBeUndefined();
    expect(answersError({ verdicts: [{ service: 'dac', verdict: 'Likely!' }] }, OPTIONS)).toBe('errors.invalid');
    expect(answersError({ toString: true }, OPTIONS)).toBe('errors.invalid');
  });
});

describe('the schema in the browser (formik validationSchema)', () => {
  it('rejects with message objects carrying i18n keys, not sentences', async () => {
    const schema = createReferralSchema(OPTIONS);
    const error = await schema.validate(withContact({ email: 'nope' }), { abortEarly: false }).catch((e: unknown) => e);
    expect(ValidationError.isError(error)).toBe(true);
    const inner = (error as ValidationError).inner.find((i) => i.path === 'contact.email');
    expect(inner?.errors[0]).toEqual({ key: 'errors.email' });
  });

  it('nests flat errors for formik', () => {
    expect(nestErrors({ 'contact.email': { key: 'errors.email' }, consent: { key: 'errors.consent' } })).toEqual({
      contact: { email: { key: 'errors.email' } },
      consent: { key: 'errors.consent' },
    });
  });
});

describe('isSpam', () => {
  it('is true only when the honeypot has content', () => {
    expect(isSpam(serviceRequest())).toBe(false);
    expect(isSpam(serviceRequest({ website: '   ' }))).toBe(false);
    expect(isSpam(fosterRequest())).toBe(false);
    expect(isSpam(serviceRequest({ website: 'https://spam.example' }))).toBe(true);
    expect(isSpam(serviceRequest({ website: 1 }))).toBe(true);
    expect(isSpam(null)).toBe(false);
  });

  it('does not make the schema reject a filled honeypot (the caller decides)', () => {
    expect(validateReferral(serviceRequest({ website: 'https://spam.example' }), OPTIONS).ok).toBe(true);
  });
});

describe('known ids are parameters', () => {
  it('accepts a municipality or service only when it is passed in', () => {
    const narrow = { municipalities: ['liepaja'], services: ['dac'] };
    expect(validateReferral(serviceRequest({ municipality: 'liepaja', services: ['dac'] }), narrow).ok).toBe(true);
    const result = validateReferral(serviceRequest(), narrow);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors['municipality']?.key).toBe('errors.invalidChoice');
      expect(result.errors['services']?.key).toBe('errors.invalidChoice');
    }
  });
});
