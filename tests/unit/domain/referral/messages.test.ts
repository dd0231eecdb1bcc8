import { describe, expect, it } from 'vitest';
import { localeStrings } from '../../../helpers/locales';
import { MAX_WORDS, easyLineProblem } from '../../../../src/domain/model/index';
import { REFERRAL_ERROR_KEYS, REFERRAL_ERROR_VALUES } from '../../../../src/domain/referral/index';

describe.each(['lv', 'lv-easy'])('%s/referral.json', (locale) => {
  const messages = localeStrings(locale, 'referral');

  it('has exactly the error keys the schema produces', () => {
    // The same file also holds the forms' labels and texts (outside "errors").
    const errorKeys = Object.keys(messages).filter((k) => k.startsWith('errors.'));
    expect(errorKeys.sort()).toEqual([...REFERRAL_ERROR_KEYS].sort());
  });

  it.each([...REFERRAL_ERROR_KEYS])('%s is a sentence with the right interpolations', (key) => {
    const text = messages[key];
    expect(typeof text).toBe('string');
    expect((text as string).trim()).not.toBe('');
    expect(text).not.toContain('errors.');
    const used = [...(text as string).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    expect(used).toEqual([...(REFERRAL_ERROR_VALUES[key] ?? [])].sort());
  });
});

describe('easy-read messages', () => {
  const easy = localeStrings('lv-easy', 'referral');
  it(`use short sentences (at most ${MAX_WORDS} words each, the one easy-read limit)`, () => {
    for (const text of Object.values(easy) as string[]) {
      expect(easyLineProblem(text, true), text).toBeNull();
    }
  });
});
