import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  REFERENCE_ALPHABET,
  generateReference,
  isReference,
  parseReference,
} from '../../../../src/domain/referral/index';

describe('references', () => {
  it('have the form KV-XXXX-XXXX', () => {
    for (let i = 0; i < 100; i += 1) expect(generateReference(randomBytes)).toMatch(/^KV-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('use an alphabet without ambiguous characters', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(31);
    for (const ch of '01OIL') expect(REFERENCE_ALPHABET).not.toContain(ch);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      for (const ch of generateReference(randomBytes).slice(3).replace('-', '')) seen.add(ch);
    }
    for (const ch of seen) expect(REFERENCE_ALPHABET).toContain(ch);
    // Every symbol shows up: the mapping reaches the whole alphabet.
    expect(seen.size).toBe(31);
  });

  it('are unique over 10,000 draws', () => {
    const refs = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) refs.add(generateReference(randomBytes));
    expect(refs.size).toBe(10_000);
  });

  it('come from the random source passed in (and drop biased bytes)', () => {
    // 248..255 would bias `byte % 31`; they must be skipped, not mapped.
    const bytes = [255, 248, 0, 1, 2, 3, 4, 5, 6, 7, 30];
    const source = (size: number): Uint8Array => Uint8Array.from({ length: size }, (_, i) => bytes[i] ?? 0);
    expect(generateReference(source)).toBe('KV-2345-6789');
  });

  it('validate strictly and parse what people type', () => {
    expect(isReference('KV-ABCD-EFGH')).toBe(true);
    expect(isReference('KV-ABCD-EFG')).toBe(false);
    expect(isReference('kv-abcd-efgh')).toBe(false);
    expect(isReference('KV-AB0D-EFGH')).toBe(false);
    expect(isReference('KV-ABCD-EFGI')).toBe(false);
    expect(isReference('KV-ABCD-EFGL')).toBe(false);
    expect(isReference('KV-ABCD-EFGH\n')).toBe(false);
    expect(parseReference(' kv abcd efgh ')).toBe('KV-ABCD-EFGH');
    expect(parseReference('abcdefgh')).toBe('KV-ABCD-EFGH');
    expect(parseReference('KV-ABCD-EFG0')).toBeNull();
  });
});
