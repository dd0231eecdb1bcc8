/**
 * The wizard's hand-over, as the wizard builds it from the real rules, passes the server's
 * check of `answers` — the check derives from the eligibility module, so a fact or a
 * verdict added there keeps passing here without a change.
 */
import { describe, expect, it } from 'vitest';
import { FACT_ORDER, type Facts } from '../../../../src/domain/eligibility/index';
import {
  applyPrefill,
  emptyFormValues,
  parsePrefill,
  requestFromFormValues,
  validateReferral,
} from '../../../../src/domain/referral/index';
import { buildPrefill } from '../../../../src/domain/wizard/session';
import { loadReferralContent } from '../../../../server/content';
import { CHILD, rules } from '../wizard/fixtures';

const server = loadReferralContent();

describe("the wizard's hand-over on the server", () => {
  it.each([
    ['a child', CHILD],
    ['a foster family', { group: 'foster', filledBy: 'self', municipality: 'talsu-novads' } satisfies Facts],
    [
      'a step first (a benefit not asked of the social service)',
      {
        group: 'child',
        filledBy: 'parent',
        age: 6,
        vdeavkSpecialCare: false,
        municipality: 'saldus-novads',
      } satisfies Facts,
    ],
    [
      'a child in an institution',
      {
        group: 'child-in-care',
        filledBy: 'professional',
        careSetting: 'institution',
        age: 9,
        disabilityDetermined: false,
        municipality: 'ventspils',
      } satisfies Facts,
    ],
    [
      'unknown answers',
      {
        group: 'adult',
        filledBy: 'support-person',
        age: null,
        disabilityDetermined: null,
        municipality: 'liepaja',
      } satisfies Facts,
    ],
  ])('%s: the form sends it and the server accepts the answers', (_who, facts) => {
    const handover = buildPrefill(rules, facts);
    const prefill = parsePrefill(JSON.stringify(handover), server.ids);
    expect(prefill?.answers).toBeDefined();
    const values = applyPrefill(emptyFormValues(handover.type), prefill ?? ({} as never));
    const filled = {
      ...values,
      filledBy: values.filledBy || 'self',
      person: { ...values.person, group: values.person.group || 'other' },
      services: values.services.length > 0 ? values.services : ['dac'],
      contact: { ...values.contact, name: 'Ilze', phone: '20000000' },
      interest: handover.type === 'foster' ? ('audzugimene' as const) : ('' as const),
      consent: true,
    };
    const result = validateReferral(requestFromFormValues(filled), server.ids);
    expect(result.ok ? 'ok' : JSON.stringify(result.errors)).toBe('ok');
    if (!result.ok) return;
    for (const key of Object.keys(result.value.answers ?? {})) {
      expect(key === 'verdicts' || (FACT_ORDER as readonly string[]).includes(key), key).toBe(true);
    }
  });
});
