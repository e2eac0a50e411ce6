import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCustomerIds } from '../src/index';
import { anyCustomerId } from './customer-records-model';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const compare = (a: string, b: string): number => {
  const x = utf8(a);
  const y = utf8(b);
  return Math.sign(compareCustomerIds(x, 0, x.length, y, 0, y.length));
};

describe('compareCustomerIds', () => {
  it('orders UTF-8 bytes exactly as JavaScript orders the strings (property, 2,000 random pairs)', () => {
    fc.assert(
      fc.property(anyCustomerId, anyCustomerId, (a, b) => {
        expect(compare(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts astral characters before U+E000–U+FFFF, as UTF-16 does, and a prefix first', () => {
    expect(compare('😀', '\uFFFD')).toBe(-1);
    expect(compare('\uE000', '𝔸')).toBe(1);
    expect(compare('\uD7FF', '😀')).toBe(-1);
    expect(compare('00003', '0002')).toBe(-1);
    expect(compare('001', '0010')).toBe(-1);
    expect(compare('abc', 'abc')).toBe(0);
  });
});
