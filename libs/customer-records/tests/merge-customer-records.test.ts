import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAllCustomerRecords, mergeCustomerRecords, NO_CUSTOMER_RECORDS } from '../src/index';
import { anyRecords, plainOf, recordsFromPlain, type PlainRecord } from './customer-records-model';

/** The model: every ID once, the record of the latest-ranked source, sorted by JavaScript's order. */
function latestOf(sets: ReadonlyArray<readonly PlainRecord[]>, rank: readonly number[]): PlainRecord[] {
  const latest = new Map<string, PlainRecord>();
  for (const record of sets.flat()) {
    const kept = latest.get(record.id);
    if (!kept || rank[record.source]! >= rank[kept.source]!) latest.set(record.id, record);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('mergeCustomerRecords', () => {
  it('keeps every customer once, with the record of the later-ranked source (property, 500 random pairs)', () => {
    fc.assert(
      fc.property(anyRecords(0), anyRecords(1), fc.boolean(), (older, newer, olderRanksLater) => {
        const rank = olderRanksLater ? [1, 0] : [0, 1];
        const merged = mergeCustomerRecords(recordsFromPlain(older), recordsFromPlain(newer), rank);
        expect(plainOf(merged)).toEqual(latestOf([older, newer], rank));
      }),
      { numRuns: 500 },
    );
  });

  it('merges any number of sets as the model does (property, 200 random lists of up to 12 sets)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((n) =>
          fc.tuple(
            fc.tuple(...Array.from({ length: n }, (_, source) => anyRecords(source))),
            fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => i),
              { minLength: n, maxLength: n },
            ),
          ),
        ),
        ([sets, rank]) => {
          const merged = mergeAllCustomerRecords(sets.map(recordsFromPlain), rank);
          expect(plainOf(merged)).toEqual(latestOf(sets, rank));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('merges three new records into 100,000 and leaves the others as they were', () => {
    const base = Array.from({ length: 100_000 }, (_, i): PlainRecord => ({
      id: `C${String(i * 2).padStart(7, '0')}`,
      region: i % 2 ? 'Asia' : 'Europe',
      subscribed: i % 3 === 0 ? 1 : 0,
      line: i + 2,
      source: 0,
    }));
    const added: PlainRecord[] = [
      { id: 'A', region: 'Others', subscribed: 1, line: 2, source: 1 },
      { id: 'C0000002', region: 'Africa', subscribed: 0, line: 3, source: 1 },
      { id: 'C0000003', region: 'Africa', subscribed: 1, line: 4, source: 1 },
    ];
    const merged = mergeCustomerRecords(recordsFromPlain(base), recordsFromPlain(added), [0, 1]);
    expect(merged.count).toBe(100_002);
    expect(merged.regions).toEqual(['Europe', 'Asia', 'Others', 'Africa']);
    expect(plainOf(merged).slice(0, 5)).toEqual([added[0], base[0], added[1], added[2], base[2]]);
    expect(plainOf(merged).at(-1)).toEqual(base.at(-1));
  });

  it('merges nothing into nothing', () => {
    expect(mergeCustomerRecords(NO_CUSTOMER_RECORDS, NO_CUSTOMER_RECORDS, []).count).toBe(0);
    expect(mergeAllCustomerRecords([], []).count).toBe(0);
  });
});
