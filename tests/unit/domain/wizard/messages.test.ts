/**
 * The wizard's UI strings against the wizard: every question has its texts in both
 * versions, the error messages are exactly the schema's keys, and the easy-read strings
 * keep to the one easy-read limit.
 */
import { describe, expect, it } from 'vitest';
import { localeStrings } from '../../../helpers/locales';
import { FACT_ORDER } from '../../../../src/domain/eligibility/index';
import { MAX_WORDS, easyLineProblem } from '../../../../src/domain/model/index';
import { ERROR_KEYS, FIXED_WORDING, questionSpec, wordingFor } from '../../../../src/domain/wizard/index';

describe.each(['lv', 'lv-easy'])('%s/wizard.json', (locale) => {
  const strings = localeStrings(locale, 'wizard');

  it('has exactly the error keys the step schemas produce', () => {
    const errorKeys = Object.keys(strings).filter((k) => k.startsWith('errors.'));
    expect(errorKeys.sort()).toEqual([...new Set(Object.values(ERROR_KEYS))].sort());
  });

  it.each([...FACT_ORDER])('asks %s in the words of whoever answers, with its label and options', (fact) => {
    if (FIXED_WORDING.includes(fact)) expect(strings[`q.${fact}.title`]).toEqual(expect.any(String));
    else {
      // Every wording the wizard can choose for this question.
      const wordings = new Set(
        (['self', 'parent', 'support-person', 'professional'] as const).flatMap((filledBy) =>
          (['child', 'adult', 'child-in-care', 'foster', 'other'] as const).map((group) =>
            wordingFor(fact, { group, filledBy }),
          ),
        ),
      );
      for (const w of wordings)
        expect(strings[`q.${fact}.title.${w}`], `q.${fact}.title.${w}`).toEqual(expect.any(String));
    }
    expect(strings[`q.${fact}.label`]).toEqual(expect.any(String));
    const spec = questionSpec(fact);
    if (spec.kind === 'choice' && !spec.options.includes('yes'))
      for (const o of spec.options) expect(strings[`q.${fact}.options.${o}`], o).toEqual(expect.any(String));
  });

  it('says nothing of the questions the rules no longer ask', () => {
    expect(Object.keys(strings).filter((k) => /parentsWorkOrStudy|supportPlan/.test(k))).toEqual([]);
  });

  it('names the care settings as the issue words them', () => {
    expect(String(strings['q.careSetting.options.family']).toLowerCase()).toContain('audžuģimenē vai pie aizbildņa');
    expect(String(strings['q.careSetting.options.institution']).toLowerCase()).toContain('bērnu aprūpes iestādē');
  });
});

describe('easy-read wizard strings', () => {
  const easy = localeStrings('lv-easy', 'wizard');
  it(`use short sentences (at most ${MAX_WORDS} words each)`, () => {
    for (const text of Object.values(easy) as string[]) expect(easyLineProblem(text, true), text).toBeNull();
  });
});

describe('the verdict words', () => {
  const lv = localeStrings('lv', 'wizard');
  it('are the ones the rules README names', () => {
    expect(lv['result.likely']).toBe('Varētu derēt');
    expect(lv['result.maybe']).toBe('Jānoskaidro');
    expect(lv['result.first']).toBe('Vispirms vajadzīgs cits solis');
  });
});
