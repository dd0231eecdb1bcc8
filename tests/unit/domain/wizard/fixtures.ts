/**
 * The wizard's inputs from the REAL content, as the page builds them (Latvian or
 * easy-read texts), read with the same loader and views as the server and the build.
 */
import type { Facts } from '../../../../src/domain/eligibility/index';
import { wizardDataOf, type WizardData } from '../../../../src/domain/model/index';
import { loadContent } from '../../../../server/content';

const content = loadContent();
export const rules = content.eligibility;

/** A parent's complete answers for a three-year-old with a disability. */
export const CHILD: Facts = {
  group: 'child',
  filledBy: 'parent',
  age: 3,
  disabilityDetermined: true,
  vdeavkSpecialCare: true,
  parentsWorkOrStudy: true,
  supportPlan: false,
  municipality: 'kuldigas-novads',
};

/** The wizard's data of one version, as the page builds it. */
export function wizardData(variant: 'lv' | 'easy'): WizardData {
  return wizardDataOf(content, variant);
}
