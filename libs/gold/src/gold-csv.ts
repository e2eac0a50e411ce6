import { formatCsv } from '@medallion/csv-io';
import { GOLD_COLUMNS } from '@medallion/schemas';
import type { GoldTableRow } from './gold-rows';

/**
 * Formats the gold table as CSV: header `Region,Subscribed Customers,Customer IDs`, then one line
 * per row, e.g. `Europe,2,"[001, 007]"`.
 *
 * @param rows - gold rows, already sorted.
 * @returns the CSV text (UTF-8, `\n` line endings).
 */
export function formatGoldCsv(rows: readonly GoldTableRow[]): string {
  return formatCsv([
    GOLD_COLUMNS,
    ...rows.map((row) => [row.region, String(row.subscribedCustomers), row.customerIdList]),
  ]);
}
