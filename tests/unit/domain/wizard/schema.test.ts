import { describe, expect, it } from 'vitest';
import { ValidationError } from 'yup';
import { FACT_ORDER, type FactName } from '../../../../src/domain/eligibility/index';
import { buildPlaceIndex } from '../../../../src/domain/places/index';
import {
  ERROR_KEYS,
  PLACE,
  emptyValues,
  municipalityFromValues,
  placeFromValues,
  placeMatches,
  stepFields,
  stepSchema,
  type FormValues,
} from '../../../../src/domain/wizard/index';
import { wizardData } from './fixtures';

const places = buildPlaceIndex(wizardData('lv').municipalities);

/** The error keys a step's schema gives, by field (empty when valid). */
async function errorsOf(fact: FactName, values: Partial<FormValues>): Promise<Record<string, string>> {
  try {
    await stepSchema(fact, places).validate({ ...emptyValues(), ...values }, { abortEarly: false });
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return Object.fromEntries(error.inner.map((e) => [e.path ?? '', String(e.message)]));
  }
}

describe('stepSchema: one schema per question', () => {
  it('requires an answer to a choice', async () => {
    expect(await errorsOf('group', {})).toEqual({ group: ERROR_KEYS.group });
    expect(await errorsOf('group', { group: 'child' })).toEqual({});
    expect(await errorsOf('group', { group: 'unknown' })).toEqual({ group: ERROR_KEYS.group });
    expect(await errorsOf('vdeavkSpecialCare', { vdeavkSpecialCare: 'unknown' })).toEqual({});
    expect(await errorsOf('vdeavkSpecialCare', { vdeavkSpecialCare: 'maybe' })).toEqual({
      vdeavkSpecialCare: ERROR_KEYS.vdeavkSpecialCare,
    });
  });

  it('where a child in care lives: a family or an institution, no "Nezinu"', async () => {
    expect(await errorsOf('careSetting', {})).toEqual({ careSetting: ERROR_KEYS.careSetting });
    expect(await errorsOf('careSetting', { careSetting: 'family' })).toEqual({});
    expect(await errorsOf('careSetting', { careSetting: 'institution' })).toEqual({});
    expect(await errorsOf('careSetting', { careSetting: 'unknown' })).toEqual({ careSetting: ERROR_KEYS.careSetting });
  });

  it('has an error message for every question that can be left unanswered, and no other', () => {
    const choices = FACT_ORDER.filter((f) => f !== 'age' && f !== 'municipality');
    for (const fact of choices) expect(ERROR_KEYS).toHaveProperty(fact, `errors.${fact}`);
    expect(Object.keys(ERROR_KEYS)).not.toContain('supportPlan');
    expect(Object.keys(ERROR_KEYS)).not.toContain('parentsWorkOrStudy');
  });

  it('only checks its own step', async () => {
    expect(await errorsOf('filledBy', { filledBy: 'parent', age: 'nonsense' })).toEqual({});
  });

  it.each([
    ['', ERROR_KEYS.ageEmpty],
    ['abc', ERROR_KEYS.ageNotNumber],
    ['-3', ERROR_KEYS.ageNegative],
    ['121', ERROR_KEYS.ageTooHigh],
  ])('the age %j → %s', async (age, key) => {
    expect(await errorsOf('age', { age })).toEqual({ age: key });
  });

  it('accepts an age, or "Nezinu" whatever is typed', async () => {
    expect(await errorsOf('age', { age: '42' })).toEqual({});
    expect(await errorsOf('age', { age: '', ageUnknown: true })).toEqual({});
    expect(await errorsOf('age', { age: 'abc', ageUnknown: true })).toEqual({});
  });

  it('the municipality: one of the 8, or a place that resolves', async () => {
    expect(await errorsOf('municipality', {})).toEqual({ municipality: ERROR_KEYS.municipality });
    expect(await errorsOf('municipality', { municipality: 'riga' })).toEqual({ municipality: ERROR_KEYS.municipality });
    expect(await errorsOf('municipality', { municipality: 'liepaja' })).toEqual({});
    expect(await errorsOf('municipality', { municipality: PLACE })).toEqual({ place: ERROR_KEYS.placeEmpty });
    expect(await errorsOf('municipality', { municipality: PLACE, place: 'Nevienvieta' })).toEqual({
      place: ERROR_KEYS.placeNotFound,
    });
    expect(await errorsOf('municipality', { municipality: PLACE, place: 'dzelda' })).toEqual({});
  });

  it('lists the fields of each step in their order', () => {
    expect(stepFields('municipality')).toEqual(['municipality', 'place', 'placeChoice']);
    expect(stepFields('age')).toEqual(['age']);
    expect(stepFields('group')).toEqual(['group']);
  });
});

describe('placeFromValues', () => {
  it('the place the person typed, as the content writes it, for the municipality it found', () => {
    const typed = { ...emptyValues(), municipality: PLACE, place: 'rucavas pag.' };
    expect(placeFromValues(places, typed, 'dienvidkurzemes-novads')).toBe('Rucavas pagasts');
    expect(placeFromValues(places, { ...typed, place: 'aizpute' }, 'dienvidkurzemes-novads')).toBe('Aizpute');
    // Chosen from the list, or the municipality's own name typed: no place to pass on.
    expect(placeFromValues(places, { ...emptyValues(), municipality: 'talsu-novads' }, 'talsu-novads')).toBeUndefined();
    expect(placeFromValues(places, { ...typed, place: 'Kuldīgas novads' }, 'kuldigas-novads')).toBeUndefined();
  });
});

describe('municipalityFromValues', () => {
  it('takes the chosen municipality or resolves the typed place', () => {
    expect(municipalityFromValues(places, { ...emptyValues(), municipality: 'talsu-novads' })).toBe('talsu-novads');
    expect(municipalityFromValues(places, { ...emptyValues(), municipality: PLACE, place: 'Rucava' })).toBe(
      'dienvidkurzemes-novads',
    );
    expect(municipalityFromValues(places, { ...emptyValues(), municipality: PLACE, place: 'Nevienvieta' })).toBeNull();
  });

  it('a name used in several municipalities: the person chooses among them', async () => {
    const two = buildPlaceIndex([
      { id: 'liepaja', name: 'Liepājas valstspilsēta', towns: [], parishes: ['Lejas'], villages: [] },
      { id: 'talsu-novads', name: 'Talsu novads', towns: [], parishes: ['Lejas'], villages: [] },
    ]);
    const values = { ...emptyValues(), municipality: PLACE, place: 'Lejas pagasts' };
    expect(placeMatches(two, values).map((m) => m.municipality)).toEqual(['liepaja', 'talsu-novads']);
    await expect(stepSchema('municipality', two).validate(values)).rejects.toThrow(ERROR_KEYS.placeChoose);
    await expect(
      stepSchema('municipality', two).validate({ ...values, placeChoice: 'kuldigas-novads' }),
    ).rejects.toThrow(ERROR_KEYS.placeChoose);
    const chosen = { ...values, placeChoice: 'talsu-novads' };
    await expect(stepSchema('municipality', two).validate(chosen)).resolves.toBeTruthy();
    expect(municipalityFromValues(two, chosen)).toBe('talsu-novads');
    expect(municipalityFromValues(two, values)).toBeNull();
  });
});
