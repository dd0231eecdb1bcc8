import { describe, expect, it } from 'vitest';
import { eAddressWriteUrl } from '../../../src/domain/eaddress';

describe('eAddressWriteUrl', () => {
  it('opens "write to this institution" in the state portal, the recipient filled in', () => {
    expect(eAddressWriteUrl('90000038741')).toBe(
      'https://www.latvija.lv/lv/Eaddress/write?address=_default@90000038741',
    );
  });

  it.each(['', '9000003874', '900000387410', '9000003874a', '90000038741&x=1'])('refuses %j', (regNo) => {
    expect(() => eAddressWriteUrl(regNo)).toThrow(/registration number/);
  });
});
