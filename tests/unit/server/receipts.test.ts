/**
 * Receipts (server/receipts.ts): the confirmation page's address is signed by the server, so
 * a made-up reference never shows "Pieteikums nosūtīts".
 */
import { describe, expect, it } from 'vitest';
import { createReceipts } from '../../../server/receipts';

const MUNICIPALITIES = ['liepaja', 'kuldigas-novads'];
const receipts = createReceipts('a-secret-for-the-unit-tests-only');
const receipt = { type: 'service', reference: 'KV-2345-6789', municipality: 'kuldigas-novads' } as const;

describe('receipts', () => {
  it('carry only the reference, the municipality and a signature', () => {
    const query = new URLSearchParams(receipts.query(receipt));
    expect([...query.keys()]).toEqual(['ref', 'm', 'sig']);
    expect(query.get('sig')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(receipts.verify('service', query, MUNICIPALITIES)).toEqual(receipt);
  });

  it('read a reference as a person may type it', () => {
    const query = new URLSearchParams(receipts.query(receipt));
    query.set('ref', 'kv 2345 6789');
    expect(receipts.verify('service', query, MUNICIPALITIES)?.reference).toBe('KV-2345-6789');
  });

  it.each([
    ['another reference', { ref: 'KV-2345-678A' }],
    ['another municipality', { m: 'liepaja' }],
    ['an unknown municipality', { m: 'riga' }],
    ['no signature', { sig: '' }],
    ['a made-up signature', { sig: 'AAAAAAAAAAAAAAAAAAAAAA' }],
    ['a signature cut short', { sig: 'abc' }],
    ['a malformed reference', { ref: '<script>' }],
  ])('refuse %s', (_what, change) => {
    const query = new URLSearchParams(receipts.query(receipt));
    for (const [k, v] of Object.entries(change)) query.set(k, v);
    expect(receipts.verify('service', query, MUNICIPALITIES)).toBeNull();
  });

  it('are bound to the type of enquiry and to the secret', () => {
    const query = new URLSearchParams(receipts.query(receipt));
    expect(receipts.verify('foster', query, MUNICIPALITIES)).toBeNull();
    expect(createReceipts('another-secret-of-some-length-here').verify('service', query, MUNICIPALITIES)).toBeNull();
  });
});
