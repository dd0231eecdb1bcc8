/**
 * The vocabulary shared by the eligibility check and the referral: the municipalities of
 * the Kurzeme planning region and who fills in a form. One list, so the wizard's answers
 * and the referral schema can never disagree.
 */

/** The 8 municipalities of the Kurzeme planning region since the 2021 reform (content ids). */
export const MUNICIPALITY_IDS = [
  'liepaja',
  'ventspils',
  'dienvidkurzemes-novads',
  'kuldigas-novads',
  'saldus-novads',
  'talsu-novads',
  'ventspils-novads',
  'tukuma-novads',
] as const;
export type MunicipalityId = (typeof MUNICIPALITY_IDS)[number];

/** Who fills in the check or the form (the person, a parent, a support person, a professional). */
export const FILLED_BY = ['self', 'parent', 'support-person', 'professional'] as const;
export type FilledBy = (typeof FILLED_BY)[number];
