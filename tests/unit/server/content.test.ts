/**
 * `server/content.ts`: the content read in Node with the model's schemas and whole-content
 * check (a copy of the real content, changed per test), and the routing file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officesOf } from '../../../src/domain/model/index';
import {
  ContentError,
  RoutingFileError,
  loadContent,
  loadReferralContent,
  loadRoutingOverrides,
} from '../../../server/content';
import { contentCopy, editYaml } from '../../helpers/content';

let dir: string;
let remove: () => void;
beforeEach(() => {
  ({ dir, remove } = contentCopy());
});
afterEach(() => remove());

/** The problems `loadContent` reports. */
function problems(): string[] {
  try {
    loadContent(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return [...(error as ContentError).problems];
  }
  throw new Error('expected the content to be refused');
}

describe('content loading', () => {
  it('reads municipalities in order, with their offices (name, address, verified)', () => {
    editYaml(dir, 'municipalities/kuldigas-novads.yaml', (m) => {
      (m['orphansCourt'] as Record<string, unknown>)['email'] = null;
    });
    const ms = loadContent(dir).municipalities;
    expect(ms.map((m) => m.id)).toEqual([
      'liepaja',
      'ventspils',
      'dienvidkurzemes-novads',
      'kuldigas-novads',
      'saldus-novads',
      'talsu-novads',
      'ventspils-novads',
      'tukuma-novads',
    ]);
    const kuldiga = ms.find((m) => m.id === 'kuldigas-novads');
    if (kuldiga === undefined) throw new Error('no Kuldīga');
    expect(officesOf(kuldiga)).toMatchObject({
      name: 'Kuldīgas novads',
      foster: { email: null, verified: false },
    });
    expect(officesOf(kuldiga).service.name).toBe(kuldiga.socialService.name);
  });

  it('names the file and every field that is wrong', () => {
    editYaml(dir, 'municipalities/liepaja.yaml', (m) => {
      (m['socialService'] as Record<string, unknown>)['email'] = 5;
      delete m['orphansCourt'];
    });
    expect(problems()).toEqual([
      'content/municipalities/liepaja.yaml: socialService.email: expected string, got number',
      'content/municipalities/liepaja.yaml: orphansCourt: missing',
    ]);
  });

  it('refuses an e-mail address the server would refuse, by the same rule', () => {
    // zod's own .email() accepted this one; the routing did not. Now both use isEmailAddress.
    editYaml(dir, 'municipalities/liepaja.yaml', (m) => {
      (m['socialService'] as Record<string, unknown>)['email'] = 'x@kuldiga';
    });
    expect(problems()).toEqual([
      'content/municipalities/liepaja.yaml: socialService.email: not an e-mail address the server accepts',
    ]);
  });

  it('refuses an unknown id, naming the file and the field', () => {
    editYaml(dir, 'locations/kuldiga.yaml', (l) => {
      (l['offers'] as Record<string, unknown>[])[1] = { service: 'dacc', label: 'DAC', capacity: null };
    });
    expect(problems()).toEqual(['content/locations/kuldiga.yaml: offers[1].service: unknown service "dacc"']);
  });

  it('refuses a municipality that is not one of the eight', () => {
    writeFileSync(
      join(dir, 'municipalities', 'riga.yaml'),
      readFileSync(join(dir, 'municipalities', 'liepaja.yaml'), 'utf8'),
    );
    expect(problems()).toContain(
      'content/municipalities/riga.yaml: file name: "riga" is not one of liepaja, ventspils, dienvidkurzemes-novads, kuldigas-novads, saldus-novads, talsu-novads, ventspils-novads, tukuma-novads',
    );
  });

  it('builds everything the referral flow needs', () => {
    const content = loadReferralContent({ contentDir: dir });
    expect(content.ids.municipalities).toHaveLength(8);
    expect(content.ids.services).toContain('dac');
    expect(content.serviceTitles['dac']).toBe(content.content.services.find((s) => s.id === 'dac')?.lv.title);
    const tukums = content.content.municipalities.find((m) => m.id === 'tukuma-novads');
    expect(content.routing.get('tukuma-novads')?.foster.placeholder).toBe(tukums?.orphansCourt.email === null);
  });

  it('validates a routing file', () => {
    const file = join(dir, 'routing.json');
    writeFileSync(file, '{ "liepaja": { "service": 42 } }');
    expect(() => loadRoutingOverrides(file, ['liepaja'])).toThrow(RoutingFileError);
    writeFileSync(file, '{ nope');
    expect(() => loadRoutingOverrides(file, ['liepaja'])).toThrow(/not valid JSON/);
  });
});
