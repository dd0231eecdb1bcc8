/** The named views of the content model, on the real content. */
import { describe, expect, it } from 'vitest';
import {
  contactCardOf,
  indexSources,
  officesOf,
  placesOf,
  wizardDataOf,
  type Contact,
} from '../../../../src/domain/model/index';
import { loadContent } from '../../../../server/content';

const content = loadContent();
const ctx = { sources: indexSources(content.sources), region: content.region };
const kuldiga = content.municipalities.find((m) => m.id === 'kuldigas-novads');
if (kuldiga === undefined) throw new Error('no Kuldīga');

describe('contactCardOf', () => {
  it('gives the easy-read note on the easy-read version and the Latvian note on the other', () => {
    const c = kuldiga.socialService;
    expect(c.note).toBeDefined();
    expect(contactCardOf(c, 'easy', ctx).note).toEqual(c.noteEasy);
    expect(contactCardOf(c, 'lv', ctx).note).toEqual([c.note]);
  });

  it('names the sources by title and dates the check as Latvians write it', () => {
    const card = contactCardOf(kuldiga.socialService, 'lv', ctx);
    expect(card.sources.map((s) => s.title)).toEqual(
      kuldiga.socialService.source.map((id) => ctx.sources.get(id)?.title),
    );
    // Each source carries its own date beside the day it was checked (issue 9: a 2020 page is not "found today").
    expect(card.sources.map((s) => s.date)).toContain('19.03.2020.');
    expect(card.checked).toMatch(/^\d\d\.\d\d\.\d{4}\.$/);
  });

  it("offers the planning region's phone only when neither a phone nor an e-mail is known", () => {
    const unreachable: Contact = { ...kuldiga.orphansCourt, phones: [], email: null };
    expect(contactCardOf(unreachable, 'lv', ctx).fallbackPhone).toBe(content.region.contact.phones[0]);
    expect(contactCardOf({ ...unreachable, phones: ['63350107'] }, 'lv', ctx).fallbackPhone).toBeNull();
  });
});

describe('officesOf and placesOf', () => {
  it('the social service takes service requests, the orphans’ court foster enquiries', () => {
    expect(officesOf(kuldiga)).toEqual({
      id: 'kuldigas-novads',
      name: 'Kuldīgas novads',
      service: {
        name: kuldiga.socialService.name,
        email: kuldiga.socialService.email,
        verified: kuldiga.socialService.verified,
        personalDataByEmail: kuldiga.socialService.personalDataByEmail,
        regNo: kuldiga.socialService.regNo,
      },
      foster: {
        name: kuldiga.orphansCourt.name,
        email: kuldiga.orphansCourt.email,
        verified: kuldiga.orphansCourt.verified,
        personalDataByEmail: kuldiga.orphansCourt.personalDataByEmail,
        regNo: kuldiga.orphansCourt.regNo,
      },
    });
  });

  it('places for "I live in …"', () => {
    expect(placesOf(kuldiga)).toMatchObject({ id: 'kuldigas-novads', towns: kuldiga.towns });
  });
});

describe('wizardDataOf', () => {
  it("holds one version's texts only", () => {
    const easy = wizardDataOf(content, 'easy');
    const dac = content.services.find((s) => s.id === 'dac');
    expect(easy.services.find((s) => s.id === 'dac')?.title).toBe(dac?.easy.title);
    expect(easy.municipalities.find((m) => m.id === 'kuldigas-novads')?.socialService.note).toEqual(
      kuldiga.socialService.noteEasy,
    );
  });
});
