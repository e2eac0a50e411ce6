import { unescapeSpreadsheetCell } from '@medallion/csv-io';
import { isSubscribed, type GoldRow, type SilverColumns } from '@medallion/schemas';
import { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';

interface LatestRecord {
  region: string;
  subscribed: boolean;
  object: SilverObjectOrder;
  row: number;
}

/**
 * Gold's aggregation, free of S3: feed it every silver row, in any order of objects, and it keeps
 * each Customer ID's latest record (the later object by {@link compareSilverObjects}; within an
 * object, the later row). Memory grows with distinct customers, not rows.
 */
export class GoldAggregator {
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

  /**
   * Adds one silver row.
   *
   * @param object - the row's silver object (the same object instance for all its rows).
   * @param row - the row's 0-based position among the object's data rows.
   * @param fields - the row's fields.
   * @param columns - the object's column positions (from `resolveSilverColumns`).
   */
  add(object: SilverObjectOrder, row: number, fields: readonly string[], columns: SilverColumns): void {
    this.rowCount++;
    // Silver cells are spreadsheet-safe; gold works on the original values.
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
   * The gold table: one row per region holding at least one customer's latest record, sorted by
   * region; the subscribed IDs of each sorted by code-unit order.
   *
   * @returns the gold rows.
   */
  toRows(): GoldRow[] {
    const byRegion = new Map<string, string[]>();
    for (const [customerId, record] of this.latest) {
      let ids = byRegion.get(record.region);
      if (!ids) byRegion.set(record.region, (ids = []));
      if (record.subscribed) ids.push(customerId);
    }
    return [...byRegion.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([region, ids]) => {
        const customerIds = ids.sort();
        return { region, subscribedCustomers: customerIds.length, customerIds };
      });
  }
}
