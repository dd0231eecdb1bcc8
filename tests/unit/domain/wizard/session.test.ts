import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_IDS, evaluate, type Facts } from '../../../../src/domain/eligibility/index';
import { parsePrefill } from '../../../../src/domain/referral/prefill';
import {
  STATE_VERSION,
  WIZARD_STORAGE_KEY,
  buildPrefill,
  initialState,
  parseState,
  serializeState,
  type WizardState,
} from '../../../../src/domain/wizard/index';
import { CHILD, CHILD_IN_CARE, rules } from './fixtures';

const stored = (value: unknown): string => JSON.stringify(value);

describe('kv:wizard — the saved state', () => {
  it('uses the agreed keys', () => {
    expect(WIZARD_STORAGE_KEY).toBe('kv:wizard');
  });

  it('round-trips a state', () => {
    const state: WizardState = { step: 'age', answers: { group: 'child', filledBy: 'parent' }, returnToCheck: false };
    expect(JSON.parse(serializeState(state))).toEqual({ version: STATE_VERSION, ...state });
    expect(parseState(serializeState(state), rules)).toEqual(state);
    const done: WizardState = { step: 'result', answers: CHILD, returnToCheck: false };
    expect(parseState(serializeState(done), rules)).toEqual(done);
    expect(parseState(serializeState(initialState()), rules)).toEqual(initialState());
  });

  it('keeps the place typed to find the municipality, only with a municipality answered', () => {
    const state: WizardState = { step: 'result', answers: CHILD, returnToCheck: false, place: 'Aizpute' };
    expect(parseState(serializeState(state), rules)).toEqual(state);
    const early = stored({
      version: 1,
      step: 'age',
      answers: { group: 'child', filledBy: 'parent' },
      place: 'Aizpute',
    });
    expect(parseState(early, rules)).not.toHaveProperty('place');
    expect(parseState(stored({ ...JSON.parse(serializeState(state)), place: 7 }), rules)).toBeNull();
    expect(parseState(stored({ ...JSON.parse(serializeState(state)), place: 'x'.repeat(61) }), rules)).toBeNull();
    // The form gets it with the hand-over, and shows it with the municipality.
    const prefill = buildPrefill(rules, CHILD, 'Aizpute');
    expect(prefill.place).toBe('Aizpute');
    expect(buildPrefill(rules, CHILD)).not.toHaveProperty('place');
  });

  it('nothing saved → null', () => {
    expect(parseState(null, rules)).toBeNull();
  });

  it.each<[string, string]>([
    ['bad JSON', '{"version":1,'],
    ['not an object', stored([1, 2])],
    ['null', 'null'],
    ['another version', stored({ version: 2, step: 'group', answers: {} })],
    ['no version', stored({ step: 'group', answers: {} })],
    ['an unknown step', stored({ version: 1, step: 'summary', answers: {} })],
    ['an unknown field', stored({ version: 1, step: 'group', answers: {}, extra: 1 })],
    ['an unknown fact', stored({ version: 1, step: 'group', answers: { income: 100 } })],
    ['an invalid age', stored({ version: 1, step: 'filledBy', answers: { group: 'child', age: 500 } })],
    ['an age as text', stored({ version: 1, step: 'filledBy', answers: { group: 'child', age: '3' } })],
    ['an unknown municipality', stored({ version: 1, step: 'result', answers: { ...CHILD, municipality: 'riga' } })],
    [
      'contradicting answers',
      stored({
        version: 1,
        step: 'check',
        answers: { ...CHILD, disabilityDetermined: false, vdeavkSpecialCare: true },
      }),
    ],
    ['answers off the path', stored({ version: 1, step: 'filledBy', answers: { group: 'foster', age: 30 } })],
    [
      'where a child lives, for a child of the family',
      stored({ version: 1, step: 'result', answers: { ...CHILD, careSetting: 'institution' } }),
    ],
    [
      'a fact the wizard no longer asks',
      stored({ version: 1, step: 'result', answers: { ...CHILD, supportPlan: true } }),
    ],
    ['a question not on the path', stored({ version: 1, step: 'disabilityGroup', answers: { group: 'child' } })],
    ['a question beyond the first unanswered', stored({ version: 1, step: 'age', answers: { group: 'child' } })],
    ['the result before every answer', stored({ version: 1, step: 'result', answers: { group: 'child' } })],
    ['a non-boolean returnToCheck', stored({ version: 1, step: 'group', answers: {}, returnToCheck: 'yes' })],
  ])('discards %s', (_what, raw) => {
    expect(parseState(raw, rules)).toBeNull();
  });
});

describe('kv:prefill — what the referral form gets', () => {
  it('a child: the service form, the likely and maybe services, the answers and verdicts', () => {
    const prefill = buildPrefill(rules, CHILD);
    const verdicts = evaluate(rules, CHILD);
    const likely = verdicts.filter((v) => v.verdict === 'likely').map((v) => v.service);
    const maybe = verdicts.filter((v) => v.verdict === 'maybe').map((v) => v.service);
    expect(likely.length + maybe.length).toBeGreaterThanOrEqual(5);
    expect(prefill).toEqual({
      version: 1,
      type: 'service',
      municipality: 'kuldigas-novads',
      filledBy: 'parent',
      person: { age: 7, group: 'child' },
      services: [...likely, ...maybe],
      answers: CHILD,
      verdicts: [
        ...likely.map((service) => ({ service, verdict: 'likely' })),
        ...maybe.map((service) => ({ service, verdict: 'maybe' })),
      ],
    });
    expect(prefill.services).toContain('atelpas-bridis');
    expect(prefill.services).not.toContain('dac');
  });

  it('a step first: the verdict is handed over, the service is not among those the request names', () => {
    // Without the special-care opinion, the services that need it wait for that step.
    const facts: Facts = { ...CHILD, vdeavkSpecialCare: false };
    const first = evaluate(rules, facts)
      .filter((v) => v.verdict === 'first')
      .map((v) => v.service);
    expect(first).toContain('atelpas-bridis');
    const prefill = buildPrefill(rules, facts);
    for (const service of first) expect(prefill.services).not.toContain(service);
    expect(prefill.verdicts.filter((v) => v.verdict === 'first').map((v) => v.service)).toEqual(first);
    // As the result shows them: likely, then maybe, then a step first.
    const order = prefill.verdicts.map((v) => ['likely', 'maybe', 'first'].indexOf(v.verdict));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(prefill.verdicts.length).toBe(prefill.services.length + first.length);
  });

  it('a child in care: where the child lives is among the answers handed over', () => {
    const prefill = buildPrefill(rules, CHILD_IN_CARE);
    expect(prefill.person).toEqual({ age: 12, group: 'child-in-care' });
    expect(prefill.answers).toMatchObject({ careSetting: 'family' });
  });

  it('foster: the foster form; the person is "other" (the form has no foster group)', () => {
    const prefill = buildPrefill(rules, { group: 'foster', filledBy: 'self', municipality: 'liepaja' });
    expect(prefill).toMatchObject({
      type: 'foster',
      municipality: 'liepaja',
      person: { age: null, group: 'other' },
      services: ['audzugimenes'],
      verdicts: [{ service: 'audzugimenes', verdict: 'likely' }],
    });
  });

  it('other: the request asks the social service to assess the needs', () => {
    const prefill = buildPrefill(rules, { group: 'other', filledBy: 'self', municipality: 'ventspils' });
    expect(prefill).toMatchObject({
      type: 'service',
      person: { age: null, group: 'other' },
      services: ['vajadzibu-izvertesana'],
      verdicts: [{ service: 'vajadzibu-izvertesana', verdict: 'likely' }],
    });
  });

  it('leaves out answers off the path; refuses incomplete answers', () => {
    expect(buildPrefill(rules, { ...CHILD, careSetting: 'institution' }).answers).not.toHaveProperty('careSetting');
    expect(() => buildPrefill(rules, { group: 'child', filledBy: 'parent' })).toThrow(/municipality/);
  });
});

describe('kv:prefill — the referral form reads it', () => {
  const options = { municipalities: MUNICIPALITY_IDS, services: rules.map((r) => r.service) };

  it.each<[string, Facts]>([
    ['child', CHILD],
    ['child, a step first', { ...CHILD, vdeavkSpecialCare: false }],
    ['child in care', CHILD_IN_CARE],
    ['foster', { group: 'foster', filledBy: 'self', municipality: 'liepaja' }],
    ['other', { group: 'other', filledBy: 'professional', municipality: 'ventspils' }],
  ])('%s: accepted whole, with the same municipality, services and answers', (_name, facts) => {
    const prefill = buildPrefill(rules, facts);
    const read = parsePrefill(JSON.stringify(prefill), options);
    expect(read).not.toBeNull();
    expect(read).toMatchObject({ type: prefill.type, municipality: prefill.municipality, services: prefill.services });
    expect(read?.answers).toMatchObject({ ...prefill.answers, verdicts: prefill.verdicts });
  });
});
