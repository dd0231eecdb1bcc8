import { describe, expect, it } from 'vitest';
import { evaluate, type Facts } from '../../../../src/domain/eligibility/index';
import { evaluableRules } from '../../../../src/domain/model/index';
import { assembleResult, documentChecklist, offersOf, type ServiceInfo } from '../../../../src/domain/wizard/index';
import { rules, wizardData } from './fixtures';

const lv = wizardData('lv');
const easy = wizardData('easy');

const CHILD: Facts = {
  group: 'child',
  filledBy: 'parent',
  age: 3,
  disabilityDetermined: true,
  vdeavkSpecialCare: null,
  parentsWorkOrStudy: true,
  supportPlan: true,
  municipality: 'kuldigas-novads',
};

describe('assembleResult', () => {
  it('likely cards first, then maybe, each with why; maybe names the unknown answers', () => {
    const r = assembleResult(rules, CHILD, lv, false);
    const verdicts = r.cards.map((c) => c.verdict);
    expect(verdicts).toEqual([...verdicts].sort((a, b) => (a === b ? 0 : a === 'likely' ? -1 : 1)));
    const respite = r.cards.find((c) => c.service.id === 'atelpas-bridis');
    expect(respite?.verdict).toBe('maybe');
    expect(respite?.unknown).toEqual(['vdeavkSpecialCare']);
    expect(respite?.why.map((w) => w.lv)).toContain('Bērnam vēl nav 18 gadu.');
    const rehab = r.cards.find((c) => c.service.id === 'rehabilitacija-berniem');
    expect(rehab?.verdict).toBe('likely');
    expect(rehab?.unknown).toEqual([]);
  });

  it('not now: services for the group ruled out by another answer, with the failing reason', () => {
    const r = assembleResult(rules, { ...CHILD, age: 10 }, lv, false);
    const care = r.notNow.find((n) => n.service.id === 'aprupe-berniem');
    expect(care?.reasons.map((x) => x.lv)).toEqual(['Aprūpes pakalpojums ir bērniem līdz 4 gadu vecumam (ieskaitot).']);
    // Services for adults are not "not now" for a child: they were never for this group.
    expect(r.notNow.map((n) => n.service.id)).not.toContain('dac');
  });

  it('where: places in the municipality, and elsewhere in Kurzeme', () => {
    const adult: Facts = {
      group: 'adult',
      filledBy: 'self',
      age: 30,
      disabilityDetermined: true,
      disabilityGroup: 'II',
      supportPlan: true,
      municipality: 'kuldigas-novads',
    };
    const r = assembleResult(rules, adult, lv, false);
    const dac = r.cards.find((c) => c.service.id === 'dac');
    expect(dac?.verdict).toBe('likely');
    expect(dac?.here.map((o) => o.location.municipality)).toEqual(expect.arrayContaining(['kuldigas-novads']));
    expect(dac?.here.every((o) => o.location.municipality === 'kuldigas-novads')).toBe(true);
    expect(dac?.elsewhere.every((o) => o.location.municipality !== 'kuldigas-novads')).toBe(true);
    expect(dac?.elsewhere.length).toBeGreaterThan(0);
    expect(dac?.here[0]?.labels).toEqual(['DAC personām ar GRT']);
  });

  it('contact: the social service; for foster, the orphans’ court and the foster form', () => {
    const r = assembleResult(rules, CHILD, lv, false);
    expect(r.contact).toEqual({
      kind: 'socialService',
      details: lv.municipalities.find((m) => m.id === 'kuldigas-novads')?.socialService,
    });
    expect(r.referral).toBe('service');
    const foster = assembleResult(rules, { group: 'foster', filledBy: 'self', municipality: 'liepaja' }, lv, false);
    expect(foster.contact.kind).toBe('orphansCourt');
    expect(foster.contact.details).toEqual(lv.municipalities.find((m) => m.id === 'liepaja')?.orphansCourt);
    expect(foster.referral).toBe('foster');
    expect(foster.cards.map((c) => c.service.id)).toEqual(['audzugimenes']);
  });

  it('other: nothing fits and nothing is listed as "not now"', () => {
    const r = assembleResult(rules, { group: 'other', filledBy: 'self', municipality: 'ventspils' }, lv, false);
    expect(r.cards).toEqual([]);
    expect(r.notNow).toEqual([]);
    expect(r.checklist).toEqual([]);
  });

  it('the checklist: the documents of the services that may fit', () => {
    const r = assembleResult(rules, CHILD, lv, false);
    expect(r.checklist).toEqual([
      {
        lines: [lv.services.find((s) => s.id === 'aprupe-berniem')?.documents[0]],
        services: ['aprupe-berniem'],
      },
    ]);
    const e = assembleResult(rules, CHILD, easy, true);
    expect(e.checklist).toHaveLength(1);
    expect(e.checklist[0]?.lines).toEqual(easy.services.find((s) => s.id === 'aprupe-berniem')?.documents);
  });

  it('refuses an unknown municipality', () => {
    expect(() => assembleResult(rules, { group: 'other', filledBy: 'self' }, lv, false)).toThrow(/municipality/);
  });
});

describe('documentChecklist', () => {
  const service = (id: string, documents: string[]): ServiceInfo => ({
    id,
    icon: 'info',
    title: id,
    summary: '',
    limits: [],
    includes: [],
    documents,
  });

  it('lists each document once, naming every service that needs it', () => {
    const list = documentChecklist(
      [service('a', ['Pase.', 'Izziņa no darba.']), service('b', ['pase.']), service('c', [])],
      false,
    );
    expect(list).toEqual([
      { lines: ['Pase.'], services: ['a', 'b'] },
      { lines: ['Izziņa no darba.'], services: ['a'] },
    ]);
  });

  it('easy-read keeps a service’s lines together as one item', () => {
    const list = documentChecklist(
      [
        service('a', ['Dokuments no darba.', 'Tajā ir stundas.']),
        service('b', ['Dokuments no darba.', 'Tajā ir stundas.']),
      ],
      true,
    );
    expect(list).toEqual([{ lines: ['Dokuments no darba.', 'Tajā ir stundas.'], services: ['a', 'b'] }]);
  });

  it('is empty when the sources list no documents', () => {
    expect(documentChecklist([service('a', [])], false)).toEqual([]);
  });
});

describe('offersOf and evaluableRules', () => {
  it('a service without places has none', () => {
    expect(offersOf(lv, 'atelpas-bridis', 'liepaja')).toEqual({ here: [], elsewhere: [] });
  });

  it('the rules for the browser give the same verdicts and reasons without titles, sources and quotes', () => {
    const slim = evaluableRules(rules);
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(rules).length * 0.8);
    for (const r of slim) {
      expect(Object.keys(r).sort()).toEqual(['notes', 'service', 'ways']);
      for (const c of r.ways.flatMap((w) => w.conditions)) expect(c).not.toHaveProperty('quote');
    }
    for (const facts of [CHILD, { group: 'adult', age: 40, disabilityGroup: 'III' }, { group: 'foster' }] as Facts[]) {
      expect(evaluate(slim, facts)).toEqual(evaluate(rules, facts));
    }
  });
});
