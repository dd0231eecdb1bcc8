/**
 * The content model's schemas on real files, one field broken at a time: each mistake is
 * refused naming the file and the field, in milliseconds (the build and the server use the
 * same schemas; tests/integration/content-errors.test.ts runs Astro on a broken copy once).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemas, validateEntry } from '../../../../src/domain/model/index';
import { isEmailAddress } from '../../../../src/domain/referral/index';
import { DEFAULT_CONTENT_DIR } from '../../../../server/content';

type Data = Record<string, unknown>;
const read = (file: string): Data => parse(readFileSync(join(DEFAULT_CONTENT_DIR, file), 'utf8')) as Data;
const obj = (v: unknown): Data => v as Data;

function problems(schema: Parameters<typeof validateEntry>[0], data: unknown, file: string): string[] {
  const r = validateEntry(schema, data, file);
  return r.ok ? [] : r.problems;
}

describe('service', () => {
  const file = 'content/services/dac.yaml';
  it('accepts the real file', () => {
    expect(problems(schemas.service, read('services/dac.yaml'), file)).toEqual([]);
  });

  it('a missing field', () => {
    const data = read('services/dac.yaml');
    delete obj(data['lv'])['summary'];
    delete data['asOf'];
    expect(problems(schemas.service, data, file)).toEqual([`${file}: asOf: missing`, `${file}: lv.summary: missing`]);
  });

  it('a wrong type and an unknown field', () => {
    const data = { ...read('services/dac.yaml'), order: 'first', colour: 'green' };
    expect(problems(schemas.service, data, file)).toEqual([
      `${file}: order: expected number, got string`,
      `${file}: colour: unknown field`,
    ]);
  });

  it('an icon that has no picture', () => {
    expect(problems(schemas.service, { ...read('services/dac.yaml'), icon: 'rocket' }, file)).toEqual([
      expect.stringMatching(/^content\/services\/dac\.yaml: icon: expected "family" \| "child" .*, got "rocket"$/),
    ]);
  });

  it('an easy-read list left empty where the Latvian one has items', () => {
    const data = read('services/atelpas-bridis.yaml');
    const lv = obj(data['lv'])['includes'] as unknown[];
    obj(data['easy'])['includes'] = [];
    expect(lv.length).toBeGreaterThan(0);
    expect(problems(schemas.service, data, 'content/services/atelpas-bridis.yaml')).toEqual([
      `content/services/atelpas-bridis.yaml: easy.includes: empty, but lv.includes has ${lv.length} items`,
    ]);
  });

  it('an easy-read line of 16 words, and two sentences on one line', () => {
    const data = read('services/dac.yaml');
    const easy = obj(data['easy']);
    easy['what'] = [
      'Viens divi trīs četri pieci seši septiņi astoņi deviņi desmit vienpadsmit divpadsmit trīspadsmit četrpadsmit piecpadsmit sešpadsmit.',
      'Zvaniet. Rakstiet.',
    ];
    expect(problems(schemas.service, data, file)).toEqual([
      expect.stringMatching(/^content\/services\/dac\.yaml: easy\.what\[0\]: 16 words \(max 15\)/),
      expect.stringMatching(/^content\/services\/dac\.yaml: easy\.what\[1\]: 2 sentences on one line/),
    ]);
  });
});

describe('municipality contacts', () => {
  const file = 'content/municipalities/ventspils.yaml';
  it('a note without its easy-read text', () => {
    const data = read('municipalities/ventspils.yaml');
    const social = obj(data['socialService']);
    social['note'] = 'Darba laiks: darba dienās.';
    delete social['noteEasy'];
    expect(problems(schemas.municipality, data, file)).toEqual([
      `${file}: socialService.noteEasy: the easy-read text of \`note\` is missing`,
    ]);
  });

  it('a phone that is not a phone number', () => {
    const data = read('municipalities/ventspils.yaml');
    obj(data['socialService'])['phones'] = ['zvaniet'];
    expect(problems(schemas.municipality, data, file)).toEqual([
      `${file}: socialService.phones[0]: not a phone number (7–15 digits)`,
    ]);
  });

  it.each([
    'socialais.dienests@dkn',
    'soc dienests@dkn.lv',
    'dienests@kuldiga.lv,',
    'x@-kuldiga.lv',
    'dienests@kuldiga.lv',
  ])('an e-mail address passes exactly when the server would route to it: %s', (address) => {
    const data = read('municipalities/ventspils.yaml');
    obj(data['socialService'])['email'] = address;
    const refused = problems(schemas.municipality, data, file);
    expect(refused.length === 0).toBe(isEmailAddress(address));
    if (!isEmailAddress(address))
      expect(refused).toEqual([`${file}: socialService.email: not an e-mail address the server accepts`]);
  });
});

describe('the other collections accept their real files', () => {
  it.each([
    ['target-groups/berni-ar-ft.yaml', schemas.targetGroup],
    ['locations/kuldiga.yaml', schemas.location],
    ['glossary/vdeavk.yaml', schemas.glossaryEntry],
    ['pages/kontakti.yaml', schemas.page],
  ] as const)('%s', (path, schema) => {
    expect(problems(schema, read(path), `content/${path}`)).toEqual([]);
  });

  it('a location with a date that is not a date', () => {
    const data = { ...read('locations/kuldiga.yaml'), due: 'drīz' };
    expect(problems(schemas.location, data, 'content/locations/kuldiga.yaml')).toEqual([
      'content/locations/kuldiga.yaml: due: Invalid date',
    ]);
  });
});
