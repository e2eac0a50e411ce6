import { customerIdAt, joinCustomerIds, recordsByRegion, type CustomerRecords } from '@medallion/customer-records';
import type { GoldRow } from '@medallion/schemas';

/** One gold row as gold computes it: besides the row, its `Customer IDs` cell as written. */
export interface GoldTableRow extends GoldRow {
  /** The `Customer IDs` cell, e.g. `[001, 007]`: the IDs in order, `, ` between them. */
  readonly customerIdList: string;
}

/**
 * The gold table of a state (each customer's latest record across silver): one row per region
 * holding at least one customer, sorted by region (code-unit order); `Subscribed Customers` counts
 * the customers there whose latest record is subscribed, listed by ID in the state's order
 * (JavaScript's string order, `00003` < `0002` < `001`). A row's `customerIds` are decoded from the
 * state only when asked for (a million IDs cost time and memory); the cell is built from bytes.
 *
 * @param state - the records, sorted by Customer ID.
 * @returns the rows.
 */
export function goldRowsOf(state: CustomerRecords): GoldTableRow[] {
  return recordsByRegion(state).map(({ region, subscribed }) => {
    let ids: string[] | undefined;
    return {
      region,
      subscribedCustomers: subscribed.length,
      customerIdList: `[${joinCustomerIds(state, subscribed, ', ')}]`,
      get customerIds(): string[] {
        ids ??= Array.from(subscribed, (position) => customerIdAt(state, position));
        return ids;
      },
    };
  });
}
