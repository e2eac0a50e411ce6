import { readCsvBatchFields, unescapeSpreadsheetCell } from '@medallion/csv-io';
import { isSubscribed, type SilverColumns } from '@medallion/schemas';

/** One batch of a silver table's records (structured-cloneable: it may cross to a worker thread). */
export interface GoldBatchTask {
  /** Whole records, UTF-8 (see `splitCsvBatches`). */
  readonly bytes: Uint8Array;
  /** The physical line of the batch's first record (for errors). */
  readonly firstLine: number;
  /** The table's column positions (from `resolveSilverColumns`). */
  readonly columns: SilverColumns;
}

/** What gold needs of each record of a batch, one entry per data record, in order. */
export interface GoldBatchKeys {
  /** Customer IDs, spreadsheet escaping undone, trimmed; '' where the record has none. */
  readonly customerIds: string[];
  /** The distinct Region values of the batch (escaping undone). */
  readonly regionNames: string[];
  /** Each record's Region, as an index into `regionNames`. */
  readonly regionIndexes: Uint32Array;
  /** 1 where the record's subscription status counts as subscribed (or the table has no status column), else 0. */
  readonly subscribed: Uint8Array;
}

/**
 * Reads one batch of a silver table and keeps what gold counts: Customer ID, Region, subscribed.
 * Synchronous; on a worker thread or inline, the result is the same.
 *
 * @param task - the batch's bytes, first line and the table's columns.
 * @returns the batch's keys (arrays as long as the batch's data records).
 * @throws CsvSyntaxError for malformed CSV.
 */
export function extractGoldKeys(task: GoldBatchTask): GoldBatchKeys {
  const records = readCsvBatchFields(task.bytes, { firstLine: task.firstLine });
  const { customerId, region, status } = task.columns;
  const customerIds: string[] = new Array(records.length);
  const regionIndexes = new Uint32Array(records.length);
  const subscribed = new Uint8Array(records.length);
  const regionNames: string[] = [];
  const regionIndex = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const fields = records[i]!;
    customerIds[i] = unescapeSpreadsheetCell(fields[customerId] ?? '').trim();
    const regionName = unescapeSpreadsheetCell(fields[region] ?? '');
    let index = regionIndex.get(regionName);
    if (index === undefined) {
      index = regionNames.push(regionName) - 1;
      regionIndex.set(regionName, index);
    }
    regionIndexes[i] = index;
    subscribed[i] = isSubscribed(status === undefined ? undefined : unescapeSpreadsheetCell(fields[status] ?? '')) ? 1 : 0;
  }
  return { customerIds, regionNames, regionIndexes, subscribed };
}
