import { readCsvBatchFields, unescapeSpreadsheetCell } from '@medallion/csv-io';
import { isSubscribed, type SilverColumns } from '@medallion/schemas';

/** One batch of a silver table's records (structured-cloneable: it may cross to a worker thread). */
export interface CustomerKeysTask {
  /** Whole records, UTF-8 (see `splitCsvBatches`). */
  readonly bytes: Uint8Array;
  /** The physical line of the batch's first record (for errors). */
  readonly firstLine: number;
  /** The table's column positions (from `resolveSilverColumns`). */
  readonly columns: SilverColumns;
}

/** What gold and platinum need of each record of a batch, one entry per data record, in order. */
export interface CustomerKeys {
  /** Customer IDs, spreadsheet escaping undone, trimmed; '' where the record has none. */
  readonly customerIds: string[];
  /** The distinct Region values of the batch (escaping undone). */
  readonly regionNames: string[];
  /** Each record's Region, as an index into `regionNames`. */
  readonly regionIndexes: Uint32Array;
  /** 1 where the record's subscription status counts as subscribed (or the table has no status column), else 0. */
  readonly subscribed: Uint8Array;
}

/** One record's keys, as {@link extractCustomerKeys} reads them. */
export interface CustomerKey {
  readonly customerId: string;
  readonly region: string;
  readonly subscribed: boolean;
}

/**
 * What gold and platinum count of one silver record: its Customer ID (spreadsheet escaping undone,
 * trimmed; '' when missing), Region (escaping undone) and whether it counts as subscribed.
 *
 * @param fields - the record's fields, as silver wrote them.
 * @param columns - the table's column positions.
 * @returns the record's keys.
 */
export function customerKeyOf(fields: readonly string[], columns: SilverColumns): CustomerKey {
  return {
    customerId: unescapeSpreadsheetCell(fields[columns.customerId] ?? '').trim(),
    region: unescapeSpreadsheetCell(fields[columns.region] ?? ''),
    subscribed: isSubscribed(
      columns.status === undefined ? undefined : unescapeSpreadsheetCell(fields[columns.status] ?? ''),
    ),
  };
}

/**
 * Reads one batch of a silver table and keeps what gold and platinum count: Customer ID, Region, subscribed.
 * Synchronous; on a worker thread or inline, the result is the same.
 *
 * @param task - the batch's bytes, first line and the table's columns.
 * @returns the batch's keys (arrays as long as the batch's data records).
 * @throws CsvSyntaxError for malformed CSV.
 */
export function extractCustomerKeys(task: CustomerKeysTask): CustomerKeys {
  const records = readCsvBatchFields(task.bytes, { firstLine: task.firstLine });
  const customerIds: string[] = new Array(records.length);
  const regionIndexes = new Uint32Array(records.length);
  const subscribed = new Uint8Array(records.length);
  const regionNames: string[] = [];
  const regionIndex = new Map<string, number>();
  records.forEach((record, i) => {
    const key = customerKeyOf(record, task.columns);
    customerIds[i] = key.customerId;
    let index = regionIndex.get(key.region);
    if (index === undefined) {
      index = regionNames.push(key.region) - 1;
      regionIndex.set(key.region, index);
    }
    regionIndexes[i] = index;
    subscribed[i] = key.subscribed ? 1 : 0;
  });
  return { customerIds, regionNames, regionIndexes, subscribed };
}
