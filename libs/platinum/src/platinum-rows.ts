import { recordsByRegion, type CustomerRecords } from '@medallion/customer-records';
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
 * The platinum table of a state (each customer's latest record across silver, as gold counts them,
 * so its `Subscribed Customers` equal gold's): one row per region holding at least one customer,
 * sorted by region (code-unit order, as gold).
 *
 * @param state - the records.
 * @returns the rows.
 */
export function platinumRowsOf(state: CustomerRecords): PlatinumRow[] {
  return recordsByRegion(state).map(({ region, customers, subscribed }) => ({
    region,
    customers,
    subscribedCustomers: subscribed.length,
    subscriptionRate: formatSubscriptionRate(subscribed.length, customers),
  }));
}
