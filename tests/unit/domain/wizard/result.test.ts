import { describe, expect, it } from 'vitest';
import {
  GROUPS,
  evaluate,
  factsConflict,
  possibleValues,
  type Facts,
  type Group,
} from '../../../../src/domain/eligibility/index';
import { evaluableRules } from '../../../../src/domain/model/index';
import {
  GROUP_PAGES,
  assembleResult,
  documentChecklist,
  groupOfPage,
  servicesForGroup,
  type ServiceInfo,
} from '../../../../src/domain/wizard/index';
import { ADULT, CHILD, CHILD_IN_CARE, content, rules, wizardData } from './fixtures';

const lv = wizardData('lv');
const easy = wizardData('easy');

describe('assembleResult: the summary', () => {
  it('the typical child: at least 5 services that may fit, likely first, then maybe, then a step first', () => {
    const r = assembleResult(rules, CHILD, lv, false);
    expect(r.cards.length).toBeGreaterThanOrEqual(5);
    const order = r.cards.map((c) => ['likely', 'maybe', 'first'].indexOf(c.verdict));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The cards are exactly the services that are not `no`, in display order within a verdict.
    const notNo = r.verdicts.filter((v) => v.verdict !== 'no').map((v) => v.service);
    expect(r.cards.map((c) => c.service.id).sort()).toEqual([...notNo].sort());
  });

  it('every card has one line why: a rule text, the municipality to ask about, or the "Nezinu" answers', () => {
    for (const facts of [
      CHILD,
      CHILD_IN_CARE,
      ADULT,
      { ...CHILD, vdeavkSpecialCare: false },
      { ...CHILD, age: null },
    ]) {
      for (const card of assembleResult(rules, facts, lv, false).cards) {
        expect(card.line, `${card.service.id} (${card.verdict})`).not.toBeNull();
        if (card.line?.kind === 'text') {
          const texts =
            card.verdict === 'likely' ? card.why : card.verdict === 'first' ? card.first.map((f) => f.text) : card.ask;
          expect(texts).toContainEqual(card.line.text);
        }
      }
    }
  });

  it('likely: the line is the last reason that holds, and every reason that holds is in the details', () => {
    const r = assembleResult(rules, CHILD, lv, false);
    const care = r.cards.find((c) => c.service.id === 'aprupe-berniem');
    expect(care?.verdict).toBe('likely');
    expect(care?.why.map((w) => w.lv)).toContain('Bērnam ir noteikta invaliditāte.');
    expect(care?.line).toEqual({ kind: 'text', text: care?.why.at(-1) });
    expect(care?.first).toEqual([]);
    expect(care?.ask).toEqual([]);
  });

  it('maybe: a municipality whose rule is not known is named as what to ask', () => {
    // Talsu novads: respite is not in the municipality's rules found so far.
    const r = assembleResult(rules, { ...CHILD, municipality: 'talsu-novads' }, lv, false);
    const respite = r.cards.find((c) => c.service.id === 'atelpas-bridis');
    expect(respite?.verdict).toBe('maybe');
    expect(respite?.line).toEqual({ kind: 'municipality' });
    expect(respite?.ask.length).toBeGreaterThan(0);
    expect(respite?.unknown).toEqual([]);
  });

  it('maybe: answers given as "Nezinu" are named', () => {
    const r = assembleResult(rules, { ...CHILD, vdeavkSpecialCare: null }, lv, false);
    const care = r.cards.find((c) => c.service.id === 'aprupe-berniem');
    expect(care?.verdict).toBe('maybe');
    expect(care?.unknown).toEqual(['vdeavkSpecialCare']);
    expect(care?.line).toEqual({ kind: 'unknown', facts: ['vdeavkSpecialCare'] });
  });

  it('first: the step, its page and that page’s title; no documents to prepare yet', () => {
    const r = assembleResult(rules, { ...CHILD, vdeavkSpecialCare: false }, lv, false);
    const respite = r.cards.find((c) => c.service.id === 'atelpas-bridis');
    expect(respite?.verdict).toBe('first');
    expect(respite?.first.length).toBeGreaterThan(0);
    const step = respite?.first[0];
    expect(step?.step).toBe('/pakalpojumi/invaliditates-noteiksana/');
    expect(step?.title).toBe(lv.services.find((s) => s.id === 'invaliditates-noteiksana')?.title);
    expect(respite?.line).toEqual({ kind: 'text', text: step?.text });
    expect(r.checklist.flatMap((i) => i.services)).not.toContain('atelpas-bridis');
  });

  it("the municipality's own rule, in the page's version, when the content states one", () => {
    const respite = content.services.find((s) => s.id === 'atelpas-bridis');
    const kuldiga = respite?.local['kuldigas-novads'];
    expect(kuldiga).toBeDefined();
    const card = assembleResult(rules, CHILD, lv, false).cards.find((c) => c.service.id === 'atelpas-bridis');
    expect(card?.local?.lines).toEqual([kuldiga?.lv.text]);
    expect(card?.local?.cites.length).toBe(kuldiga?.lv.cite.length);
    expect(card?.local?.cites.every((c) => c.label.length > 0)).toBe(true);
    const easyCard = assembleResult(rules, CHILD, easy, true).cards.find((c) => c.service.id === 'atelpas-bridis');
    expect(easyCard?.local).toEqual({ lines: kuldiga?.easy, cites: [] });
    // None stated for this municipality: nothing shown.
    const asistents = assembleResult(rules, CHILD, lv, false).cards.find((c) => c.service.id === 'asistents');
    expect(asistents?.local).toBeNull();
  });
});

describe('assembleResult: what does not fit, whom to ask, what to prepare', () => {
  it('not now: services for the group that another answer excludes, each with the rule that excludes it', () => {
    const r = assembleResult(rules, { ...CHILD, age: 20 }, lv, false);
    const respite = r.notNow.find((n) => n.service.id === 'atelpas-bridis');
    expect(respite?.reasons.map((x) => x.lv)).toEqual(['Atelpas brīdis ir bērniem, tas ir, līdz 18 gadu vecumam.']);
    for (const n of r.notNow) expect(n.reasons.length, n.service.id).toBeGreaterThan(0);
  });

  it('services for other groups are named apart, and every service is in exactly one place', () => {
    for (const facts of [
      CHILD,
      ADULT,
      CHILD_IN_CARE,
      { group: 'foster', filledBy: 'self', municipality: 'liepaja' } as Facts,
    ]) {
      const r = assembleResult(rules, facts, lv, false);
      expect(r.otherGroups.map((s) => s.id)).not.toContain(r.cards[0]?.service.id);
      const all = [
        ...r.cards.map((c) => c.service.id),
        ...r.notNow.map((n) => n.service.id),
        ...r.otherGroups.map((s) => s.id),
      ];
      expect(all.sort()).toEqual(rules.map((x) => x.service).sort());
    }
    expect(assembleResult(rules, CHILD, lv, false).otherGroups.map((s) => s.id)).toContain('dac');
  });

  it('an adult with disability group III is not told that nothing fits', () => {
    const r = assembleResult(rules, ADULT, lv, false);
    expect(r.cards.map((c) => c.service.id)).toContain('vajadzibu-izvertesana');
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

  it('other: only the social service\'s needs assessment, nothing is "not now"', () => {
    const r = assembleResult(rules, { group: 'other', filledBy: 'self', municipality: 'ventspils' }, lv, false);
    expect(r.cards.map((c) => c.service.id)).toEqual(['vajadzibu-izvertesana']);
    expect(r.notNow).toEqual([]);
  });

  it('the checklist: the documents of the likely and maybe services, each once', () => {
    const r = assembleResult(rules, CHILD, lv, false);
    const fits = r.cards.filter((c) => c.verdict !== 'first').map((c) => c.service);
    expect(r.checklist).toEqual(documentChecklist(fits, false));
    expect(r.checklist.length).toBeGreaterThan(0);
    const e = assembleResult(rules, CHILD, easy, true);
    expect(e.checklist).toEqual(
      documentChecklist(
        e.cards.filter((c) => c.verdict !== 'first').map((c) => c.service),
        true,
      ),
    );
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
    documents,
    local: {},
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

describe('servicesForGroup: what the page without JavaScript lists per group', () => {
  /** Every answer set the wizard can hold for a group (ages at the rules' limits), with "Nezinu" too. */
  function* answerSets(group: Group): Generator<Facts> {
    const ages = new Set<number>([0, 120]);
    for (const r of rules)
      for (const c of r.ways.flatMap((w) => w.conditions))
        if (c.fact === 'age' && typeof c.value === 'number') for (const d of [-1, 0, 1]) ages.add(c.value + d);
    const withUnknown = <T>(values: readonly T[]): (T | null)[] => [...values, null];
    for (const age of withUnknown([...ages].filter((a) => a >= 0 && a <= 120)))
      for (const disabilityDetermined of withUnknown([true, false]))
        for (const disabilityGroup of withUnknown(possibleValues('disabilityGroup')))
          for (const vdeavkSpecialCare of withUnknown([true, false]))
            for (const careSetting of withUnknown(possibleValues('careSetting')))
              for (const municipality of withUnknown(possibleValues('municipality'))) {
                const facts = {
                  group,
                  age,
                  disabilityDetermined,
                  disabilityGroup,
                  vdeavkSpecialCare,
                  careSetting,
                  municipality,
                } as Facts;
                if (factsConflict(facts) === null) yield facts;
              }
  }

  it.each([...GROUPS])('%s: exactly the services some answers can make likely, maybe or first', (group) => {
    const suggested = new Set<string>();
    for (const facts of answerSets(group))
      for (const r of evaluate(rules, facts)) if (r.verdict !== 'no') suggested.add(r.service);
    const listed = servicesForGroup(rules, group);
    expect([...listed].sort()).toEqual([...suggested].sort());
    // In display order (the rules' order).
    expect(listed).toEqual(rules.map((r) => r.service).filter((s) => listed.includes(s)));
  });

  it('every target group page but the one for nobody in particular describes a group of the wizard', () => {
    for (const [group, page] of Object.entries(GROUP_PAGES)) {
      expect(
        content.targetGroups.map((g) => g.id),
        group,
      ).toContain(page);
      expect(groupOfPage(page)).toBe(group);
    }
    expect(groupOfPage('nav-tadas')).toBeNull();
    expect(content.targetGroups.every((g) => groupOfPage(g.id) !== null)).toBe(true);
  });

  it('the same from the rules the browser gets', () => {
    for (const group of GROUPS)
      expect(servicesForGroup(evaluableRules(rules), group)).toEqual(servicesForGroup(rules, group));
  });
});

describe('evaluableRules', () => {
  it('the rules for the browser give the same verdicts and reasons without titles, sources and quotes', () => {
    const slim = evaluableRules(rules);
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(rules).length * 0.8);
    for (const r of slim) {
      expect(Object.keys(r).sort()).toEqual(['notes', 'service', 'ways']);
      for (const c of r.ways.flatMap((w) => w.conditions)) expect(c).not.toHaveProperty('quote');
    }
    for (const facts of [
      CHILD,
      CHILD_IN_CARE,
      ADULT,
      { group: 'foster' },
      { ...CHILD, vdeavkSpecialCare: false },
    ] as Facts[]) {
      expect(evaluate(slim, facts)).toEqual(evaluate(rules, facts));
    }
  });
});
