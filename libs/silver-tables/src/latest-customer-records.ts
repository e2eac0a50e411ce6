import { unescapeSpreadsheetCell } from '@medallion/csv-io';
import { isSubscribed, type SilverColumns } from '@medallion/schemas';
import { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';

/** What a reader of silver keeps of one customer: its latest record's region and status. */
export interface CustomerRecord {
  /** The Region cell, e.g. `Europe`. */
  readonly region: string;
  /** Whether the status is a subscribed one (see `isSubscribed`); true in a table without a status column. */
  readonly subscribed: boolean;
}

interface LatestRecord extends CustomerRecord {
  readonly object: SilverObjectOrder;
  readonly row: number;
}

/** Takes the rows of committed silver tables, as {@link readCommittedSilver} hands them out. */
export interface SilverRowSink {
  /**
   * One data row of a silver table.
   *
   * @param object - the row's silver object (the same object instance for all its rows).
   * @param row - the row's 0-based position among the object's data rows.
   * @param fields - the row's fields, as silver wrote them (spreadsheet-safe).
   * @param columns - the object's column positions (from `resolveSilverColumns`).
   */
  add(object: SilverObjectOrder, row: number, fields: readonly string[], columns: SilverColumns): void;
}

/**
 * Each Customer ID's latest record across silver, free of S3: feed it every silver row, in any
 * order of objects, and it keeps, per Customer ID (trimmed, spreadsheet escape undone), the record
 * of the later object by {@link compareSilverObjects} and, within an object, the later row. Rows
 * with an empty Customer ID are counted and otherwise ignored. Memory grows with distinct
 * customers, not rows. Gold and platinum count customers this way.
 */
export class LatestCustomerRecords implements SilverRowSink {
  private readonly latest = new Map<string, LatestRecord>();
  private rowCount = 0;

  /** Silver rows added so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Distinct Customer IDs seen so far. */
  get customers(): number {
    return this.latest.size;
  }

  add(object: SilverObjectOrder, row: number, fields: readonly string[], columns: SilverColumns): void {
    this.rowCount++;
    // Silver cells are spreadsheet-safe; readers work on the original values.
    const customerId = unescapeSpreadsheetCell(fields[columns.customerId] ?? '').trim();
    if (customerId === '') return;
    const previous = this.latest.get(customerId);
    if (previous) {
      const order = previous.object === object ? 0 : compareSilverObjects(previous.object, object);
      if (order > 0 || (order === 0 && previous.row > row)) return;
    }
    this.latest.set(customerId, {
      region: unescapeSpreadsheetCell(fields[columns.region] ?? ''),
      subscribed: isSubscribed(columns.status === undefined ? undefined : unescapeSpreadsheetCell(fields[columns.status] ?? '')),
      object,
      row,
    });
  }

  /**
   * Each customer's latest record.
   *
   * @returns `[customerId, { region, subscribed }]` pairs, in first-seen order of the IDs.
   */
  *records(): IterableIterator<[string, CustomerRecord]> {
    for (const [customerId, { region, subscribed }] of this.latest) yield [customerId, { region, subscribed }];
  }
}
