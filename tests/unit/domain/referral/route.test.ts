import { describe, expect, it } from 'vitest';
import {
  MUNICIPALITY_IDS,
  buildRoutingTable,
  parseRoutingOverrides,
  placeholderAddress,
  plainRefusedRoutes,
  routeFor,
  routingProblems,
  routingTableToJson,
} from '../../../../src/domain/referral/index';
import type { MunicipalityOffices } from '../../../../src/domain/model/index';
import { fixtureMunicipalities } from './fixtures';

describe('routeFor', () => {
  const table = buildRoutingTable(fixtureMunicipalities());

  // All 8 × 2 routes, written out: a service request goes to the social service, a
  // foster enquiry to the orphans' court of the same municipality.
  it.each([
    ['liepaja', 'service', 'socialais-dienests@liepaja.example.test'],
    ['liepaja', 'foster', 'barintiesa@liepaja.example.test'],
    ['ventspils', 'service', 'socialais-dienests@ventspils.example.test'],
    ['ventspils', 'foster', 'barintiesa@ventspils.example.test'],
    ['dienvidkurzemes-novads', 'service', 'socialais-dienests@dienvidkurzemes-novads.example.test'],
    ['dienvidkurzemes-novads', 'foster', 'barintiesa@dienvidkurzemes-novads.example.test'],
    ['kuldigas-novads', 'service', 'socialais-dienests@kuldigas-novads.example.test'],
    ['kuldigas-novads', 'foster', 'barintiesa@kuldigas-novads.example.test'],
    ['saldus-novads', 'service', 'socialais-dienests@saldus-novads.example.test'],
    ['saldus-novads', 'foster', 'barintiesa@saldus-novads.example.test'],
    ['talsu-novads', 'service', 'socialais-dienests@talsu-novads.example.test'],
    ['talsu-novads', 'foster', 'barintiesa@talsu-novads.example.test'],
    ['ventspils-novads', 'service', 'socialais-dienests@ventspils-novads.example.test'],
    ['ventspils-novads', 'foster', 'barintiesa@ventspils-novads.example.test'],
    ['tukuma-novads', 'service', 'socialais-dienests@tukuma-novads.example.test'],
    ['tukuma-novads', 'foster', 'barintiesa@tukuma-novads.example.test'],
  ] as const)('%s %s → %s', (id, type, email) => {
    const route = routeFor(table, type, id);
    expect(route).toMatchObject({
      municipalityId: id,
      type,
      email,
      verified: true,
      placeholder: false,
      source: 'content',
    });
  });

  it('covers every municipality and nothing else', () => {
    expect([...table.keys()]).toEqual([...MUNICIPALITY_IDS]);
  });

  it('refuses an unknown municipality', () => {
    expect(() => routeFor(table, 'service', 'riga')).toThrow(/riga/);
  });
});

describe('unknown addresses', () => {
  const municipalities: MunicipalityOffices[] = fixtureMunicipalities().map((m) =>
    m.id === 'ventspils'
      ? {
          ...m,
          service: { name: null, email: null, verified: true, personalDataByEmail: true, regNo: null },
          foster: { name: null, email: null, verified: false, personalDataByEmail: true, regNo: null },
        }
      : m,
  );
  const table = buildRoutingTable(municipalities);

  it('route to a placeholder on the reserved .invalid domain, never verified', () => {
    expect(routeFor(table, 'service', 'ventspils')).toMatchObject({
      email: 'socialais-dienests.ventspils@nezinams.invalid',
      verified: false,
      placeholder: true,
      source: 'placeholder',
    });
    expect(routeFor(table, 'foster', 'ventspils').email).toBe('barintiesa.ventspils@nezinams.invalid');
    expect(placeholderAddress('foster', 'liepaja')).toBe('barintiesa.liepaja@nezinams.invalid');
  });

  it('are production problems, named by municipality and type', () => {
    const problems = routingProblems(table);
    expect(problems.map((p) => [p.municipalityId, p.type, p.problem])).toEqual([
      ['ventspils', 'service', 'placeholder'],
      ['ventspils', 'foster', 'placeholder'],
    ]);
    expect(problems[0]?.message).toContain('ventspils');
    expect(problems[0]?.message).toContain('service');
  });
});

describe('overrides', () => {
  it('replace any address and carry their own verified flag', () => {
    const municipalities = fixtureMunicipalities().map((m) =>
      m.id === 'saldus-novads'
        ? { ...m, foster: { name: null, email: null, verified: false, personalDataByEmail: true, regNo: null } }
        : m,
    );
    const table = buildRoutingTable(municipalities, {
      'saldus-novads': { foster: { email: 'barintiesa@saldus.example.test', verified: true } },
      liepaja: { service: { email: 'jauna@liepaja.example.test', verified: false } },
    });
    expect(routeFor(table, 'foster', 'saldus-novads')).toMatchObject({
      email: 'barintiesa@saldus.example.test',
      verified: true,
      placeholder: false,
      source: 'override',
    });
    expect(routeFor(table, 'service', 'liepaja')).toMatchObject({
      email: 'jauna@liepaja.example.test',
      verified: false,
      source: 'override',
    });
    // Untouched routes stay as content has them.
    expect(routeFor(table, 'foster', 'liepaja').source).toBe('content');
    expect(routingProblems(table).map((p) => `${p.municipalityId}/${p.type}/${p.problem}`)).toEqual([
      'liepaja/service/unverified',
    ]);
  });

  it('cannot verify a .invalid address', () => {
    const table = buildRoutingTable(fixtureMunicipalities(), {
      'talsu-novads': { service: { email: 'x@nezinams.invalid', verified: true } },
    });
    expect(routeFor(table, 'service', 'talsu-novads')).toMatchObject({ verified: false, placeholder: true });
    expect(routingProblems(table)).toHaveLength(1);
  });

  it('for an unknown municipality are refused', () => {
    expect(() =>
      buildRoutingTable(fixtureMunicipalities(), {
        riga: { service: { email: 'a@riga.example.test', verified: true } },
      }),
    ).toThrow(/riga/);
  });
});

describe('routingProblems', () => {
  it('is empty when every route is verified', () => {
    expect(routingProblems(buildRoutingTable(fixtureMunicipalities()), MUNICIPALITY_IDS)).toEqual([]);
  });

  it('lists every unverified route and every missing municipality', () => {
    const municipalities = fixtureMunicipalities()
      .filter((m) => m.id !== 'tukuma-novads')
      .map((m) => (m.id === 'liepaja' ? { ...m, service: { ...m.service, verified: false } } : m));
    const problems = routingProblems(buildRoutingTable(municipalities), MUNICIPALITY_IDS);
    expect(problems.map((p) => `${p.municipalityId}/${p.type ?? '-'}/${p.problem}`)).toEqual([
      'tukuma-novads/-/missing',
      'liepaja/service/unverified',
    ]);
  });
});

describe('offices that take no personal data by ordinary e-mail', () => {
  const refusing = fixtureMunicipalities().map((m) =>
    m.id === 'saldus-novads'
      ? { ...m, service: { ...m.service, personalDataByEmail: false, regNo: '90000000001' } }
      : m,
  );

  it('carry that, and their e-address, into the route', () => {
    const route = routeFor(buildRoutingTable(refusing), 'service', 'saldus-novads');
    expect(route).toMatchObject({ personalDataByEmail: false, regNo: '90000000001', pgpKeyFile: null });
  });

  it('stop a production start until the routing file gives them a key', () => {
    const table = buildRoutingTable(refusing);
    expect(plainRefusedRoutes(table).map((r) => `${r.municipalityId}/${r.type}`)).toEqual(['saldus-novads/service']);
    const problems = routingProblems(table);
    expect(problems.map((p) => `${p.municipalityId}/${p.type}/${p.problem}`)).toEqual([
      'saldus-novads/service/plain-refused',
    ]);
    expect(problems[0]?.message).toMatch(/no personal data by ordinary e-mail.*pgpKeyFile.*ROUTING_FILE/);
    const keyed = buildRoutingTable(refusing, {
      'saldus-novads': { service: { email: 'sd@saldus.example.test', verified: true, pgpKeyFile: '/k.asc' } },
    });
    expect(routingProblems(keyed)).toEqual([]);
    expect(plainRefusedRoutes(keyed)).toEqual([]);
  });
});

describe('buildRoutingTable', () => {
  it('refuses a municipality listed twice and an address that is not one', () => {
    const [first] = fixtureMunicipalities();
    if (!first) throw new Error('fixture');
    expect(() => buildRoutingTable([first, first])).toThrow(/twice/);
    expect(() =>
      buildRoutingTable([
        {
          ...first,
          service: { name: null, email: 'not an address', verified: true, personalDataByEmail: true, regNo: null },
        },
      ]),
    ).toThrow(/e-mail/);
  });

  it('prints as the routing-file shape', () => {
    const json = routingTableToJson(buildRoutingTable(fixtureMunicipalities()));
    expect(Object.keys(json)).toHaveLength(8);
    expect(json['liepaja']).toEqual({
      service: 'socialais-dienests@liepaja.example.test',
      foster: 'barintiesa@liepaja.example.test',
      verified: { service: true, foster: true },
    });
  });
});

describe('parseRoutingOverrides', () => {
  const ids = [...MUNICIPALITY_IDS];

  it('reads a partial file; a route without a flag is unverified', () => {
    const result = parseRoutingOverrides(
      {
        liepaja: { service: ' a@liepaja.example.test ', verified: { service: true } },
        'talsu-novads': { foster: 'b@talsi.example.test' },
      },
      ids,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        liepaja: { service: { email: 'a@liepaja.example.test', verified: true } },
        'talsu-novads': { foster: { email: 'b@talsi.example.test', verified: false } },
      },
    });
  });

  it('reads an office key file beside the address it encrypts for, and prints it back', () => {
    const result = parseRoutingOverrides(
      {
        'saldus-novads': {
          service: 'sd@saldus.example.test',
          verified: { service: true },
          pgpKeyFile: { service: ' keys/saldus-sd.asc ' },
        },
      },
      ids,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        'saldus-novads': {
          service: { email: 'sd@saldus.example.test', verified: true, pgpKeyFile: 'keys/saldus-sd.asc' },
        },
      },
    });
    if (!result.ok) return;
    const table = buildRoutingTable(fixtureMunicipalities(), result.value);
    expect(routeFor(table, 'service', 'saldus-novads').pgpKeyFile).toBe('keys/saldus-sd.asc');
    expect(routeFor(table, 'foster', 'saldus-novads').pgpKeyFile).toBeNull();
    expect(routingTableToJson(table)['saldus-novads']?.pgpKeyFile).toEqual({ service: 'keys/saldus-sd.asc' });
  });

  it('refuses a key file without its address, of the wrong type or an unknown kind', () => {
    const result = parseRoutingOverrides(
      {
        'saldus-novads': { pgpKeyFile: { foster: 'k.asc' } },
        liepaja: { service: 'a@liepaja.example.test', pgpKeyFile: { service: 7, fax: 'x' } },
        ventspils: { service: 'a@ventspils.example.test', pgpKeyFile: 'k.asc' },
      },
      ids,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^saldus-novads\.pgpKeyFile\.foster: given without/),
        expect.stringMatching(/^liepaja\.pgpKeyFile\.service: must be the path/),
        expect.stringMatching(/^liepaja\.pgpKeyFile\.fax: unknown key/),
        expect.stringMatching(/^ventspils\.pgpKeyFile: must be an object/),
      ]),
    );
  });

  it('reads its own --json output back', () => {
    const json = routingTableToJson(buildRoutingTable(fixtureMunicipalities()));
    const result = parseRoutingOverrides(JSON.parse(JSON.stringify(json)), ids);
    expect(result.ok).toBe(true);
  });

  it('names every problem', () => {
    const result = parseRoutingOverrides(
      {
        riga: { service: 'a@riga.example.test' },
        liepaja: { service: 'not-an-address', fax: '1', verified: { foster: true, service: 'yes' } },
        ventspils: 'x',
      },
      ids,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^riga: unknown municipality/),
        expect.stringMatching(/^liepaja\.service: must be an e-mail address/),
        expect.stringMatching(/^liepaja\.fax: unknown key/),
        expect.stringMatching(/^liepaja\.verified\.service: must be true or false/),
        expect.stringMatching(/^liepaja\.verified\.foster: given without/),
        expect.stringMatching(/^ventspils: must be an object/),
      ]),
    );
    expect(parseRoutingOverrides([], ids).ok).toBe(false);
  });
});
