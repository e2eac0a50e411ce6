import { textAt, type TextColumn } from '@medallion/parquet-io';
import { compareCustomerIds } from './compare-customer-ids';

/**
 * Each customer's latest record, one per Customer ID, sorted by Customer ID: the shape silver's
 * customer table and an aggregate's checkpoint hold, and that merges work on. Columnar and without
 * an object per customer (about 23 bytes a customer plus the ID's UTF-8 bytes), so that millions of
 * customers fit in a Lambda function.
 */
export interface CustomerRecords {
  /** Customers (records). */
  readonly count: number;
  /** The Customer IDs (trimmed, as silver accepted them), UTF-8, strictly ascending by {@link compareCustomerIds}. */
  readonly ids: TextColumn;
  /** The Region names that `region` indexes, e.g. `['Europe', 'Asia']`. */
  readonly regions: readonly string[];
  /** Each record's Region, as an index into `regions`. */
  readonly region: Uint16Array;
  /** 1 where the record's status counts as subscribed (or its file had no status column), else 0. */
  readonly subscribed: Uint8Array;
  /** The physical line of the bronze file where the record starts (the header is line 1). */
  readonly line: Int32Array;
  /** Which silver commit the record came from: an index into the holder's list of commits (0 for one commit's own table). */
  readonly source: Uint32Array;
}

/** No customers. */
export const NO_CUSTOMER_RECORDS: CustomerRecords = {
  count: 0,
  ids: { bytes: new Uint8Array(0), starts: new Uint32Array(0), ends: new Uint32Array(0) },
  regions: [],
  region: new Uint16Array(0),
  subscribed: new Uint8Array(0),
  line: new Int32Array(0),
  source: new Uint32Array(0),
};

/**
 * One record's Customer ID as a string.
 *
 * @param records - the records.
 * @param index - the record's position, 0 ≤ index < count.
 * @returns the ID.
 */
export function customerIdAt(records: CustomerRecords, index: number): string {
  return textAt(records.ids, index);
}

/**
 * The position of the first record whose ID sorts after another's, by {@link compareCustomerIds}.
 *
 * @returns -1 when the IDs are strictly ascending, else the index `i` with `ids[i - 1] >= ids[i]`.
 */
export function firstUnsortedId(ids: TextColumn): number {
  const { bytes, starts, ends } = ids;
  for (let i = 1; i < starts.length; i++) {
    if (compareCustomerIds(bytes, starts[i - 1]!, ends[i - 1]!, bytes, starts[i]!, ends[i]!) >= 0) return i;
  }
  return -1;
}
