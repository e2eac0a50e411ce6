import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

/**
 * Whether medallion's gold (from `medallion run --json`) and the pandas reference's gold CSV agree
 * region by region on the subscribed customers and their IDs, so that the two timed runs did the
 * same work.
 *
 * @param medallionJsonFile - the run's `--json` output.
 * @param pandasGoldFile - `pandas_gold.py`'s CSV (`Region, Subscribed Customers, Customer IDs`).
 * @returns undefined when they agree, else the first region that differs, in words.
 */
export function goldDisagreement(medallionJsonFile: string, pandasGoldFile: string): string | undefined {
  const medallion = JSON.parse(readFileSync(medallionJsonFile, 'utf8')) as {
    gold: Array<{ region: string; subscribedCustomers: number; customerIds: string[] }>;
  };
  const pandas = parse(readFileSync(pandasGoldFile), { columns: true }) as Array<Record<string, string>>;
  const ours = new Map(medallion.gold.map((row) => [row.region, row]));
  for (const row of pandas) {
    const region = row['Region'] ?? '';
    const subscribed = Number(row['Subscribed Customers']);
    const theirs = ours.get(region);
    if (subscribed === 0 && theirs === undefined) continue;
    if (theirs?.subscribedCustomers !== subscribed)
      return `${region}: pandas counts ${subscribed} subscribed customers, medallion ${theirs?.subscribedCustomers ?? 'none'}`;
    if (`[${[...theirs.customerIds].sort().join(', ')}]` !== row['Customer IDs'])
      return `${region}: the Customer IDs differ`;
  }
  return undefined;
}
