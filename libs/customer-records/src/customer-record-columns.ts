import type { ParquetColumn, ParquetColumnRequest, ParquetTable } from '@medallion/parquet-io';
import { firstUnsortedId, type CustomerRecords } from './customer-records';
import { CustomerRecordsFormatError } from './errors';

/** The Parquet column names of customer records, as Athena and DuckDB see them. */
export const CUSTOMER_RECORD_COLUMNS = {
  customerId: 'customer_id',
  region: 'region',
  subscribed: 'subscribed',
  line: 'bronze_line',
} as const;

/** The columns of customer records, as a reader asks for them. */
export const CUSTOMER_RECORD_REQUEST: ParquetColumnRequest = {
  [CUSTOMER_RECORD_COLUMNS.customerId]: 'text',
  [CUSTOMER_RECORD_COLUMNS.region]: 'category',
  [CUSTOMER_RECORD_COLUMNS.subscribed]: 'boolean',
  [CUSTOMER_RECORD_COLUMNS.line]: 'int32',
};

/**
 * Customer records as Parquet columns: `customer_id` (text), `region` (category), `subscribed`
 * (boolean), `bronze_line` (INT32). The source is the caller's to write (a constant, or a column).
 *
 * @param records - the records.
 * @returns the four columns, in that order.
 */
export function customerRecordColumns(records: CustomerRecords): ParquetColumn[] {
  return [
    { name: CUSTOMER_RECORD_COLUMNS.customerId, kind: 'text', values: records.ids },
    { name: CUSTOMER_RECORD_COLUMNS.region, kind: 'category', categories: records.regions, codes: records.region },
    { name: CUSTOMER_RECORD_COLUMNS.subscribed, kind: 'boolean', values: records.subscribed },
    { name: CUSTOMER_RECORD_COLUMNS.line, kind: 'int32', values: records.line },
  ];
}

function column<K extends ParquetColumn['kind']>(
  table: ParquetTable,
  name: string,
  kind: K,
): Extract<ParquetColumn, { kind: K }> {
  const found = table.columns.find((candidate) => candidate.name === name);
  if (found?.kind !== kind) throw new CustomerRecordsFormatError(`no ${kind} column ${name}`);
  return found as Extract<ParquetColumn, { kind: K }>;
}

/**
 * Customer records from a Parquet table read with {@link CUSTOMER_RECORD_REQUEST} (and more).
 *
 * @param table - the table read.
 * @param source - each record's source: one index for all, or a per-row column.
 * @returns the records (IDs still pointing into the file's bytes).
 * @throws CustomerRecordsFormatError when a column is missing, or the IDs are not strictly ascending.
 */
export function customerRecordsOf(table: ParquetTable, source: number | Uint32Array): CustomerRecords {
  const ids = column(table, CUSTOMER_RECORD_COLUMNS.customerId, 'text').values;
  const region = column(table, CUSTOMER_RECORD_COLUMNS.region, 'category');
  const unsorted = firstUnsortedId(ids);
  if (unsorted >= 0) throw new CustomerRecordsFormatError(`Customer IDs are not strictly ascending (row ${unsorted})`);
  return {
    count: table.rows,
    ids,
    regions: region.categories,
    region: region.codes,
    subscribed: column(table, CUSTOMER_RECORD_COLUMNS.subscribed, 'boolean').values,
    line: column(table, CUSTOMER_RECORD_COLUMNS.line, 'int32').values,
    source: typeof source === 'number' ? new Uint32Array(table.rows).fill(source) : source,
  };
}
