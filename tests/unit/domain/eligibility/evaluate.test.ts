/**
 * Each rule edge, tested against the REAL rule files. Test names quote the source
 * sentence the edge comes from (seed file names in brackets).
 */
import { describe, expect, it } from 'vitest';
import { DISABILITY_GROUPS, GROUPS, evaluate, type Facts, type Group } from '../../../../src/domain/eligibility/index';
import {
  ADULT_SERVICES,
  CHILD_SERVICES,
  FULL_ADULT,
  FULL_CHILD,
  omit,
  resultFor,
  rules,
  servicesWith,
  verdict,
} from './helpers';

describe('evaluate: shape', () => {
  it("returns one result per service, in the rules' order, with unknown facts only for maybe", () => {
    const results = evaluate(rules, { group: 'child', age: 3 });
    expect(results.map((r) => r.service)).toEqual(rules.map((r) => r.service));
    for (const r of results) {
      if (r.verdict === 'maybe') expect(r.unknown.length).toBeGreaterThan(0);
      else expect(r.unknown).toEqual([]);
    }
  });

  it('with no answers at all, every service is maybe', () => {
    expect(servicesWith('maybe', {})).toHaveLength(rules.length);
  });
});

describe('atelpas-bridis [004]: "pakalpojumu “Atelpas brīdis” – bērna līdz 18.g.v. īslaicīgai aprūpei …"', () => {
  it('age 17 → likely', () => {
    expect(verdict('atelpas-bridis', { ...FULL_CHILD, age: 17 })).toBe('likely');
  });
  it('age 18 → no', () => {
    expect(verdict('atelpas-bridis', { ...FULL_CHILD, age: 18 })).toBe('no');
  });
  it('"… kuriem ir VDEĀK atzinums par īpašas kopšanas nepieciešamību …": no opinion → no', () => {
    expect(verdict('atelpas-bridis', { ...FULL_CHILD, age: 10, vdeavkSpecialCare: false })).toBe('no');
  });
  it('"… kuri audzina bērnus ar invaliditāti …": no disability determined → no', () => {
    expect(verdict('atelpas-bridis', { group: 'child', age: 10, disabilityDetermined: false })).toBe('no');
  });
  it('does not need the parents to work: "… darba vai privātu iemeslu dēļ …", "nebūs jāsniedz informācija par iemesliem"', () => {
    expect(verdict('atelpas-bridis', { ...FULL_CHILD, age: 10, parentsWorkOrStudy: false, supportPlan: false })).toBe(
      'likely',
    );
  });
  it('the opinion unknown → maybe, ask about vdeavkSpecialCare', () => {
    const r = resultFor('atelpas-bridis', { ...FULL_CHILD, age: 10, vdeavkSpecialCare: null });
    expect(r.verdict).toBe('maybe');
    expect(r.unknown).toEqual(['vdeavkSpecialCare']);
  });
  it('the opinion implies the disability: group child, age 10, opinion yes → likely without asking about the disability', () => {
    expect(verdict('atelpas-bridis', { group: 'child', age: 10, vdeavkSpecialCare: true })).toBe('likely');
  });
});

describe('aprupe-berniem [004]: "aprūpes pakalpojumu – bērna līdz 4 g.v., ieskaitot, … ja vecāki darba, mācību vai citas aizņemtības dēļ to nevar nodrošināt paši."', () => {
  it('age 4 → likely', () => {
    expect(verdict('aprupe-berniem', { ...FULL_CHILD, age: 4 })).toBe('likely');
  });
  it('age 5 → no', () => {
    expect(verdict('aprupe-berniem', { ...FULL_CHILD, age: 5 })).toBe('no');
  });
  it('age 0 → likely', () => {
    expect(verdict('aprupe-berniem', { ...FULL_CHILD, age: 0 })).toBe('likely');
  });
  it('"būs jāiesniedz dokumenti no darba vietas vai izglītības iestādes": parents neither work nor study → no, with a note about other busyness', () => {
    const r = resultFor('aprupe-berniem', { ...FULL_CHILD, age: 3, parentsWorkOrStudy: false });
    expect(r.verdict).toBe('no');
    expect(r.notes.map((n) => n.easy)).toContain('Ja esat aizņemts cita iemesla dēļ, jautājiet sociālajā dienestā.');
  });
  it("parents' work unknown → maybe, ask about parentsWorkOrStudy", () => {
    const r = resultFor('aprupe-berniem', { ...FULL_CHILD, age: 3, parentsWorkOrStudy: null });
    expect(r).toMatchObject({ verdict: 'maybe', unknown: ['parentsWorkOrStudy'] });
  });
  it('"… kuriem ir VDEĀK atzinums …" (the same sentence covers both services): no opinion → no', () => {
    expect(verdict('aprupe-berniem', { ...FULL_CHILD, age: 3, vdeavkSpecialCare: false })).toBe('no');
  });
});

describe('rehabilitacija-berniem / -vecakiem [004]: "Pamatojoties uz atbalsta plānos rekomendēto, gan bērniem, gan to vecākiem … būs iespēja saņemt … sociālās rehabilitācijas pakalpojumus"', () => {
  const child: Facts = { group: 'child', age: 8, disabilityDetermined: true };

  it('support plan → likely for the child and the parents; the needs assessment is done → no', () => {
    expect(verdict('rehabilitacija-berniem', { ...child, supportPlan: true })).toBe('likely');
    expect(verdict('rehabilitacija-vecakiem', { ...child, supportPlan: true })).toBe('likely');
    expect(verdict('vajadzibu-izvertesana', { ...child, supportPlan: true })).toBe('no');
  });

  it('no plan yet → not yet (no); the first step, vajadzibu-izvertesana, is likely', () => {
    const noPlan = { ...child, supportPlan: false };
    expect(verdict('rehabilitacija-berniem', noPlan)).toBe('no');
    expect(verdict('rehabilitacija-vecakiem', noPlan)).toBe('no');
    expect(verdict('vajadzibu-izvertesana', noPlan)).toBe('likely');
    expect(resultFor('rehabilitacija-berniem', noPlan).notes.map((n) => n.easy)).toContain(
      'Vispirms sociālais dienests izvērtē, kāds atbalsts vajadzīgs jūsu bērnam.',
    );
  });

  it('"bērnu ar funkcionāliem traucējumiem, kuriem ir noteikta invaliditāte, vajadzību izvērtēšana": no disability → no', () => {
    const noDisability = { group: 'child' as const, age: 8, disabilityDetermined: false, supportPlan: true };
    expect(verdict('rehabilitacija-berniem', noDisability)).toBe('no');
    expect(verdict('vajadzibu-izvertesana', { ...noDisability, supportPlan: false })).toBe('no');
  });

  it('plan unknown → maybe, ask about supportPlan (both rehabilitation and the assessment)', () => {
    for (const service of ['rehabilitacija-berniem', 'rehabilitacija-vecakiem', 'vajadzibu-izvertesana']) {
      expect(resultFor(service, child)).toMatchObject({ verdict: 'maybe', unknown: ['supportPlan'] });
    }
  });

  it('disability unknown → maybe, ask about disabilityDetermined', () => {
    expect(resultFor('rehabilitacija-berniem', { group: 'child', age: 8, supportPlan: true })).toMatchObject({
      verdict: 'maybe',
      unknown: ['disabilityDetermined'],
    });
  });

  it('[002] "Bērnu AP aktualizācija notiek līdz 18 gadu vecuma sasniegšanai.": age 17 → likely, 18 → no with a note on the 12 months after', () => {
    expect(verdict('rehabilitacija-berniem', { ...child, age: 17, supportPlan: true })).toBe('likely');
    const r = resultFor('rehabilitacija-berniem', { ...child, age: 18, supportPlan: true });
    expect(r.verdict).toBe('no');
    expect(r.notes.map((n) => n.easy)).toContain('Ja bērnam tikko palika 18 gadu, jautājiet sociālajā dienestā.');
  });
});

describe('dac-berniem [002 "DAC –atbilstoši faktiskajām izmaksām…" for "bērniem ar FT"; 004 "bērniem ar funkcionāliem traucējumiem, kuriem noteikta invaliditāte"]', () => {
  it('a child with a determined disability and a support plan → likely', () => {
    expect(verdict('dac-berniem', { group: 'child', age: 10, disabilityDetermined: true, supportPlan: true })).toBe(
      'likely',
    );
  });
  it('no determined disability → no', () => {
    expect(verdict('dac-berniem', { group: 'child', age: 10, disabilityDetermined: false, supportPlan: true })).toBe(
      'no',
    );
  });
  it('[002] "atbalsta plāns (t.sk. pašvaldības sociālā dienesta aktualizēts);": no plan → no (conservative)', () => {
    expect(verdict('dac-berniem', { group: 'child', age: 10, disabilityDetermined: true, supportPlan: false })).toBe(
      'no',
    );
  });
});

describe('adults\' services [004]: "… ikvienai personai ar garīga rakstura traucējumiem, kurai ir noteikta I vai II grupas invaliditāte, ja tā būs piedalījusies savu individuālo vajadzību izvērtēšanā un tai būs izstrādāts atbalsta plāns …"', () => {
  it.each(ADULT_SERVICES)('%s: group II → likely', (service) => {
    expect(verdict(service, { ...FULL_ADULT, disabilityGroup: 'II' })).toBe('likely');
  });
  it.each(ADULT_SERVICES)('%s: group I → likely', (service) => {
    expect(verdict(service, { ...FULL_ADULT, disabilityGroup: 'I' })).toBe('likely');
  });
  it.each(ADULT_SERVICES)('%s: group III → no, with a note that the social service may still help', (service) => {
    const r = resultFor(service, { ...FULL_ADULT, disabilityGroup: 'III' });
    expect(r.verdict).toBe('no');
    expect(r.notes.map((n) => n.easy)).toContain('Sociālais dienests var palīdzēt arī tad, ja šis pakalpojums neder.');
    // The reason shown is the failed disability group, nothing else.
    expect(r.reasons.filter((x) => x.status === 'fails').map((x) => x.fact)).toEqual(['disabilityGroup']);
  });
  it.each(ADULT_SERVICES)('%s: no disability group ("none") → no', (service) => {
    expect(verdict(service, { ...FULL_ADULT, disabilityGroup: 'none' })).toBe('no');
  });
  it('no disability determined → no (not maybe): there is no disability group then', () => {
    expect(resultFor('dac', { ...omit(FULL_ADULT, 'disabilityGroup'), disabilityDetermined: false })).toMatchObject({
      verdict: 'no',
      unknown: [],
    });
  });
  it('[001] "Pilngadīgi cilvēki ar garīga rakstura traucējumiem (GRT) un 1./2. invaliditātes grupu": age 17 → no, 18 → likely', () => {
    expect(verdict('dac', { ...FULL_ADULT, age: 17 })).toBe('no');
    expect(verdict('dac', { ...FULL_ADULT, age: 18 })).toBe('likely');
  });
  it('no support plan yet → no; the needs assessment is likely', () => {
    expect(verdict('dac', { ...FULL_ADULT, supportPlan: false })).toBe('no');
    expect(verdict('vajadzibu-izvertesana', { ...FULL_ADULT, supportPlan: false })).toBe('likely');
  });
  it('disability group unknown → maybe, ask about disabilityGroup', () => {
    expect(resultFor('grupu-dzivoklis', { ...FULL_ADULT, disabilityGroup: null })).toMatchObject({
      verdict: 'maybe',
      unknown: ['disabilityGroup'],
    });
  });
  it('age unknown → maybe, ask about age', () => {
    expect(resultFor('aprupe-majas', { ...FULL_ADULT, age: null })).toMatchObject({
      verdict: 'maybe',
      unknown: ['age'],
    });
  });
  it('several unknowns → listed once each, in question order', () => {
    const r = resultFor('dac', { group: 'adult', supportPlan: null, disabilityGroup: null });
    expect(r).toMatchObject({ verdict: 'maybe', unknown: ['age', 'disabilityGroup', 'supportPlan'] });
  });
  it('group unknown → maybe with group listed first', () => {
    expect(resultFor('dac', omit(FULL_ADULT, 'group'))).toMatchObject({ verdict: 'maybe', unknown: ['group'] });
  });
});

describe('each unknown fact gives maybe with the right unknown list', () => {
  const cases: [string, Facts, string][] = [
    ['group', { ...FULL_CHILD, age: 3, group: null }, 'atelpas-bridis'],
    ['age', { ...FULL_CHILD, age: null }, 'aprupe-berniem'],
    // Without the special-care opinion: the opinion alone would imply a determined disability.
    [
      'disabilityDetermined',
      { ...FULL_CHILD, age: 8, disabilityDetermined: null, vdeavkSpecialCare: false },
      'dac-berniem',
    ],
    ['disabilityGroup', { ...FULL_ADULT, disabilityGroup: null }, 'specializetas-darbnicas'],
    ['vdeavkSpecialCare', { ...FULL_CHILD, age: 3, vdeavkSpecialCare: null }, 'atelpas-bridis'],
    ['parentsWorkOrStudy', { ...FULL_CHILD, age: 3, parentsWorkOrStudy: null }, 'aprupe-berniem'],
    ['supportPlan', { ...FULL_ADULT, supportPlan: null }, 'islaiciga-aprupe'],
  ];
  it.each(cases)('%s', (fact, facts, service) => {
    const r = resultFor(service, facts);
    expect(r.verdict).toBe('maybe');
    expect(r.unknown).toEqual([fact]);
    expect(r.reasons.filter((x) => x.status === 'unknown').map((x) => x.fact)).toEqual([fact]);
  });
  it('missing (not just null) works the same', () => {
    expect(
      resultFor('atelpas-bridis', { ...omit(FULL_CHILD, 'vdeavkSpecialCare', 'disabilityDetermined'), age: 3 }),
    ).toMatchObject({
      verdict: 'maybe',
      unknown: ['disabilityDetermined', 'vdeavkSpecialCare'],
    });
  });
});

describe("a child's answers never give adult services, and vice versa", () => {
  const childGroups: Group[] = ['child', 'child-in-care'];
  it('group child / child-in-care, any age, any disability group, plan or not: every adult service is no', () => {
    for (const group of childGroups) {
      for (let age = 0; age <= 120; age += 1) {
        for (const disabilityGroup of DISABILITY_GROUPS) {
          for (const supportPlan of [true, false, null]) {
            const facts: Facts = {
              group,
              age,
              disabilityDetermined: disabilityGroup !== 'none' ? true : null,
              disabilityGroup,
              supportPlan,
            };
            for (const service of ADULT_SERVICES)
              expect(verdict(service, facts), `${group} ${age} ${disabilityGroup}`).toBe('no');
          }
        }
      }
    }
  });
  it('group adult, any age, all other answers yes: every child service is no', () => {
    for (let age = 0; age <= 120; age += 1) {
      const facts: Facts = { ...FULL_CHILD, group: 'adult', age, disabilityGroup: 'I' };
      for (const service of [...CHILD_SERVICES, 'gvpp'])
        expect(verdict(service, facts), `${service} ${age}`).toBe('no');
    }
  });
  it('the needs assessment for an adult needs age 18 or over; for a child, under 18', () => {
    expect(verdict('vajadzibu-izvertesana', { ...FULL_ADULT, age: 17, supportPlan: false })).toBe('no');
    expect(verdict('vajadzibu-izvertesana', { ...FULL_CHILD, age: 18, supportPlan: false })).toBe('no');
  });
});

describe('children in out-of-family care [001]: "Ārpusģimenes aprūpē esošie bērni un jaunieši līdz 17 gadu vecumam"', () => {
  it('age 17 → gvpp and vajadzibu-izvertesana likely, nothing else', () => {
    expect(servicesWith('likely', { group: 'child-in-care', age: 17 })).toEqual(['vajadzibu-izvertesana', 'gvpp']);
    expect(servicesWith('maybe', { group: 'child-in-care', age: 17 })).toEqual([]);
  });
  it('age 18 → nothing', () => {
    expect(servicesWith('likely', { group: 'child-in-care', age: 18 })).toEqual([]);
  });
  it('age unknown → both maybe, ask about age', () => {
    expect(resultFor('gvpp', { group: 'child-in-care' })).toMatchObject({ verdict: 'maybe', unknown: ['age'] });
    expect(resultFor('vajadzibu-izvertesana', { group: 'child-in-care' })).toMatchObject({
      verdict: 'maybe',
      unknown: ['age'],
    });
  });
});

describe('foster families [004]: "… lai motivētu pilngadīgas personas kļūt par aizbildņiem, adoptētājiem vai audžuģimenēm."', () => {
  it('foster → audzugimenes only, whatever else was answered', () => {
    expect(servicesWith('likely', { group: 'foster' })).toEqual(['audzugimenes']);
    expect(servicesWith('maybe', { group: 'foster' })).toEqual([]);
    expect(servicesWith('likely', { ...FULL_CHILD, group: 'foster', age: 3 })).toEqual(['audzugimenes']);
    expect(servicesWith('likely', { ...FULL_ADULT, group: 'foster' })).toEqual(['audzugimenes']);
  });
  it('audzugimenes is for foster families only', () => {
    for (const group of GROUPS.filter((g) => g !== 'foster')) expect(verdict('audzugimenes', { group })).toBe('no');
  });
});

describe('other → nothing likely; the social service is the place to ask', () => {
  it('every service is no, whatever else was answered', () => {
    expect(servicesWith('likely', { group: 'other' })).toEqual([]);
    expect(servicesWith('maybe', { group: 'other' })).toEqual([]);
    expect(servicesWith('likely', { ...FULL_ADULT, group: 'other' })).toEqual([]);
    expect(servicesWith('likely', { ...FULL_CHILD, group: 'other', age: 3 })).toEqual([]);
  });
});

describe('reasons point at the conditions behind the verdict', () => {
  it('likely: every condition holds, each with its holds text', () => {
    const r = resultFor('atelpas-bridis', { ...FULL_CHILD, age: 3 });
    expect(r.reasons.map((x) => x.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
    expect(r.reasons.map((x) => x.path)).toEqual(['conditions[0]', 'conditions[1]', 'conditions[2]', 'conditions[3]']);
    expect(r.reasons[1]?.text?.easy).toBe('Jūsu bērnam ir mazāk nekā 18 gadu.');
  });
  it('no: the failed condition carries its fails text', () => {
    const r = resultFor('atelpas-bridis', { ...FULL_CHILD, age: 18 });
    const failed = r.reasons.filter((x) => x.status === 'fails');
    expect(failed).toEqual([
      {
        status: 'fails',
        fact: 'age',
        path: 'conditions[1]',
        way: null,
        text: { lv: 'Atelpas brīdis ir bērniem līdz 18 gadu vecumam.', easy: 'Jūsu bērnam jau ir 18 gadu vai vairāk.' },
      },
    ]);
  });
  it('maybe: unknown conditions have no text, only the fact', () => {
    const r = resultFor('atelpas-bridis', { ...FULL_CHILD, age: null });
    expect(r.reasons.find((x) => x.status === 'unknown')).toEqual({
      status: 'unknown',
      fact: 'age',
      path: 'conditions[1]',
      way: null,
      text: null,
    });
  });
  it('multi-way services name the way that held', () => {
    const r = resultFor('vajadzibu-izvertesana', { ...FULL_ADULT, supportPlan: false });
    expect(r.verdict).toBe('likely');
    expect(new Set(r.reasons.map((x) => x.way))).toEqual(
      new Set(['Pilngadīgs cilvēks ar garīga rakstura traucējumiem']),
    );
    expect(r.reasons.every((x) => x.path.startsWith('ways[1].'))).toBe(true);
  });
  it('multi-way no: only the closest way is explained (adult with group III hears about the group)', () => {
    const r = resultFor('vajadzibu-izvertesana', { ...FULL_ADULT, disabilityGroup: 'III', supportPlan: false });
    expect(r.verdict).toBe('no');
    expect(r.reasons.filter((x) => x.status === 'fails').map((x) => x.fact)).toEqual(['disabilityGroup']);
  });
});
