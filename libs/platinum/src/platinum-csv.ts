import { formatCsv } from '@medallion/csv-io';
import type { PlatinumRow } from './platinum-rows';

/** The platinum table's header. */
export const PLATINUM_COLUMNS = ['Region', 'Customers', 'Subscribed Customers', 'Subscription Rate'] as const;

/**
 * Formats the platinum table as CSV: header `Region,Customers,Subscribed Customers,Subscription Rate`,
 * then one line per row, e.g. `Europe,3,2,66.7`.
 *
 * @param rows - platinum rows, already sorted.
 * @returns the CSV text (UTF-8, `\n` line endings).
 */
export function formatPlatinumCsv(rows: readonly PlatinumRow[]): string {
  return formatCsv([
    PLATINUM_COLUMNS,
    ...rows.map((row) => [row.region, String(row.customers), String(row.subscribedCustomers), row.subscriptionRate]),
  ]);
}
