/**
 * The wizard's inputs from the REAL content, as the page builds them (Latvian or
 * easy-read texts), read with the same loader and views as the server and the build.
 */
import type { Facts } from '../../../../src/domain/eligibility/index';
import { wizardDataOf, type WizardData } from '../../../../src/domain/model/index';
import { loadContent } from '../../../../server/content';

export const content = loadContent();
export const rules = content.eligibility;

/**
 * A parent's complete answers for the typical case: a seven-year-old with a disability and
 * the VDEĀVK special-care opinion, in a municipality whose own rules the content states.
 */
export const CHILD: Facts = {
  group: 'child',
  filledBy: 'parent',
  age: 7,
  disabilityDetermined: true,
  vdeavkSpecialCare: true,
  municipality: 'kuldigas-novads',
};

/** A social worker's answers for a child with a disability in a foster family. */
export const CHILD_IN_CARE: Facts = {
  group: 'child-in-care',
  filledBy: 'professional',
  careSetting: 'family',
  age: 12,
  disabilityDetermined: true,
  vdeavkSpecialCare: true,
  municipality: 'talsu-novads',
};

/** A support person's answers for an adult with an intellectual disability and disability group III. */
export const ADULT: Facts = {
  group: 'adult',
  filledBy: 'support-person',
  age: 30,
  disabilityDetermined: true,
  disabilityGroup: 'III',
  municipality: 'liepaja',
};

/** The wizard's data of one version, as the page builds it. */
export function wizardData(variant: 'lv' | 'easy'): WizardData {
  return wizardDataOf(content, variant);
}
