import { formatCsv, readCsvBatchFields, unescapeSpreadsheetCell } from '@medallion/csv-io';
import type { TestLake } from '@medallion/local-s3/testing';
import { formatSubscriptionRate } from '@medallion/platinum';
import { asSilverManifest, isSubscribed, resolveSilverColumns } from '@medallion/schemas';
import { compareSilverObjects, type SilverObjectOrder } from '@medallion/silver-tables';

interface Latest {
  readonly order: SilverObjectOrder;
  readonly row: number;
  readonly region: string;
  readonly subscribed: boolean;
}

/**
 * Gold's and platinum's tables computed from scratch, independently of the layers: every processed
 * silver manifest's wide silver table parsed whole, each Customer ID's latest row kept in a plain map
 * (the later bronze event time, then sequencer, then silver key; within a table, the later row), then
 * grouped by region. The reference the incremental aggregates must equal byte for byte.
 *
 * @param lake - the lake.
 * @returns the two CSV texts.
 */
export async function aggregatesFromScratch(lake: TestLake): Promise<{ gold: string; platinum: string }> {
  const latest = new Map<string, Latest>();
  for (const key of await lake.keys('silver/_manifests/')) {
    const manifest = asSilverManifest(JSON.parse((await lake.text(key))!));
    const silver = manifest.outputs.silver;
    if (manifest.outcome !== 'processed' || !silver) continue;
    const [header = [], ...rows] = readCsvBatchFields(Buffer.from((await lake.text(silver.key))!), { firstLine: 1 });
    const columns = resolveSilverColumns(header.map(unescapeSpreadsheetCell));
    const order = { eventTime: manifest.source.eventTime, sequencer: manifest.source.sequencer, key: silver.key };
    rows.forEach((fields, row) => {
      const id = unescapeSpreadsheetCell(fields[columns.customerId] ?? '').trim();
      if (id === '') return;
      const kept = latest.get(id);
      const later =
        !kept ||
        compareSilverObjects(kept.order, order) < 0 ||
        (compareSilverObjects(kept.order, order) === 0 && kept.row < row);
      const status = columns.status === undefined ? undefined : unescapeSpreadsheetCell(fields[columns.status] ?? '');
      if (later)
        latest.set(id, {
          order,
          row,
          region: unescapeSpreadsheetCell(fields[columns.region] ?? ''),
          subscribed: isSubscribed(status),
        });
    });
  }
  const regions = new Map<string, { customers: number; subscribed: string[] }>();
  for (const [id, record] of latest) {
    const region = regions.get(record.region) ?? { customers: 0, subscribed: [] };
    regions.set(record.region, region);
    region.customers++;
    if (record.subscribed) region.subscribed.push(id);
  }
  const sorted = [...regions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    gold: formatCsv([
      ['Region', 'Subscribed Customers', 'Customer IDs'],
      ...sorted.map(([region, { subscribed }]) => [
        region,
        String(subscribed.length),
        `[${subscribed.sort().join(', ')}]`,
      ]),
    ]),
    platinum: formatCsv([
      ['Region', 'Customers', 'Subscribed Customers', 'Subscription Rate'],
      ...sorted.map(([region, { customers, subscribed }]) => [
        region,
        String(customers),
        String(subscribed.length),
        formatSubscriptionRate(subscribed.length, customers),
      ]),
    ]),
  };
}
