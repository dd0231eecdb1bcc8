import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildPlaceIndex,
  findPlace,
  normalizePlace,
  resolvePlace,
  type PlaceSource,
} from '../../../../src/domain/places';

// The real municipalities content, as the site and the forms use it.
const municipalities: PlaceSource[] = readdirSync('content/municipalities').map((f) => {
  const d = parse(readFileSync(`content/municipalities/${f}`, 'utf8')) as Omit<PlaceSource, 'id'>;
  return { id: f.replace(/\.yaml$/, ''), name: d.name, towns: d.towns, parishes: d.parishes, villages: d.villages };
});
const index = buildPlaceIndex(municipalities);
const where = (q: string): string[] => resolvePlace(index, q).map((m) => m.municipality);

describe('place name → municipality', () => {
  it.each([
    ['Aizpute', 'dienvidkurzemes-novads'],
    ['Rucavas pagasts', 'dienvidkurzemes-novads'],
    ['Rucava', 'dienvidkurzemes-novads'],
    ['rucavas pag.', 'dienvidkurzemes-novads'],
    ['Dzelda', 'kuldigas-novads'],
    ['dzelda', 'kuldigas-novads'],
    ['kuldiga', 'kuldigas-novads'],
    ['KULDĪGAS NOVADS', 'kuldigas-novads'],
    ['Kuldīgas nov.', 'kuldigas-novads'],
    ['Liepāja', 'liepaja'],
    ['liepajas valstspilseta', 'liepaja'],
    ['Ventspils', 'ventspils'],
    ['Ventspils novads', 'ventspils-novads'],
    ['Ugāle', 'ventspils-novads'],
    ['Roja', 'talsu-novads'],
    ['Mērsrags', 'talsu-novads'],
    ['  tukums ', 'tukuma-novads'],
    ['Brocēni', 'saldus-novads'],
  ])('%s → %s', (query, id) => {
    expect(where(query)).toEqual([id]);
  });

  it('finds nothing for a place outside the region', () => {
    expect(where('Nevienvieta')).toEqual([]);
    expect(where('Rīga')).toEqual([]);
    expect(where('')).toEqual([]);
  });

  it('says which place matched and what kind it is', () => {
    expect(resolvePlace(index, 'rucava')[0]).toEqual({
      municipality: 'dienvidkurzemes-novads',
      place: 'Rucava',
      kind: 'village',
    });
    expect(resolvePlace(index, 'Nīcas pagasts')[0]).toEqual({
      municipality: 'dienvidkurzemes-novads',
      place: 'Nīcas pagasts',
      kind: 'parish',
    });
  });

  it('lists every municipality when a name is used in several', () => {
    const twoPlaces = buildPlaceIndex([
      { id: 'a', name: 'A novads', towns: [], parishes: ['Lejas'], villages: [] },
      { id: 'b', name: 'B novads', towns: [], parishes: ['Lejas'], villages: [] },
    ]);
    expect(resolvePlace(twoPlaces, 'Leja').map((m) => m.municipality)).toEqual(['a', 'b']);
  });

  it('normalises case, diacritics, dots and spaces', () => {
    expect(normalizePlace('  Ēdoles   Pag. ')).toBe('edoles pag');
  });
});

describe('findPlace: the finder, with or without JavaScript', () => {
  it('says nothing was typed, nothing was found, one municipality, or several', () => {
    expect(findPlace(index, '  ')).toEqual({ kind: 'empty' });
    expect(findPlace(index, ' Nekurciems ')).toEqual({ kind: 'notFound', query: 'Nekurciems' });
    expect(findPlace(index, 'aizpute')).toMatchObject({
      kind: 'found',
      match: { municipality: 'dienvidkurzemes-novads', place: 'Aizpute', kind: 'town' },
    });
    const several = resolvePlace(index, 'Ventspils').length > 1 ? 'Ventspils' : null;
    if (several !== null) expect(findPlace(index, several).kind).toBe('several');
  });
});
