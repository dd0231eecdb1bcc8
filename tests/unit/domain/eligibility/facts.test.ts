import { describe, expect, it } from 'vitest';
import { FactsError, deriveFacts, parseFacts } from '../../../../src/domain/eligibility/index';

describe('parseFacts', () => {
  it('accepts a full set of valid answers', () => {
    const input = {
      group: 'child',
      filledBy: 'parent',
      age: 3,
      disabilityDetermined: true,
      disabilityGroup: 'none',
      vdeavkSpecialCare: true,
      careSetting: 'family',
      municipality: 'tukuma-novads',
    };
    expect(parseFacts(input)).toEqual(input);
  });

  it('accepts an empty object and null ("Nezinu") for every fact', () => {
    expect(parseFacts({})).toEqual({});
    const nulls = {
      group: null,
      filledBy: null,
      age: null,
      disabilityDetermined: null,
      disabilityGroup: null,
      vdeavkSpecialCare: null,
      careSetting: null,
      municipality: null,
    };
    expect(parseFacts(nulls)).toEqual(nulls);
  });

  it('accepts the age limits 0 and 120', () => {
    expect(parseFacts({ age: 0 })).toEqual({ age: 0 });
    expect(parseFacts({ age: 120 })).toEqual({ age: 120 });
  });

  it('rejects an unknown fact name, naming it', () => {
    expect(() => parseFacts({ group: 'adult', vecums: 30 })).toThrow(FactsError);
    expect(() => parseFacts({ group: 'adult', vecums: 30 })).toThrow(
      /"vecums": unknown fact; expected one of group, filledBy, careSetting, age/,
    );
  });

  it.each([
    ['group', 'kid', '"child" | "adult" | "child-in-care" | "foster" | "other"'],
    ['filledBy', 'mother', '"self" | "parent" | "support-person" | "professional"'],
    ['age', 12.5, 'an integer from 0 to 120'],
    ['age', -1, 'an integer from 0 to 120'],
    ['age', 121, 'an integer from 0 to 120'],
    ['age', '5', 'an integer from 0 to 120'],
    ['disabilityDetermined', 'yes', 'true | false'],
    ['disabilityGroup', 'IV', '"I" | "II" | "III" | "none"'],
    ['disabilityGroup', 2, '"I" | "II" | "III" | "none"'],
    ['vdeavkSpecialCare', 1, 'true | false'],
    ['careSetting', 'home', '"family" | "institution"'],
    ['municipality', 'riga', '"liepaja" | "ventspils" | "dienvidkurzemes-novads"'],
  ])('rejects %s = %j, saying what it expects', (fact, value, expected) => {
    let error: unknown;
    try {
      parseFacts({ [fact]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FactsError);
    expect((error as FactsError).fact).toBe(fact);
    expect((error as FactsError).message).toContain(`${fact}: expected ${expected}`);
  });

  it.each([[null], [[]], ['child'], [5], [true]])('rejects a non-object: %j', (input) => {
    expect(() => parseFacts(input)).toThrow(/answers: expected an object/);
  });

  it('rejects a disability group without a determined disability', () => {
    expect(() => parseFacts({ disabilityDetermined: false, disabilityGroup: 'II' })).toThrow(
      /disabilityGroup: "II" contradicts disabilityDetermined: false/,
    );
    // "none" is what a person without a determined disability has: no conflict.
    expect(parseFacts({ disabilityDetermined: false, disabilityGroup: 'none' })).toEqual({
      disabilityDetermined: false,
      disabilityGroup: 'none',
    });
  });

  it('rejects a special-care opinion without a determined disability', () => {
    expect(() => parseFacts({ disabilityDetermined: false, vdeavkSpecialCare: true })).toThrow(
      /vdeavkSpecialCare: true contradicts disabilityDetermined: false/,
    );
  });
});

describe('deriveFacts', () => {
  it('no disability determined → no disability group, no special-care opinion', () => {
    expect(deriveFacts({ disabilityDetermined: false })).toEqual({
      disabilityDetermined: false,
      disabilityGroup: 'none',
      vdeavkSpecialCare: false,
    });
  });

  it('a VDEĀVK special-care opinion → a determined disability (given with the disability decision or later)', () => {
    expect(deriveFacts({ vdeavkSpecialCare: true })).toEqual({ vdeavkSpecialCare: true, disabilityDetermined: true });
  });

  it("under 18 → no disability group (VDEĀVK determines a child's disability without one)", () => {
    expect(deriveFacts({ age: 17 })).toEqual({ age: 17, disabilityGroup: 'none' });
    expect(deriveFacts({ age: 18 })).toEqual({ age: 18 });
  });

  it('group "child" → the child lives with the family (careSetting is for children in out-of-family care)', () => {
    expect(deriveFacts({ group: 'child' })).toEqual({ group: 'child', careSetting: 'family' });
    expect(deriveFacts({ group: 'child-in-care' })).toEqual({ group: 'child-in-care' });
  });

  it('infers nothing else', () => {
    expect(deriveFacts({ disabilityDetermined: true, vdeavkSpecialCare: false, group: 'adult' })).toEqual({
      disabilityDetermined: true,
      vdeavkSpecialCare: false,
      group: 'adult',
    });
    expect(deriveFacts({ disabilityGroup: 'I' })).toEqual({ disabilityGroup: 'I' });
  });

  it('rejects a disability group under 18', () => {
    expect(() => parseFacts({ age: 10, disabilityGroup: 'II' })).toThrow(/contradicts age: 10/);
  });
});
