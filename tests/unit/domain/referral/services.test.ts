import { describe, expect, it } from 'vitest';
import { servicesFirstFor } from '../../../../src/domain/referral/services';
import { loadContent } from '../../../../server/content';
import { islandServices } from '../../../../src/site/island-props';

const S = [
  { id: 'a', groups: ['child', 'adult'] },
  { id: 'b', groups: ['child'] },
  { id: 'c', groups: ['adult'] },
];

describe('servicesFirstFor', () => {
  it('lists every service, in order, before a group is chosen', () => {
    expect(servicesFirstFor(S, '')).toEqual({ first: S, others: [] });
  });
  it("lists the group's services first and folds the others, each in the content's order", () => {
    expect(servicesFirstFor(S, 'child')).toEqual({ first: [S[0], S[1]], others: [S[2]] });
    expect(servicesFirstFor(S, 'adult')).toEqual({ first: [S[0], S[2]], others: [S[1]] });
  });
  it('lists every service for a group the rules suggest none of them for', () => {
    expect(servicesFirstFor(S, 'other')).toEqual({ first: S, others: [] });
  });
});

describe('the request form, from the real content and rules', () => {
  const content = loadContent();
  const services = islandServices(content, 'lv');
  const ids = (list: readonly { id: string }[]): string[] => list.map((s) => s.id);

  it("lists a child's services first and folds the adults' own", () => {
    const { first, others } = servicesFirstFor(services, 'child');
    expect(ids(first)).toEqual(expect.arrayContaining(['atelpas-bridis', 'aprupe-berniem', 'vajadzibu-izvertesana']));
    expect(ids(others)).toEqual(expect.arrayContaining(['dac', 'specializetas-darbnicas', 'grupu-dzivoklis']));
    expect(ids(first)).not.toContain('dac');
  });
  it("lists an adult's services first and folds the children's own", () => {
    const { first, others } = servicesFirstFor(services, 'adult');
    expect(ids(first)).toEqual(expect.arrayContaining(['dac', 'aprupe-majas', 'vajadzibu-izvertesana']));
    expect(ids(others)).toEqual(expect.arrayContaining(['rehabilitacija-berniem', 'dac-berniem']));
  });
  it('offers every requestable service somewhere, and only once', () => {
    for (const g of ['', 'child', 'adult', 'child-in-care', 'other']) {
      const { first, others } = servicesFirstFor(services, g);
      expect([...ids(first), ...ids(others)].sort(), g).toEqual(ids(services).sort());
    }
  });
});
