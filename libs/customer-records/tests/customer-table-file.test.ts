import { writeParquet } from '@medallion/parquet-io';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_TABLE_METADATA_KEY,
  CustomerRecordsFormatError,
  customerRecordColumns,
  decodeCustomerTable,
  encodeCustomerTable,
} from '../src/index';
import { plainOf, recordsFromPlain } from './customer-records-model';

const facts = {
  bronzeKey: 'bronze/a b.csv',
  bronzeETag: 'e1',
  eventTime: '2026-11-29T12:00:01.000Z',
  sequencer: '00000000000000000A',
  silverKey: 'silver/a b.csv',
};
const records = recordsFromPlain([
  { id: '001', region: 'Europe', subscribed: 1, line: 2, source: 0 },
  { id: '😀', region: 'Others', subscribed: 0, line: 4, source: 0 },
  { id: '0002', region: 'Europe', subscribed: 1, line: 3, source: 0 },
]);

describe('customer table file', () => {
  it("round-trips a file's records and facts, the records taking the reader's source", async () => {
    const bytes = encodeCustomerTable(records, facts);
    const read = await decodeCustomerTable(bytes, 4);
    expect(read.facts).toEqual(facts);
    expect(plainOf(read.records)).toEqual([
      { id: '0002', region: 'Europe', subscribed: 1, line: 3, source: 4 },
      { id: '001', region: 'Europe', subscribed: 1, line: 2, source: 4 },
      { id: '😀', region: 'Others', subscribed: 0, line: 4, source: 4 },
    ]);
  });

  it('refuses a Parquet file without customer table facts, and IDs out of order', async () => {
    const plain = writeParquet({ rows: records.count, columns: customerRecordColumns(records), metadata: {} });
    await expect(decodeCustomerTable(plain, 0)).rejects.toThrow(CustomerRecordsFormatError);
    const reversed = {
      ...records,
      ids: { ...records.ids, starts: records.ids.starts.slice().reverse(), ends: records.ids.ends.slice().reverse() },
    };
    const unsorted = writeParquet({
      rows: 3,
      columns: customerRecordColumns(reversed),
      metadata: { [CUSTOMER_TABLE_METADATA_KEY]: JSON.stringify({ format: 1, ...facts }) },
    });
    await expect(decodeCustomerTable(unsorted, 0)).rejects.toThrow('Customer IDs are not strictly ascending (row 1)');
  });
});
