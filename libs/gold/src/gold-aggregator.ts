import type { GoldRow, SilverColumns } from '@medallion/schemas';
import { LatestCustomerRecords, type SilverObjectOrder, type SilverRowSink } from '@medallion/silver-tables';

/**
 * Gold's aggregation, free of S3: feed it every silver row, in any order of objects, and it keeps
 * each Customer ID's latest record (see `LatestCustomerRecords`: the later object by ingest order;
 * within an object, the later row). Memory grows with distinct customers, not rows.
 */
export class GoldAggregator implements SilverRowSink {
  private readonly latest = new LatestCustomerRecords();

  /** Silver rows added so far. */
  get rows(): number {
    return this.latest.rows;
  }

  /** Distinct Customer IDs seen so far. */
  get customers(): number {
    return this.latest.customers;
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
    this.latest.add(object, row, fields, columns);
  }

  /**
   * The gold table: one row per region holding at least one customer's latest record, sorted by
   * region; the subscribed IDs of each sorted by code-unit order.
   *
   * @returns the gold rows.
   */
  toRows(): GoldRow[] {
    const byRegion = new Map<string, string[]>();
    for (const [customerId, record] of this.latest.records()) {
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
