import type { CustomerRecords } from '@medallion/customer-records';
import { textColumnFromStrings } from '@medallion/parquet-io';
import fc from 'fast-check';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { encodeRegionCustomers, goldRowsOf } from '../src';

/** A state as gold holds it: one record per ID, sorted by JavaScript's string order. */
function stateOf(records: readonly { id: string; region: string; subscribed: number }[]): CustomerRecords {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const regions = [...new Set(sorted.map((record) => record.region))];
  return {
    count: sorted.length,
    ids: textColumnFromStrings(sorted.map((record) => record.id)),
    regions,
    region: Uint16Array.from(sorted, (record) => regions.indexOf(record.region)),
    subscribed: Uint8Array.from(sorted, (record) => record.subscribed),
    line: Int32Array.from(sorted, (_, i) => i + 2),
    source: new Uint32Array(sorted.length),
  };
}

async function rowsOfFile(bytes: Uint8Array): Promise<unknown[]> {
  return parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  });
}

describe('gold as a long table (region_customers.parquet)', () => {
  it('holds one row per Region and subscribed customer, sorted by Region then ID', async () => {
    const state = stateOf([
      { id: '007', region: 'Europe', subscribed: 1 },
      { id: '001', region: 'Europe', subscribed: 1 },
      { id: '002', region: 'Asia', subscribed: 0 },
      { id: 'José', region: 'Asia', subscribed: 1 },
    ]);
    expect(await rowsOfFile(encodeRegionCustomers(state))).toEqual([
      { region: 'Asia', customer_id: 'José' },
      { region: 'Europe', customer_id: '001' },
      { region: 'Europe', customer_id: '007' },
    ]);
  });

  it('is an empty table with both columns when nobody is subscribed', async () => {
    const state = stateOf([{ id: '1', region: 'Europe', subscribed: 0 }]);
    expect(await rowsOfFile(encodeRegionCustomers(state))).toEqual([]);
  });

  it('is the gold CSV table unrolled, for any state (property, small pages and row groups)', async () => {
    const record = fc.record({
      id: fc.string({ unit: fc.constantFrom('0', '1', 'a', 'é', '😀', ' '), minLength: 1, maxLength: 5 }),
      region: fc.constantFrom('Europe', 'Asia', 'Others', 'South America'),
      subscribed: fc.constantFrom(0, 1),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 80 }), async (records) => {
        const state = stateOf(records);
        const expected = goldRowsOf(state).flatMap((row) =>
          row.customerIds.map((id) => ({ region: row.region, customer_id: id })),
        );
        const bytes = encodeRegionCustomers(state, { rowGroupRows: 7, pageBytes: 64 });
        expect(await rowsOfFile(bytes)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
