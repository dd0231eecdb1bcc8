/**
 * The draft of a request form (src/domain/referral/draft.ts): what the person typed, kept in
 * this tab's sessionStorage — parsed and never trusted.
 */
import { describe, expect, it } from 'vitest';
import {
  DRAFT_VERSION,
  draftKey,
  emptyFormValues,
  isEmptyDraft,
  parseDraft,
  serializeDraft,
} from '../../../../src/domain/referral/index';
import type { ReferralFormValues } from '../../../../src/domain/referral/index';
import { OPTIONS } from './fixtures';

function typed(): ReferralFormValues {
  const v = emptyFormValues('service');
  return {
    ...v,
    municipality: 'dienvidkurzemes-novads',
    place: 'Aizpute',
    filledBy: 'parent',
    person: { firstName: 'Anna', age: '7', group: 'child' },
    services: ['atelpas-bridis'],
    contact: { ...v.contact, name: 'Ilze Bērziņa', phone: '20000000', easyLanguage: true },
    message: 'Pirmā rinda\nOtrā rinda',
    answers: { age: 7, verdicts: [{ service: 'atelpas-bridis', verdict: 'likely' }] },
    consent: true,
    website: 'bot text',
  };
}

const stored = (values: Record<string, unknown>, version: unknown = DRAFT_VERSION): string =>
  JSON.stringify({ version, values });

describe('the draft of a request form', () => {
  it('has a key per form', () => {
    expect(draftKey('service')).toBe('kv:draft:service');
    expect(draftKey('foster')).toBe('kv:draft:foster');
  });

  it('comes back exactly as typed, without the honeypot', () => {
    const text = serializeDraft(typed());
    expect(text).not.toContain('bot text');
    expect(parseDraft(text, 'service', OPTIONS)).toEqual({ ...typed(), website: '' });
  });

  it('is empty for an untouched form', () => {
    expect(isEmptyDraft(emptyFormValues('foster'))).toBe(true);
    expect(isEmptyDraft({ ...emptyFormValues('foster'), message: 'x' })).toBe(false);
  });

  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['not JSON', '{"version":1,'],
    ['another version', stored({ type: 'service' }, 2)],
    ['no values', JSON.stringify({ version: 1 })],
    ['the other form', serializeDraft({ ...typed(), type: 'foster' })],
    ['a person that is not an object', stored({ ...typed(), person: 'Anna' })],
    ['a contact that is not an object', stored({ ...typed(), contact: null })],
  ])('is discarded with %s', (_what, raw) => {
    expect(parseDraft(raw, 'service', OPTIONS)).toBeNull();
  });

  it('leaves out, one by one, values the form does not offer or could not hold', () => {
    const v = typed();
    const draft = parseDraft(
      stored({
        ...v,
        municipality: 'riga',
        filledBy: 'neighbour',
        person: { firstName: 'x'.repeat(61), age: 7, group: 'alien' },
        services: ['atelpas-bridis', 'masaza', 'atelpas-bridis', 5],
        contact: { ...v.contact, preferred: 'fax', easyLanguage: 'yes', phone: ['2'] },
        message: 'x'.repeat(2001),
        answers: { 'bad key': 1 },
        consent: 'true',
      }),
      'service',
      OPTIONS,
    );
    expect(draft).toMatchObject({
      municipality: '',
      filledBy: '',
      person: { firstName: '', age: '', group: '' },
      services: ['atelpas-bridis'],
      contact: { name: 'Ilze Bērziņa', phone: '', preferred: '', easyLanguage: false },
      message: '',
      consent: false,
    });
    expect(draft?.answers).toBeUndefined();
    // Never a key the form does not have (a tampered draft adds nothing).
    expect(Object.keys(draft ?? {}).sort()).toEqual(Object.keys(emptyFormValues('service')).sort());
  });
});
