import { readParquet, writeParquet, type ParquetColumn, type ParquetLayout } from '@medallion/parquet-io';
import { CUSTOMER_RECORD_REQUEST, customerRecordColumns, customerRecordsOf } from './customer-record-columns';
import type { CustomerRecords } from './customer-records';
import { CustomerRecordsFormatError } from './errors';

/** The format of silver's customer tables, recorded in each file; a reader refuses others. */
export const CUSTOMER_TABLE_FORMAT = 1;

/** The footer key that holds a customer table's facts (JSON). */
export const CUSTOMER_TABLE_METADATA_KEY = 'medallion.customer_table';

/** The columns that carry a row's ordering facts beside its record (constant within one table). */
export const CUSTOMER_TABLE_ORDER_COLUMNS = {
  bronzeKey: 'bronze_key',
  eventTime: 'bronze_event_time',
  sequencer: 'bronze_sequencer',
} as const;

/** What a customer table records of where its rows came from: the bronze object and its event. */
export interface CustomerTableFacts {
  /** The bronze object's key, e.g. `bronze/customers.csv`. */
  readonly bronzeKey: string;
  /** The bronze object's ETag as silver read it. */
  readonly bronzeETag: string;
  /** The bronze event's time, ISO 8601. */
  readonly eventTime: string;
  /** The bronze event's sequencer (hex); empty when the event had none. */
  readonly sequencer: string;
  /** The silver table the rows are also in, e.g. `silver/customers.csv`. */
  readonly silverKey: string;
}

function constantColumn(name: string, value: string, rows: number): ParquetColumn {
  return { name, kind: 'category', categories: [value], codes: new Uint16Array(rows) };
}

/**
 * Silver's customer table of one bronze object as a Parquet file: each Customer ID's latest record
 * in the file (`customer_id`, `region`, `subscribed`, `bronze_line`), sorted by Customer ID, and the
 * ordering facts on every row (`bronze_key`, `bronze_event_time`, `bronze_sequencer`, dictionary-
 * encoded: a few bytes for all rows) so that a query can pick each customer's latest record across
 * files; the facts again as JSON in the footer (`medallion.customer_table`, with the format).
 *
 * @param records - the file's customer records (sorted, one per ID).
 * @param facts - the bronze object, its event and the silver table.
 * @param layout - row group and page sizes (tests).
 * @returns the file's bytes.
 */
export function encodeCustomerTable(
  records: CustomerRecords,
  facts: CustomerTableFacts,
  layout?: ParquetLayout,
): Uint8Array {
  return writeParquet(
    {
      rows: records.count,
      columns: [
        ...customerRecordColumns(records),
        constantColumn(CUSTOMER_TABLE_ORDER_COLUMNS.bronzeKey, facts.bronzeKey, records.count),
        constantColumn(CUSTOMER_TABLE_ORDER_COLUMNS.eventTime, facts.eventTime, records.count),
        constantColumn(CUSTOMER_TABLE_ORDER_COLUMNS.sequencer, facts.sequencer, records.count),
      ],
      metadata: {
        [CUSTOMER_TABLE_METADATA_KEY]: JSON.stringify({
          format: CUSTOMER_TABLE_FORMAT,
          customers: records.count,
          ...facts,
        }),
      },
    },
    layout,
  );
}

function factsOf(json: string | undefined): CustomerTableFacts {
  let facts: Partial<CustomerTableFacts> & { format?: unknown };
  try {
    facts = JSON.parse(json ?? 'null') ?? {};
  } catch {
    throw new CustomerRecordsFormatError(`the ${CUSTOMER_TABLE_METADATA_KEY} metadata is not JSON`);
  }
  if (facts.format !== CUSTOMER_TABLE_FORMAT)
    throw new CustomerRecordsFormatError(
      `not a customer table of format ${CUSTOMER_TABLE_FORMAT} (format ${String(facts.format)})`,
    );
  const { bronzeKey, bronzeETag, eventTime, sequencer, silverKey } = facts;
  if ([bronzeKey, bronzeETag, eventTime, sequencer, silverKey].some((value) => typeof value !== 'string')) {
    throw new CustomerRecordsFormatError(
      `the ${CUSTOMER_TABLE_METADATA_KEY} metadata lacks the bronze key, ETag, event time, sequencer or silver key`,
    );
  }
  return {
    bronzeKey: bronzeKey!,
    bronzeETag: bronzeETag!,
    eventTime: eventTime!,
    sequencer: sequencer!,
    silverKey: silverKey!,
  };
}

/**
 * Reads a customer table written by {@link encodeCustomerTable}.
 *
 * @param bytes - the whole file (the records' IDs point into it).
 * @param source - the source index its records get in the reader's numbering.
 * @returns the records and the facts.
 * @throws CustomerRecordsFormatError when it is not a customer table of this format;
 *   ParquetFormatError when it is not Parquet or lacks a column.
 */
export async function decodeCustomerTable(
  bytes: Uint8Array,
  source: number,
): Promise<{ records: CustomerRecords; facts: CustomerTableFacts }> {
  const table = await readParquet(bytes, CUSTOMER_RECORD_REQUEST);
  const facts = factsOf(table.metadata[CUSTOMER_TABLE_METADATA_KEY]);
  return { records: customerRecordsOf(table, source), facts };
}
