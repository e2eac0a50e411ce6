import fc from 'fast-check';
import { textColumnFromStrings } from '@medallion/parquet-io';
import { customerIdAt, type CustomerRecords } from '../src/index';

/** One record as plain values, for comparing record sets with a simple model. */
export interface PlainRecord {
  readonly id: string;
  readonly region: string;
  readonly subscribed: number;
  readonly line: number;
  readonly source: number;
}

/** Customer IDs of any Unicode: ASCII digits, accented letters, U+E000–U+FFFF and astral characters (the pairs whose byte order differs from JavaScript's). */
export const anyCustomerId = fc.oneof(
  fc.string({
    unit: fc.constantFrom('0', '1', '2', 'a', 'Z', 'é', 'ß', '\uE000', '\uFFFD', '😀', '𝔸', '-', ' '),
    minLength: 1,
    maxLength: 6,
  }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);

/** Records as a set would hold them: sorted by JavaScript's string order, one per ID. */
export function recordsFromPlain(plain: readonly PlainRecord[]): CustomerRecords {
  const sorted = [...plain].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const regions = [...new Set(sorted.map((record) => record.region))];
  return {
    count: sorted.length,
    ids: textColumnFromStrings(sorted.map((record) => record.id)),
    regions,
    region: Uint16Array.from(sorted, (record) => regions.indexOf(record.region)),
    subscribed: Uint8Array.from(sorted, (record) => record.subscribed),
    line: Int32Array.from(sorted, (record) => record.line),
    source: Uint32Array.from(sorted, (record) => record.source),
  };
}

/** A record set's records as plain values, in its order. */
export function plainOf(records: CustomerRecords): PlainRecord[] {
  return Array.from({ length: records.count }, (_, i) => ({
    id: customerIdAt(records, i),
    region: records.regions[records.region[i]!]!,
    subscribed: records.subscribed[i]!,
    line: records.line[i]!,
    source: records.source[i]!,
  }));
}

/** A random record set of one source: distinct IDs, random regions, statuses and lines. */
export function anyRecords(source: number): fc.Arbitrary<PlainRecord[]> {
  return fc.uniqueArray(anyCustomerId, { maxLength: 60 }).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          region: fc.constantFrom('Europe', 'Asia', 'Others', 'Africa'),
          subscribed: fc.constantFrom(0, 1),
          line: fc.integer({ min: 2, max: 10_000 }),
          source: fc.constant(source),
        }),
      ),
    ),
  );
}
