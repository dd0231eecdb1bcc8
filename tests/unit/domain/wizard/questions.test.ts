import { describe, expect, it } from 'vitest';
import { FACT_ORDER, type Facts } from '../../../../src/domain/eligibility/index';
import {
  PLACE,
  UNKNOWN,
  emptyValues,
  factFromValues,
  parseAge,
  questionSpec,
  valuesFromFacts,
  wordingFor,
} from '../../../../src/domain/wizard/index';

describe('parseAge', () => {
  it.each([
    ['7', 7],
    [' 17 ', 17],
    ['0', 0],
    ['120', 120],
    ['', 'empty'],
    ['   ', 'empty'],
    ['-1', 'negative'],
    ['−5', 'negative'],
    ['121', 'tooHigh'],
    ['1000', 'tooHigh'],
    ['abc', 'notNumber'],
    ['7 gadi', 'notNumber'],
    ['3.5', 'notNumber'],
    ['3,5', 'notNumber'],
  ])('%j → %j', (text, expected) => {
    expect(parseAge(text)).toBe(expected);
  });
});

describe('form values ↔ facts', () => {
  const facts: Facts = {
    group: 'child-in-care',
    filledBy: 'professional',
    careSetting: 'institution',
    age: 12,
    disabilityDetermined: true,
    disabilityGroup: null,
    vdeavkSpecialCare: false,
    municipality: 'liepaja',
  };

  it('shows the answers in the form, "Nezinu" as its own radio', () => {
    const v = valuesFromFacts(facts);
    expect(v).toEqual({
      group: 'child-in-care',
      filledBy: 'professional',
      careSetting: 'institution',
      age: '12',
      ageUnknown: false,
      disabilityDetermined: 'yes',
      disabilityGroup: UNKNOWN,
      vdeavkSpecialCare: 'no',
      municipality: 'liepaja',
      place: '',
      placeChoice: '',
    });
    expect(valuesFromFacts({ age: null })).toMatchObject({ age: '', ageUnknown: true, careSetting: '' });
  });

  it('turns a step back into its fact', () => {
    const v = valuesFromFacts(facts);
    for (const fact of [
      'group',
      'filledBy',
      'careSetting',
      'age',
      'disabilityDetermined',
      'disabilityGroup',
      'vdeavkSpecialCare',
    ] as const) {
      expect(factFromValues(fact, v)).toEqual(facts[fact]);
    }
    expect(factFromValues('careSetting', { ...emptyValues(), careSetting: 'family' })).toBe('family');
    expect(factFromValues('age', { ...emptyValues(), age: '5', ageUnknown: true })).toBeNull();
  });

  it('has a form value for every fact, and none for facts the rules no longer have', () => {
    expect(Object.keys(emptyValues()).sort()).toEqual([...FACT_ORDER, 'ageUnknown', 'place', 'placeChoice'].sort());
  });

  it('refuses an invalid age (the schema runs first)', () => {
    expect(() => factFromValues('age', { ...emptyValues(), age: 'x' })).toThrow(/age/);
  });
});

describe('questionSpec', () => {
  it('offers "Nezinu" where a person may not know, never for the group, who answers or where', () => {
    expect(questionSpec('group').allowUnknown).toBe(false);
    expect(questionSpec('filledBy').allowUnknown).toBe(false);
    expect(questionSpec('municipality').allowUnknown).toBe(false);
    expect(questionSpec('age').allowUnknown).toBe(true);
    expect(questionSpec('vdeavkSpecialCare')).toMatchObject({
      kind: 'choice',
      options: ['yes', 'no'],
      allowUnknown: true,
    });
    // Whoever answers about a child in care knows where the child lives.
    expect(questionSpec('careSetting')).toEqual({
      fact: 'careSetting',
      kind: 'choice',
      options: ['family', 'institution'],
      allowUnknown: false,
    });
    expect(questionSpec('disabilityGroup').options).toEqual(['I', 'II', 'III', 'none']);
    expect(questionSpec('municipality').options).toHaveLength(8);
    expect(PLACE).toBe('place');
  });
});

describe('wordingFor: the words follow who answers', () => {
  it.each<[Facts, string]>([
    [{ group: 'child', filledBy: 'parent' }, 'child'],
    [{ group: 'child-in-care', filledBy: 'professional' }, 'child'],
    [{ group: 'child', filledBy: 'self' }, 'self'],
    [{ group: 'adult', filledBy: 'self' }, 'self'],
    [{ group: 'adult', filledBy: 'support-person' }, 'person'],
    [{ group: 'foster', filledBy: 'professional' }, 'person'],
  ])('%j → %s', (facts, wording) => {
    expect(wordingFor('age', facts)).toBe(wording);
  });

  it('asks where a child in care lives about the child, even of a young person answering for themself', () => {
    expect(wordingFor('careSetting', { group: 'child-in-care', filledBy: 'professional' })).toBe('child');
    expect(wordingFor('careSetting', { group: 'child-in-care', filledBy: 'self' })).toBe('child');
    expect(wordingFor('age', { group: 'child-in-care', filledBy: 'self' })).toBe('self');
  });
});
