import { LatestCustomerRecords } from '@medallion/silver-tables';
import { formatSubscriptionRate } from './subscription-rate';

/** One row of the platinum table `platinum/subscription_rate_by_region.csv`. */
export interface PlatinumRow {
  /** A region of the taxonomy, e.g. `Europe`. */
  readonly region: string;
  /** Distinct Customer IDs whose latest record is in this region. */
  readonly customers: number;
  /** Those of them whose latest record is subscribed (gold's `Subscribed Customers`). */
  readonly subscribedCustomers: number;
  /** `100 × subscribedCustomers / customers`, one decimal, rounded half up (see `formatSubscriptionRate`), e.g. `66.7`. */
  readonly subscriptionRate: string;
}

/**
 * Platinum's aggregation, free of S3: feed it every silver row (`add`), in any order of objects, and
 * it counts each Customer ID once, by its latest record, exactly as gold does (`LatestCustomerRecords`),
 * so its `Subscribed Customers` equal gold's; `rows` and `customers` count what it saw. Memory grows
 * with distinct customers, not rows.
 */
export class PlatinumAggregator extends LatestCustomerRecords {
  /**
   * The platinum table: one row per region holding at least one customer's latest record, sorted
   * by region (code-unit order, as gold).
   *
   * @returns the platinum rows.
   */
  toRows(): PlatinumRow[] {
    const byRegion = new Map<string, { customers: number; subscribed: number }>();
    for (const [, record] of this.records()) {
      let counts = byRegion.get(record.region);
      if (!counts) byRegion.set(record.region, (counts = { customers: 0, subscribed: 0 }));
      counts.customers++;
      if (record.subscribed) counts.subscribed++;
    }
    return [...byRegion.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([region, { customers, subscribed }]) => ({ region, customers, subscribedCustomers: subscribed, subscriptionRate: formatSubscriptionRate(subscribed, customers) }));
  }
}
