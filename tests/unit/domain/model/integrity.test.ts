/**
 * `checkContent`: what the schemas of single files cannot see. Each case breaks the real
 * content (loaded once) in memory and expects the file and the field named.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type Content } from '../../../../src/domain/model/index';
import { loadContent } from '../../../../server/content';

const real = loadContent();

/** A change of the real content, checked. */
function problemsAfter(change: (c: Content) => Content): string[] {
  return checkContent(change(structuredClone(real)));
}

describe('checkContent', () => {
  it('passes the real content', () => {
    expect(checkContent(real)).toEqual([]);
  });

  it('names the file and the field of an unknown id', () => {
    expect(
      problemsAfter((c) => ({
        ...c,
        locations: c.locations.map((l) =>
          l.id === 'kuldiga'
            ? { ...l, municipality: 'rīga', offers: l.offers.map((o, i) => (i === 1 ? { ...o, service: 'dacc' } : o)) }
            : l,
        ),
      })),
    ).toEqual([
      'content/locations/kuldiga.yaml: municipality: unknown municipality "rīga"',
      'content/locations/kuldiga.yaml: offers[1].service: unknown service "dacc"',
    ]);
  });

  it('names an unknown source anywhere in an entry', () => {
    expect(
      problemsAfter((c) => ({
        ...c,
        municipalities: c.municipalities.map((m) =>
          m.id === 'liepaja' ? { ...m, orphansCourt: { ...m.orphansCourt, source: ['nav-tada'] } } : m,
        ),
      })),
    ).toEqual(['content/municipalities/liepaja.yaml: orphansCourt.source[0]: unknown source "nav-tada"']);
  });

  it('names a target group or service that does not exist', () => {
    expect(
      problemsAfter((c) => ({
        ...c,
        services: c.services.map((s) => (s.id === 'dac' ? { ...s, groups: ['pieaugusie'] } : s)),
        targetGroups: c.targetGroups.map((g) =>
          g.id === 'berni-ar-ft' ? { ...g, services: [...g.services, 'nav-tada'] } : g,
        ),
      })),
    ).toEqual([
      'content/services/dac.yaml: groups[0]: unknown target group "pieaugusie"',
      expect.stringMatching(/^content\/target-groups\/berni-ar-ft\.yaml: services\[\d+\]: unknown service "nav-tada"$/),
    ]);
  });

  it('names an abbreviation the glossary does not explain', () => {
    expect(
      problemsAfter((c) => ({
        ...c,
        services: c.services.map((s) =>
          s.id === 'dac' ? { ...s, easy: { ...s.easy, apply: [...s.easy.apply, 'Jautājiet VSAA.'] } } : s,
        ),
      })),
    ).toEqual([
      expect.stringMatching(
        /^content\/services\/dac\.yaml: easy\.apply\[\d+\]: abbreviation "VSAA" is not explained in the glossary/,
      ),
    ]);
  });

  it('requires the eight municipalities', () => {
    expect(
      problemsAfter((c) => ({ ...c, municipalities: c.municipalities.filter((m) => m.id !== 'tukuma-novads') })),
    ).toEqual(['content/municipalities/tukuma-novads.yaml: missing (every municipality needs its file)']);
  });
});
