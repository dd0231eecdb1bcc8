import { describe, expect, it } from 'vitest';
import {
  applyPrefill,
  emptyFormValues,
  formValuesFromPost,
  fromFormFields,
  parsePrefill,
  requestFromFormValues,
  validateReferral,
} from '../../../../src/domain/referral/index';
import type { ReferralFormValues } from '../../../../src/domain/referral/index';
import { OPTIONS } from './fixtures';

/** The hand-over as the wizard writes it (see src/domain/wizard/session.ts). */
function handOver(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    type: 'service',
    municipality: 'kuldigas-novads',
    filledBy: 'parent',
    person: { age: 7, group: 'child' },
    services: ['atelpas-bridis', 'rehabilitacija-berniem'],
    answers: { group: 'child', filledBy: 'parent', age: 7, disabilityDetermined: true, vdeavkSpecialCare: null },
    verdicts: [
      { service: 'atelpas-bridis', verdict: 'likely' },
      { service: 'rehabilitacija-berniem', verdict: 'maybe' },
    ],
    ...overrides,
  };
}

const parse = (value: unknown) => parsePrefill(JSON.stringify(value), OPTIONS);

describe('parsePrefill', () => {
  it('reads a complete hand-over, with the verdicts attached to the answers', () => {
    expect(parse(handOver())).toEqual({
      type: 'service',
      municipality: 'kuldigas-novads',
      place: '',
      filledBy: 'parent',
      person: { age: '7', group: 'child' },
      services: ['atelpas-bridis', 'rehabilitacija-berniem'],
      answers: {
        group: 'child',
        filledBy: 'parent',
        age: 7,
        disabilityDetermined: true,
        vdeavkSpecialCare: null,
        verdicts: [
          { service: 'atelpas-bridis', verdict: 'likely' },
          { service: 'rehabilitacija-berniem', verdict: 'maybe' },
        ],
      },
    });
  });

  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['not JSON', '{"version":1,'],
    ['JSON that is not an object', '[1]'],
  ])('discards %s', (_what, raw) => {
    expect(parsePrefill(raw, OPTIONS)).toBeNull();
  });

  it.each([
    ['another version', { version: 2 }],
    ['no version', { version: undefined }],
    ['an unknown type', { type: 'other' }],
    ['a municipality that is not a string', { municipality: 5 }],
    ['filledBy that is not a string', { filledBy: null }],
    ['a place that is not a string', { place: 7 }],
    ['a person that is not an object', { person: 'child' }],
    ['an age that is a string', { person: { age: '7', group: 'child' } }],
    ['services that are not a list of strings', { services: [1] }],
    ['answers that are not an object', { answers: [] }],
    ['verdicts that are not a list', { verdicts: {} }],
    ['a verdict of an unknown kind', { verdicts: [{ service: 'dac', verdict: 'no' }] }],
    ['a verdict that is not a word', { verdicts: [{ service: 'dac', verdict: 1 }] }],
    ['a verdict with extra keys', { verdicts: [{ service: 'dac', verdict: 'likely', why: 'x' }] }],
  ])('discards a hand-over with %s', (_what, overrides) => {
    expect(parse(handOver(overrides))).toBeNull();
  });

  it('leaves out values the form does not know, one by one', () => {
    const p = parse(
      handOver({
        municipality: 'riga',
        filledBy: 'neighbour',
        person: { age: 130, group: 'foster' },
        services: ['atelpas-bridis', 'no-such-service', 'atelpas-bridis', 'dac'],
      }),
    );
    expect(p).toMatchObject({
      municipality: '',
      filledBy: '',
      person: { age: '', group: '' },
      services: ['atelpas-bridis', 'dac'],
    });
  });

  it('drops answers that would not pass the schema, keeping the rest', () => {
    const p = parse(handOver({ answers: { 'bad key': 'x' } }));
    expect(p).not.toBeNull();
    expect(p?.answers).toBeUndefined();
    expect(p?.municipality).toBe('kuldigas-novads');
  });

  it('accepts a service that needs a step first, and does not tick it', () => {
    const verdicts = [
      { service: 'atelpas-bridis', verdict: 'likely' },
      { service: 'asistents', verdict: 'first' },
    ];
    // The wizard never lists a `first` service among those to tick; a hand-over that does is not trusted on it.
    const p = parse(handOver({ services: ['atelpas-bridis', 'asistents'], verdicts }));
    expect(p?.services).toEqual(['atelpas-bridis']);
    expect(p?.answers?.['verdicts']).toEqual(verdicts);
    const v = p ? applyPrefill(emptyFormValues('service'), p) : null;
    expect(v?.services).toEqual(['atelpas-bridis']);
  });

  it('accepts a null age ("Nezinu") as not answered', () => {
    expect(parse(handOver({ person: { age: null, group: 'other' } }))?.person).toEqual({ age: '', group: 'other' });
  });
});

describe('applyPrefill', () => {
  it('fills in a service form', () => {
    const p = parse(handOver());
    if (!p) throw new Error('expected a prefill');
    const v = applyPrefill(emptyFormValues('service'), p);
    expect(v.municipality).toBe('kuldigas-novads');
    expect(v.filledBy).toBe('parent');
    expect(v.person).toEqual({ firstName: '', age: '7', group: 'child' });
    expect(v.services).toEqual(['atelpas-bridis', 'rehabilitacija-berniem']);
    expect(v.answers?.['verdicts']).toHaveLength(2);
  });

  it('gives a foster form the municipality and the answers, and who fills it in only when the form offers it', () => {
    const p = parse(handOver({ type: 'foster', filledBy: 'parent', services: ['audzugimenes'] }));
    if (!p) throw new Error('expected a prefill');
    const v = applyPrefill(emptyFormValues('foster'), p);
    expect(v.municipality).toBe('kuldigas-novads');
    // "parent" (about a child in their care) is not a foster form's answer: left for the person.
    expect(v.filledBy).toBe('');
    expect(v.services).toEqual([]);
    expect(v.answers).toBeDefined();
    const self = parse(handOver({ type: 'foster', filledBy: 'self' }));
    if (!self) throw new Error('expected a prefill');
    expect(applyPrefill(emptyFormValues('foster'), self).filledBy).toBe('self');
  });

  it('gives the place the person typed in the check together with its municipality', () => {
    const p = parse(handOver({ place: 'Aizpute', municipality: 'dienvidkurzemes-novads' }));
    if (!p) throw new Error('expected a prefill');
    const v = applyPrefill(emptyFormValues('service'), p);
    expect(v).toMatchObject({ municipality: 'dienvidkurzemes-novads', place: 'Aizpute' });
    // A place without a municipality the form knows is not given alone.
    const unknown = parse(handOver({ place: 'Aizpute', municipality: 'riga' }));
    if (!unknown) throw new Error('expected a prefill');
    expect(applyPrefill(emptyFormValues('service'), unknown).place).toBe('');
  });

  it('gives a form of the other type only the municipality', () => {
    const p = parse(handOver({ type: 'foster' }));
    if (!p) throw new Error('expected a prefill');
    const v = applyPrefill(emptyFormValues('service'), p);
    expect(v).toEqual({ ...emptyFormValues('service'), municipality: 'kuldigas-novads' });
  });

  it('does not change the values it was given', () => {
    const before = emptyFormValues('service');
    const p = parse(handOver());
    if (!p) throw new Error('expected a prefill');
    applyPrefill(before, p);
    expect(before).toEqual(emptyFormValues('service'));
  });
});

describe('formValuesFromPost', () => {
  it('shows a returned post as the person typed it', () => {
    const v = formValuesFromPost('service', {
      type: 'service',
      municipality: 'liepaja',
      filledBy: 'self',
      'person.firstName': 'Anna',
      'person.age': '7x',
      'person.group': 'adult',
      services: ['dac', 'atelpas-bridis'],
      'contact.name': 'Ilze',
      'contact.phone': '',
      'contact.email': 'ilze@',
      'contact.preferred': 'email',
      'contact.time': 'rītos',
      'contact.easyLanguage': 'true',
      'contact.confirmation': 'on',
      message: 'Sveiki',
      consent: 'true',
      answers: JSON.stringify({ age: 7, verdicts: [{ service: 'dac', verdict: 'likely' }] }),
      website: '',
    });
    expect(v).toEqual<ReferralFormValues>({
      type: 'service',
      municipality: 'liepaja',
      place: '',
      filledBy: 'self',
      person: { firstName: 'Anna', age: '7x', group: 'adult' },
      services: ['dac', 'atelpas-bridis'],
      contact: {
        name: 'Ilze',
        phone: '',
        email: 'ilze@',
        preferred: 'email',
        time: 'rītos',
        easyLanguage: true,
        supportPerson: false,
        confirmation: true,
      },
      interest: '',
      message: 'Sveiki',
      answers: { age: 7, verdicts: [{ service: 'dac', verdict: 'likely' }] },
      consent: true,
      website: '',
    });
  });

  it('shows unknown choices as not chosen and drops answers that are not the JSON the form wrote', () => {
    const v = formValuesFromPost('service', {
      filledBy: 'nobody',
      'person.group': 'x',
      'contact.preferred': 'fax',
      answers: '{oops',
      services: 'dac',
    });
    expect(v.filledBy).toBe('');
    expect(v.person.group).toBe('');
    expect(v.contact.preferred).toBe('');
    expect(v.answers).toBeUndefined();
    expect(v.services).toEqual(['dac']);
  });

  it('shows who filled in a foster form, as posted', () => {
    const v = formValuesFromPost('foster', { filledBy: 'support-person', interest: 'viesgimene', place: 'Dzelda' });
    expect(v.filledBy).toBe('support-person');
    expect(v.interest).toBe('viesgimene');
    expect(v.place).toBe('Dzelda');
  });

  it('takes the first of a field posted twice', () => {
    expect(formValuesFromPost('service', { 'contact.name': ['A', 'B'] }).contact.name).toBe('A');
  });
});

function filledService(): ReferralFormValues {
  const v = emptyFormValues('service');
  return {
    ...v,
    municipality: 'kuldigas-novads',
    filledBy: 'parent',
    person: { firstName: 'Anna', age: '7', group: 'child' },
    services: ['atelpas-bridis'],
    contact: { ...v.contact, name: 'Ilze Bērziņa', phone: '20000000', preferred: 'phone', supportPerson: true },
    message: 'Vajag atelpu.',
    consent: true,
  };
}

describe('requestFromFormValues', () => {
  it('makes a service request the schema accepts', () => {
    const result = validateReferral(requestFromFormValues(filledService()), OPTIONS);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.person).toEqual({ firstName: 'Anna', age: 7, group: 'child' });
      expect(result.value.contact.supportPerson).toBe(true);
    }
  });

  it('makes a foster request without a person, services or contact wishes', () => {
    const v = emptyFormValues('foster');
    const request = requestFromFormValues({
      ...v,
      municipality: 'talsu-novads',
      filledBy: 'self',
      interest: 'adoptetajs',
      contact: { ...v.contact, name: 'Jānis Ozols', email: 'janis@example.test', easyLanguage: true },
      consent: true,
    });
    expect(request).toEqual({
      type: 'foster',
      municipality: 'talsu-novads',
      place: '',
      filledBy: 'self',
      contact: { name: 'Jānis Ozols', phone: '', email: 'janis@example.test' },
      interest: 'adoptetajs',
      message: '',
      consent: true,
      website: '',
    });
    expect(validateReferral(request, OPTIONS).ok).toBe(true);
  });

  it('gives the same errors as the plain form post of the same answers', () => {
    const v = emptyFormValues('service');
    const values: ReferralFormValues = {
      ...v,
      person: { firstName: 'Anna', age: 'seven', group: '' },
      contact: { ...v.contact, name: 'Ilze', email: 'nav-epasts' },
    };
    const json = validateReferral(requestFromFormValues(values), OPTIONS);
    const post = validateReferral(
      {
        ...fromFormFields({
          'person.firstName': 'Anna',
          'person.age': 'seven',
          'contact.name': 'Ilze',
          'contact.phone': '',
          'contact.email': 'nav-epasts',
          'contact.time': '',
          message: '',
          website: '',
        }),
        type: 'service',
      },
      OPTIONS,
    );
    expect(json.ok).toBe(false);
    expect(post.ok).toBe(false);
    if (!json.ok && !post.ok) expect(json.errors).toEqual(post.errors);
  });

  it('sends the wizard answers when there are some', () => {
    const values = { ...filledService(), answers: { age: 7 } };
    expect(requestFromFormValues(values).answers).toEqual({ age: 7 });
    expect(requestFromFormValues(filledService())).not.toHaveProperty('answers');
  });
});
