import type { GoldRow } from '@medallion/schemas';
import { LatestCustomerRecords } from '@medallion/silver-tables';

/**
 * Gold's aggregation, free of S3: feed it every silver row (`add`), in any order of objects, and it
 * keeps each Customer ID's latest record (see `LatestCustomerRecords`: the later object by ingest
 * order; within an object, the later row); `rows` and `customers` count what it saw. Memory grows
 * with distinct customers, not rows.
 */
export class GoldAggregator extends LatestCustomerRecords {
  /**
   * The gold table: one row per region holding at least one customer's latest record, sorted by
   * region; the subscribed IDs of each sorted by code-unit order.
   *
   * @returns the gold rows.
   */
  toRows(): GoldRow[] {
    const byRegion = new Map<string, string[]>();
    for (const [customerId, record] of this.records()) {
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
