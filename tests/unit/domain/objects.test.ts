import { describe, expect, it } from 'vitest';
import { isPlainObject, parseStoredObject } from '../../../src/domain/objects';

describe('isPlainObject', () => {
  it('accepts what JSON.parse gives for an object, and an object without a prototype', () => {
    expect(isPlainObject(JSON.parse('{"a":1}'))).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });
  it('refuses null, arrays, class instances and primitives', () => {
    for (const v of [null, [], new Date(), new Map(), 'x', 1, true, undefined]) expect(isPlainObject(v)).toBe(false);
  });
});

describe('parseStoredObject', () => {
  it('gives the object of the expected version', () => {
    expect(parseStoredObject('{"version":2,"a":"b"}', 2)).toEqual({ version: 2, a: 'b' });
  });
  it('gives null for nothing stored, bad JSON, another shape or another version', () => {
    for (const raw of [null, '', '{', 'null', '[1]', '"text"', '{"a":1}', '{"version":"2"}', '{"version":1}']) {
      expect(parseStoredObject(raw, 2), String(raw)).toBeNull();
    }
  });
});
