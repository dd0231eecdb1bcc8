import { describe, expect, it } from 'vitest';
import { counterpartOf, langParam, pageIdOf, pathFor, variantFromParam, variantOf } from '../../../src/domain/routes';

describe('routes: every page has its counterpart', () => {
  it('maps Latvian pages to /viegli/ and back', () => {
    expect(counterpartOf('/')).toBe('/viegli/');
    expect(counterpartOf('/viegli/')).toBe('/');
    expect(counterpartOf('/pakalpojumi/atelpas-bridis/')).toBe('/viegli/pakalpojumi/atelpas-bridis/');
    expect(counterpartOf('/viegli/pasvaldibas/liepaja/')).toBe('/pasvaldibas/liepaja/');
  });

  it('is its own inverse', () => {
    for (const p of ['/', '/vardnica/', '/audzugimenem/pieteikums/', '/viegli/kontakti/']) {
      expect(counterpartOf(counterpartOf(p))).toBe(p);
    }
  });

  it('does not mistake a path that merely starts with "viegli" for the easy-read version', () => {
    expect(variantOf('/vieglie-vardi/')).toBe('lv');
    expect(variantOf('/viegli')).toBe('easy');
    expect(pageIdOf('/viegli')).toBe('/');
  });

  it('relates the [...lang] route parameter to the variant', () => {
    expect(variantFromParam(undefined)).toBe('lv');
    expect(variantFromParam('viegli')).toBe('easy');
    expect(variantFromParam('en')).toBeNull();
    expect(langParam('easy')).toBe('viegli');
    expect(langParam('lv')).toBeUndefined();
  });

  it('rejects relative paths', () => {
    expect(() => pathFor('easy', 'pakalpojumi/')).toThrow(/must start/);
  });
});
