/**
 * The rules of every service as of 2026, case by case, against the REAL rule files in
 * content/eligibility/. Each case names the source sentence it follows (source id in
 * brackets: content/sources/*.yaml). For each service: what makes it `likely`, `maybe`,
 * `first` and `no` — and never `no` for something only the 2016–2023 project required.
 */
import { describe, expect, it } from 'vitest';
import type { Facts, FactName, Verdict } from '../../../../src/domain/eligibility/index';
import { resultFor } from './helpers';

interface Case {
  /** The source sentence (or its gist) the case follows, with the source id. */
  because: string;
  facts: Facts;
  verdict: Verdict;
  /** For `maybe` / `first`: the unanswered facts named. */
  unknown?: FactName[];
  /** For `first`: the page that explains the step. */
  step?: string;
}

const STEP = '/pakalpojumi/invaliditates-noteiksana/';

/** A child with a disability and the special-care opinion, in a family. */
const child = (age: number, more: Facts = {}): Facts => ({
  group: 'child',
  age,
  disabilityDetermined: true,
  vdeavkSpecialCare: true,
  ...more,
});
/** An adult with an intellectual disability. */
const adult = (more: Facts = {}): Facts => ({ group: 'adult', age: 30, ...more });

const TABLE: Record<string, Case[]> = {
  'aprupe-berniem': [
    {
      because: '"bērniem vecumā no 5 – 18 gadiem ar īpašas kopšanas nepieciešamību" [kuldiga-lm-infografika-2022]',
      facts: child(7, { municipality: 'saldus-novads' }),
      verdict: 'likely',
    },
    {
      because: 'the same — a foster family\'s child: "likumiskais pārstāvis vai audžuģimene" [talsi-sn-2-2025 3. p.]',
      facts: { ...child(7), group: 'child-in-care', careSetting: 'family', municipality: 'liepaja' },
      verdict: 'likely',
    },
    {
      because: 'a child in an institution is cared for there (care at home is for the family) [talsi-sn-2-2025 3. p.]',
      facts: { ...child(7), group: 'child-in-care', careSetting: 'institution', municipality: 'liepaja' },
      verdict: 'no',
    },
    {
      because:
        '"bērnam līdz 18 gadu vecumam, kurai noteikta invaliditāte un … atzinumu" — no opinion yet [talsi-sn-2-2025 2.1. p.]',
      facts: child(7, { vdeavkSpecialCare: false, municipality: 'saldus-novads' }),
      verdict: 'first',
      step: STEP,
    },
    {
      because: 'Talsi: "bērnam līdz 18 gadu vecumam" — no lower age limit [talsi-sn-2-2025 2.1. p.]',
      facts: child(3, { municipality: 'talsu-novads' }),
      verdict: 'likely',
    },
    {
      because: 'Dienvidkurzeme: "no 5 līdz 18 gadu vecumam" [dkn-sn-8-2021 2.1. p.]',
      facts: child(3, { municipality: 'dienvidkurzemes-novads' }),
      verdict: 'no',
    },
    {
      because:
        'elsewhere under 5: the national frame says 5–18, the local rule is not known — ask [kuldiga-lm-infografika-2022]',
      facts: child(3, { municipality: 'kuldigas-novads' }),
      verdict: 'maybe',
      unknown: [],
    },
    {
      because:
        'Liepāja: "personai līdz 24 gadu vecumam, kurai līdz 18 gadu vecumam izsniegts … atzinums" [liepaja-sn-17-2025 11.3. p.]',
      facts: adult({
        age: 20,
        disabilityDetermined: true,
        disabilityGroup: 'I',
        vdeavkSpecialCare: true,
        municipality: 'liepaja',
      }),
      verdict: 'likely',
    },
    {
      because:
        'after 18 elsewhere: whether the municipality continues care is not known — ask [talsi-sn-2-2025 2.2. p.]',
      facts: adult({
        age: 20,
        disabilityDetermined: true,
        disabilityGroup: 'I',
        vdeavkSpecialCare: true,
        municipality: 'ventspils',
      }),
      verdict: 'maybe',
      unknown: [],
    },
    {
      because: '"ne ilgāk kā līdz 24 gadu vecuma sasniegšanai" [talsi-sn-2-2025 2.2. p.]',
      facts: adult({
        age: 24,
        disabilityDetermined: true,
        disabilityGroup: 'I',
        vdeavkSpecialCare: true,
        municipality: 'talsu-novads',
      }),
      verdict: 'no',
    },
  ],
  'atelpas-bridis': [
    {
      because:
        '"“atelpas brīža” pakalpojums bērniem ar funkcionāliem traucējumiem, kuriem noteikta invaliditāte" [ventspils-sn-4-2018 3.14. p.]',
      facts: child(10, { municipality: 'ventspils' }),
      verdict: 'likely',
    },
    {
      because: 'the same for a foster family\'s child (issue 10: a foster family\'s child was told "no")',
      facts: { ...child(10), group: 'child-in-care', careSetting: 'family', municipality: 'kuldigas-novads' },
      verdict: 'likely',
    },
    {
      because: '"4.16. atelpas brīža pakalpojums." — Liepāja provides it since SN 17/2025 [liepaja-sn-17-2025]',
      facts: child(2, { municipality: 'liepaja' }),
      verdict: 'likely',
    },
    {
      because:
        'no municipal rule on respite found in Saldus: ask (the law obliges municipalities, with a transition) [liepaja-sn-17-2025]',
      facts: child(10, { municipality: 'saldus-novads' }),
      verdict: 'maybe',
      unknown: [],
    },
    {
      because:
        '"kuru bērniem ir noteikta invaliditāte un ir VDEĀVK atzinums" — no opinion yet [ventspils-atelpas-brizis]',
      facts: child(10, { vdeavkSpecialCare: false, municipality: 'ventspils' }),
      verdict: 'first',
      step: STEP,
    },
    {
      because: '"bērniem" — at 18 the child is an adult [ventspils-sn-4-2018 3.14. p.]',
      facts: child(18, { municipality: 'ventspils' }),
      verdict: 'no',
    },
    {
      because:
        'Tukums: also "pilngadīgās personas ar smagiem un ļoti smagiem garīga rakstura … traucējumiem" [jauns-2025-tukums-atelpa]',
      facts: adult({ municipality: 'tukuma-novads' }),
      verdict: 'likely',
    },
    {
      because: 'adult respite found only in Tukums [jauns-2025-tukums-atelpa]',
      facts: adult({ municipality: 'liepaja' }),
      verdict: 'no',
    },
  ],
  asistents: [
    {
      because: "the same: a foster family's child [lm-asistents]",
      facts: { ...child(7), group: 'child-in-care', careSetting: 'family' },
      verdict: 'likely',
    },
    {
      because: '"bērniem ar invaliditāti no 5 līdz 18 gadu vecumam, kuriem izsniegts … atzinums" [lm-asistents]',
      facts: child(7),
      verdict: 'likely',
    },
    { because: 'the same: under 5 [lm-asistents]', facts: child(4), verdict: 'no' },
    {
      because: 'the same: the opinion comes first [lm-asistents-pieprasitajam]',
      facts: child(7, { vdeavkSpecialCare: false }),
      verdict: 'first',
      step: STEP,
    },
    {
      because:
        '"pilngadīgai personai ar I vai II invaliditātes grupu, ja personai ir … garīga rakstura funkcionēšanas ierobežojumi" [mk-316-2021 3. p.]',
      facts: adult({ disabilityDetermined: true, disabilityGroup: 'II' }),
      verdict: 'likely',
    },
    {
      because: 'the same: group III is not I or II [mk-316-2021 3. p.]',
      facts: adult({ disabilityDetermined: true, disabilityGroup: 'III' }),
      verdict: 'no',
    },
    {
      because: 'the same: no disability determined yet — the step first [mk-316-2021 3. p.]',
      facts: adult({ disabilityDetermined: false }),
      verdict: 'first',
      step: STEP,
    },
    {
      because: 'the same: group unknown',
      facts: adult({ disabilityDetermined: true, disabilityGroup: null }),
      verdict: 'maybe',
      unknown: ['disabilityGroup'],
    },
  ],
  'kopsanas-pabalsts': [
    {
      because:
        '"Pabalstu piešķir personai, kura kopj bērnu ar invaliditāti vecumā līdz 18 gadiem" [lm-kopsanas-pabalsts]',
      facts: child(2),
      verdict: 'likely',
    },
    { because: 'the same: 18 and over [lm-kopsanas-pabalsts]', facts: child(18), verdict: 'no' },
    {
      because: 'the same: from the day the opinion is issued [lm-kopsanas-pabalsts]',
      facts: child(2, { vdeavkSpecialCare: false }),
      verdict: 'first',
      step: STEP,
    },
    {
      because: 'paid to the person who cares for the child: not for a child in an institution [lm-kopsanas-pabalsts]',
      facts: { ...child(9), group: 'child-in-care', careSetting: 'institution' },
      verdict: 'no',
    },
  ],
  'invaliditates-noteiksana': [
    {
      because: '"personai vispirms ir jādodas pie sava ģimenes vai ārstējoša ārsta" [lm-invaliditates-noteiksana]',
      facts: { group: 'adult', disabilityDetermined: false },
      verdict: 'likely',
    },
    {
      because:
        '"Ja atzinums īpašai kopšanai nav sniegts …, to … var pieprasīt iesniedzot iesniegumu." [vdeavk-atzinums]',
      facts: child(6, { vdeavkSpecialCare: false }),
      verdict: 'likely',
    },
    { because: 'a child who has both needs neither step', facts: child(6), verdict: 'no' },
  ],
  'atbalsta-persona': [
    {
      because: '"No 2026. gada 1. janvāra … būs arī pilngadīgām personām ar III invaliditātes grupu" [lm-aplp]',
      facts: adult({ disabilityDetermined: true, disabilityGroup: 'III' }),
      verdict: 'likely',
    },
    {
      because: '"pilngadīgām personām ar I vai II invaliditātes grupu" — no disability yet: the step first [lm-aplp]',
      facts: adult({ disabilityDetermined: false }),
      verdict: 'first',
      step: STEP,
    },
    { because: 'for adults only [lm-aplp]', facts: child(12), verdict: 'no' },
  ],
  'vajadzibu-izvertesana': [
    {
      because:
        'the social worker assesses the need for every service ("sociālā darba speciālists konstatējis … nepieciešamību") [talsi-sn-2-2025 3. p.] — issue 10: group III adult was told "no"',
      facts: adult({ disabilityDetermined: true, disabilityGroup: 'III' }),
      verdict: 'likely',
    },
    {
      because: 'the same for a child without a disability',
      facts: { group: 'child', age: 4, disabilityDetermined: false },
      verdict: 'likely',
    },
    { because: 'the same for anyone else who asks the social service', facts: { group: 'other' }, verdict: 'likely' },
    { because: "a foster family asks the orphans' court", facts: { group: 'foster' }, verdict: 'no' },
  ],
  dac: [
    {
      because:
        '"dienas aprūpes centrs — … personām ar garīga rakstura traucējumiem" — no group required nationally [spspl 1. p. 2. punkts]',
      facts: adult({ disabilityDetermined: true, disabilityGroup: 'III' }),
      verdict: 'likely',
    },
    { because: "the children's centre is another page [spspl]", facts: child(10), verdict: 'no' },
  ],
  'specializetas-darbnicas': [
    {
      because: '"specializētās darbnīcas cilvēkiem ar garīga rakstura traucējumiem" [labdien-2024-minimalais-grozs]',
      facts: adult({ disabilityDetermined: false }),
      verdict: 'likely',
    },
  ],
  'grupu-dzivoklis': [
    {
      because:
        '"grupu māja (dzīvoklis) — … kurā personai ar garīga rakstura traucējumiem nodrošina mājokli" [spspl 1. p. 5. punkts]',
      facts: adult(),
      verdict: 'likely',
    },
  ],
  'aprupe-majas': [
    {
      because: '"7.1. aprūpe mājās" — in every municipality\'s list [ventspils-novads-sn-20-2024]',
      facts: adult(),
      verdict: 'likely',
    },
  ],
  'islaiciga-aprupe': [
    {
      because: '"3.3. īslaicīga sociālā aprūpe … pilngadīgām personām" [ventspils-sn-4-2018]',
      facts: adult({ municipality: 'ventspils' }),
      verdict: 'likely',
    },
    {
      because: 'not in the rules read elsewhere: ask [ventspils-sn-4-2018]',
      facts: adult({ municipality: 'saldus-novads' }),
      verdict: 'maybe',
      unknown: [],
    },
  ],
  'specialistu-konsultacijas': [
    {
      because: 'no rule found that names it: ask the social service [talsi-sn-11-2021]',
      facts: adult({ municipality: 'liepaja' }),
      verdict: 'maybe',
      unknown: [],
    },
  ],
  'atbalsta-grupas': [
    {
      because: 'no rule found that names it: ask the social service [talsi-sn-11-2021]',
      facts: adult({ municipality: 'talsu-novads' }),
      verdict: 'maybe',
      unknown: [],
    },
  ],
  'rehabilitacija-berniem': [
    {
      because:
        "a municipal service under local rules not read: ask (never the project's support plan) [kuldiga-sn-knp-2021-12]",
      facts: child(7, { municipality: 'kuldigas-novads' }),
      verdict: 'maybe',
      unknown: [],
    },
    { because: 'children only [mk-55-2025]', facts: adult({ municipality: 'kuldigas-novads' }), verdict: 'no' },
  ],
  'rehabilitacija-vecakiem': [
    {
      because: 'a municipal service under local rules not read: ask [kuldiga-sn-knp-2021-12]',
      facts: child(7, { municipality: 'liepaja' }),
      verdict: 'maybe',
      unknown: [],
    },
  ],
  gvpp: [
    {
      because:
        '"… un tikai tad, ja tas nav iespējams, aprūpe tiek nodrošināta … institūcijā" — a child in an institution, Ventspils ("Namiņš") [stat-arpusgimenes-aprupe]',
      facts: { group: 'child-in-care', careSetting: 'institution', age: 9, municipality: 'ventspils' },
      verdict: 'likely',
    },
    {
      because: "the same elsewhere: whether there is such care now is not known — ask the orphans' court",
      facts: { group: 'child-in-care', careSetting: 'institution', age: 9, municipality: 'saldus-novads' },
      verdict: 'maybe',
      unknown: [],
    },
    {
      because:
        'a child who lives with a foster family or guardian already lives in a family (issue 10: every child in care was told "likely")',
      facts: { group: 'child-in-care', careSetting: 'family', age: 9, municipality: 'ventspils' },
      verdict: 'no',
    },
  ],
  audzugimenes: [
    {
      because:
        '"Bērnam primāri tiek nodrošināta iespēja augt pie aizbildņa vai audžuģimenē." [stat-arpusgimenes-aprupe]',
      facts: { group: 'foster' },
      verdict: 'likely',
    },
    { because: 'for foster families, guardians and adopters only', facts: child(7), verdict: 'no' },
  ],
  'dac-berniem': [
    {
      because: '"3.7. dienas aprūpes centrs personām ar funkcionāliem traucējumiem" [ventspils-sn-4-2018]',
      facts: child(10, { municipality: 'ventspils' }),
      verdict: 'likely',
    },
    {
      because: 'elsewhere: ask whether there is a centre for children [spspl]',
      facts: child(10, { municipality: 'saldus-novads' }),
      verdict: 'maybe',
      unknown: [],
    },
  ],
};

describe('the rules as of 2026, service by service', () => {
  for (const [service, cases] of Object.entries(TABLE)) {
    describe(service, () => {
      for (const c of cases) {
        it(`${c.verdict}: ${c.because}`, () => {
          const r = resultFor(service, c.facts);
          expect(r.verdict).toBe(c.verdict);
          if (c.unknown !== undefined) expect(r.unknown).toEqual(c.unknown);
          if (c.step !== undefined)
            expect(r.reasons.filter((x) => x.status === 'first').map((x) => x.step)).toContain(c.step);
          // Every verdict except likely says why, in both languages.
          if (c.verdict !== 'likely' && (c.unknown === undefined || c.unknown.length === 0)) {
            const why = r.reasons.filter((x) => x.status !== 'holds' && x.text !== null);
            expect(why.length, 'a reason text').toBeGreaterThan(0);
          }
        });
      }
    });
  }
});

export { TABLE };
