import { describe, expect, it } from 'vitest';
import { fromFormFields, validateReferral } from '../../../../src/domain/referral/index';
import { OPTIONS, serviceRequest } from './fixtures';

/** A complete form post of the service request fixture, as @fastify/formbody parses it. */
function servicePost(
  patch: Record<string, string | string[] | undefined> = {},
): Record<string, string | string[] | undefined> {
  return {
    type: 'service',
    municipality: 'kuldigas-novads',
    filledBy: 'parent',
    'person.firstName': 'Anna',
    'person.age': '7',
    'person.group': 'child',
    services: ['atelpas-bridis', 'rehabilitacija-berniem'],
    'contact.name': 'Ilze Bērziņa',
    'contact.phone': '+371 20 000 000',
    'contact.email': 'ilze@example.test',
    'contact.preferred': 'phone',
    'contact.time': 'darba dienās pēc 17:00',
    'contact.supportPerson': 'on',
    message: 'Meitai ir smagi funkcionālie traucējumi.\r\nVajag atelpu uz nedēļu.',
    answers: JSON.stringify({
      age: 7,
      disabilityDetermined: true,
      verdicts: [{ service: 'atelpas-bridis', verdict: 'likely' }],
    }),
    consent: 'true',
    website: '',
    ...patch,
  };
}

describe('fromFormFields', () => {
  it('maps a form post to the same referral as the JSON request', () => {
    const fromForm = validateReferral(fromFormFields(servicePost()), OPTIONS);
    const fromJson = validateReferral(serviceRequest(), OPTIONS);
    expect(fromForm.ok).toBe(true);
    expect(fromForm).toEqual(fromJson);
  });

  it('nests dotted names and converts the fields the schema needs', () => {
    const out = fromFormFields(servicePost());
    expect(out['person']).toEqual({ firstName: 'Anna', age: 7, group: 'child' });
    expect(out['consent']).toBe(true);
    expect((out['contact'] as Record<string, unknown>)['supportPerson']).toBe(true);
    expect(out['answers']).toEqual({
      age: 7,
      disabilityDetermined: true,
      verdicts: [{ service: 'atelpas-bridis', verdict: 'likely' }],
    });
  });

  it('reads checkboxes posted as "on" or "true", and "false"', () => {
    for (const v of ['on', 'true', 'TRUE']) expect(fromFormFields({ consent: v })['consent']).toBe(true);
    expect(fromFormFields({ consent: 'false' })['consent']).toBe(false);
    expect(fromFormFields({})).not.toHaveProperty('consent');
  });

  it('makes a list of one service, and drops empty ones', () => {
    expect(fromFormFields({ services: 'dac' })['services']).toEqual(['dac']);
    expect(fromFormFields({ services: ['', 'dac', ' '] })['services']).toEqual(['dac']);
  });

  it('leaves what is invalid for the schema to report', () => {
    const result = validateReferral(
      fromFormFields(
        servicePost({ 'person.age': 'seven', consent: 'maybe', 'contact.confirmation': 'ja', answers: '{oops' }),
      ),
      OPTIONS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['person.age']?.key).toBe('errors.age');
    expect(result.errors['consent']?.key).toBe('errors.consent');
    expect(result.errors['contact.confirmation']?.key).toBe('errors.invalid');
    expect(result.errors['answers']?.key).toBe('errors.invalid');
  });

  it('keeps a single field posted twice as a list, which the schema rejects', () => {
    const result = validateReferral(fromFormFields(servicePost({ 'contact.name': ['Ilze', 'Bcc'] })), OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors['contact.name']?.key).toBe('errors.invalid');
  });

  it('passes unknown fields on so the schema rejects them', () => {
    const result = validateReferral(fromFormFields(servicePost({ 'person.diagnosis': 'F84', nickname: 'x' })), OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors['person.diagnosis']?.key).toBe('errors.unknownField');
      expect(result.errors['nickname']?.key).toBe('errors.unknownField');
    }
  });

  it('never touches an object prototype', () => {
    const fields = Object.fromEntries([
      ['__proto__', 'x'],
      ['person.__proto__', 'y'],
      ['constructor.prototype', 'z'],
      ['contact.name', 'Ilze'],
    ]) as Record<string, string>;
    const out = fromFormFields(fields);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(out).sort()).toEqual(
      ['__proto__', 'constructor.prototype', 'contact', 'person.__proto__'].sort(),
    );
    const result = validateReferral(out, OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors['__proto__']?.key).toBe('errors.unknownField');
  });

  it('omits a person whose fields were all left empty (a foster form)', () => {
    const out = fromFormFields({ type: 'foster', 'person.firstName': '', 'person.age': '', 'person.group': '' });
    expect(out).not.toHaveProperty('person');
  });

  it('drops the fields it is told to ignore', () => {
    expect(fromFormFields({ _csrf: 'token', type: 'foster' }, { ignore: ['_csrf'] })).toEqual({ type: 'foster' });
  });

  it('turns the CRLF a browser posts into LF through the schema', () => {
    const result = validateReferral(fromFormFields(servicePost({ message: 'a\r\nb' })), OPTIONS);
    expect(result.ok && result.value.message).toBe('a\nb');
  });
});
