import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../../../src/domain/content/integrity';

const known = {
  services: new Set(['dac', 'gvpp']),
  municipalities: new Set(['liepaja']),
  sources: new Set(['002_1d3f57242e25ac0b.txt']),
};

describe('checkReferences', () => {
  it('accepts references to existing entries', () => {
    const data = {
      municipality: { collection: 'municipalities', id: 'liepaja' },
      offers: [{ service: { collection: 'services', id: 'gvpp' }, label: 'ĢVPP' }],
      source: [{ collection: 'sources', id: '002_1d3f57242e25ac0b.txt' }],
      asOf: new Date('2023-05-01'),
    };
    expect(checkReferences([{ file: 'content/locations/liepaja.yaml', data }], known)).toEqual([]);
  });

  it('names the file and the field of an unknown reference', () => {
    const data = {
      municipality: { collection: 'municipalities', id: 'rīga' },
      offers: [
        { service: { collection: 'services', id: 'dac' } },
        { service: { collection: 'services', id: 'dacc' } },
      ],
    };
    expect(checkReferences([{ file: 'content/locations/x.yaml', data }], known)).toEqual([
      'content/locations/x.yaml: municipality: unknown municipalities id "rīga"',
      'content/locations/x.yaml: offers[1].service: unknown services id "dacc"',
    ]);
  });
});
