import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_WORDS, easyLineProblem } from '../../../../src/domain/model/index';
import { REFERRAL_ERROR_KEYS, REFERRAL_ERROR_VALUES } from '../../../../src/domain/referral/index';

const LOCALES = join(import.meta.dirname, '../../../../src/i18n/locales');

function flatten(obj: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof obj !== 'object' || obj === null) {
    out[prefix] = obj;
    return out;
  }
  for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

describe.each(['lv', 'lv-easy'])('%s/referral.json', (locale) => {
  const messages = flatten(JSON.parse(readFileSync(join(LOCALES, locale, 'referral.json'), 'utf8')));

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
  const easy = flatten(JSON.parse(readFileSync(join(LOCALES, 'lv-easy', 'referral.json'), 'utf8')));
  it(`use short sentences (at most ${MAX_WORDS} words each, the one easy-read limit)`, () => {
    for (const text of Object.values(easy) as string[]) {
      expect(easyLineProblem(text, true), text).toBeNull();
    }
  });
});
