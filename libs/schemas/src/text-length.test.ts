import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength } from './text-length';

describe('codePointLength', () => {
  it('counts characters, an emoji as one', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀'.repeat(33))).toBe(33);
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\ud800x\udc00')).toBe(3); // lone surrogates: one each
  });

  it('equals the number of code points the string iterator gives (property: random texts)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(codePointLength(text)).toBe([...text].length);
      }),
    );
  });
});
