import { formatCsv } from '@medallion/csv-io';
import { formatCustomerIdList, GOLD_COLUMNS, type GoldRow } from '@medallion/schemas';

/**
 * Formats the gold table as CSV: header `Region,Subscribed Customers,Customer IDs`, then one line
 * per row, e.g. `Europe,2,"[001, 007]"`.
 *
 * @param rows - gold rows, already sorted.
 * @returns the CSV text (UTF-8, `\n` line endings).
 */
export function formatGoldCsv(rows: readonly GoldRow[]): string {
  return formatCsv([GOLD_COLUMNS, ...rows.map((row) => [row.region, String(row.subscribedCustomers), formatCustomerIdList(row.customerIds)])]);
}
