import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys, SortedKeys } from '../../src/s3-server/sorted-keys';

const utf8Order = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('compareKeys and SortedKeys', () => {
  it('order keys as their UTF-8 bytes do, also where UTF-16 order differs', () => {
    expect(['\uFFFF', '😀', 'a', 'é', '\uE000'].sort(compareKeys)).toEqual(['a', 'é', '\uE000', '\uFFFF', '😀']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareKeys(a, b))).toBe(Math.sign(utf8Order(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps keys sorted and finds the positions a listing starts at', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 60 }),
        fc.array(fc.nat()),
        fc.string({ unit: 'grapheme', maxLength: 3 }),
        (added, removals, probe) => {
          const keys = new SortedKeys();
          const model = new Set<string>();
          for (const key of added) {
            keys.add(key);
            model.add(key);
          }
          for (const pick of removals) {
            const key = added[pick % Math.max(1, added.length)];
            if (key === undefined) continue;
            keys.delete(key);
            model.delete(key);
          }
          const expected = [...model].sort(utf8Order);
          expect(Array.from({ length: keys.size }, (_, i) => keys.at(i))).toEqual(expected);
          expect(keys.firstAtOrAfter(probe)).toBe(expected.filter((key) => utf8Order(key, probe) < 0).length);
          expect(keys.firstAfter(probe)).toBe(expected.filter((key) => utf8Order(key, probe) <= 0).length);
          expect(keys.firstPast(probe)).toBe(
            expected.filter((key) => utf8Order(key, probe) < 0 || key.startsWith(probe)).length,
          );
          expect(SortedKeys.of(model).size).toBe(expected.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
