/**
 * `checkContent`: what the schemas of single files cannot see. Each case breaks the real
 * content (loaded once) in memory and expects the file and the field named.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, isCurrentSource, type Content, type Source } from '../../../../src/domain/model/index';
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

  it("refuses an editor's note in any collection, a source's note or a glossary entry too", () => {
    const problems = problemsAfter((c) => ({
      ...c,
      sources: c.sources.map((s, i) => (i === 0 ? { ...s, note: 'Jāpārbauda oficiālā avotā.' } : s)),
      glossary: c.glossary.map((g, i) =>
        i === 0 ? { ...g, lv: { ...g.lv, definition: `${g.lv.definition} TODO` } } : g,
      ),
    }));
    expect(problems.filter((p) => p.includes("editor's note"))).toHaveLength(2);
    expect(problems.some((p) => p.includes(': note: ') && p.includes('jāpārbaud'))).toBe(true);
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

  it('names a target group that does not exist', () => {
    expect(
      problemsAfter((c) => ({
        ...c,
        services: c.services.map((s) => (s.id === 'dac' ? { ...s, groups: ['pieaugusie'] } : s)),
      })),
    ).toEqual(['content/services/dac.yaml: groups[0]: unknown target group "pieaugusie"']);
  });

  it('names an abbreviation the glossary does not explain', () => {
    expect(
      problemsAfter((c) => ({
        ...c,
        services: c.services.map((s) =>
          s.id === 'dac' ? { ...s, easy: { ...s.easy, apply: [...s.easy.apply, 'Jautājiet PVD.'] } } : s,
        ),
      })),
    ).toEqual([
      expect.stringMatching(
        /^content\/services\/dac\.yaml: easy\.apply\[\d+\]: abbreviation "PVD" is not explained in the glossary/,
      ),
    ]);
  });

  it('requires the eight municipalities', () => {
    expect(
      problemsAfter((c) => ({ ...c, municipalities: c.municipalities.filter((m) => m.id !== 'tukuma-novads') })),
    ).toContain('content/municipalities/tukuma-novads.yaml: missing (every municipality needs its file)');
  });

  it('a present-tense rule resting only on the project documents fails; history may cite them', () => {
    const seedOnly = problemsAfter((c) => ({
      ...c,
      services: c.services.map((s) =>
        s.id === 'aprupe-berniem'
          ? {
              ...s,
              lv: {
                ...s.lv,
                limits: [{ text: 'Līdz 50 stundām nedēļā.', cite: [{ source: '004_ada58cefa1340f78.txt' }] }],
              },
            }
          : s,
      ),
    }));
    expect(seedOnly).toContain(
      'content/services/aprupe-berniem.yaml: lv.limits[0]: a rule shown as current rests only on old sources (cite an act or an official page dated 2021 or later)',
    );
  });

  it("a municipality's rule names a municipality of the region; two ids for one page are refused", () => {
    const problems = problemsAfter((c) => ({
      ...c,
      services: c.services.map((s) =>
        s.id === 'dac'
          ? {
              ...s,
              local: { ...s.local, riga: { lv: { text: 'Teksts.', cite: [{ source: 'spspl' }] }, easy: ['Teksts.'] } },
            }
          : s,
      ),
      sources: [...c.sources, { ...(c.sources.find((x) => x.id === 'spspl') as Source), id: 'spspl-2' }],
    }));
    expect(problems).toContain('content/services/dac.yaml: local.riga: unknown municipality "riga"');
    expect(problems.some((p) => /spspl-2: the same page as "spspl"/u.test(p))).toBe(true);
  });
});

describe('isCurrentSource', () => {
  const base: Source = {
    id: 'x',
    title: 'X',
    kind: 'official',
    url: 'https://example.lv/',
    date: null,
    approx: false,
    read: new Date('2026-11-30'),
  };
  it('the project documents never; an act in force always, a repealed one never', () => {
    expect(isCurrentSource({ ...base, kind: 'seed' })).toBe(false);
    expect(isCurrentSource({ ...base, kind: 'law', date: { year: 2002 } })).toBe(true);
    expect(isCurrentSource({ ...base, kind: 'municipal-law', date: { year: 2018 }, inForce: false })).toBe(false);
  });
  it('an undated official page yes, an undated municipal page or press no; a page dated 2021 or later yes', () => {
    expect(isCurrentSource(base)).toBe(true);
    expect(isCurrentSource({ ...base, kind: 'municipal' })).toBe(false);
    expect(isCurrentSource({ ...base, kind: 'press', date: { year: 2020 } })).toBe(false);
    expect(isCurrentSource({ ...base, kind: 'press', date: { year: 2025, month: 11 } })).toBe(true);
  });
});
