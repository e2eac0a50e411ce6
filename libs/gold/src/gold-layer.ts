import { readCsvRecords } from '@medallion/csv-io';
import type { AggregateLayer, LayerEnvironment } from '@medallion/layer-runtime';
import { hasCsvExtension } from '@medallion/s3-events';
import { listObjects, openObject, putObject } from '@medallion/s3-io';
import { resolveSilverColumns, SILVER_METADATA, type GoldRow } from '@medallion/schemas';
import { GoldAggregator } from './gold-aggregator';
import { formatGoldCsv } from './gold-csv';

/** The gold table's key. */
export const GOLD_KEY = 'gold/customers_by_region.csv';

/** Silver objects read at once. */
const READ_CONCURRENCY = 8;

/** What one gold recompute produced. */
export interface GoldResult {
  readonly goldKey: string;
  /** Silver objects read. */
  readonly silverObjects: number;
  /** Silver objects skipped because they are not silver tables (no Customer ID or Region column). */
  readonly skippedObjects: number;
  /** Silver rows read. */
  readonly silverRows: number;
  /** Distinct Customer IDs. */
  readonly customers: number;
  readonly rows: GoldRow[];
}

async function addSilverObject(env: LayerEnvironment, bucket: string, key: string, aggregator: GoldAggregator): Promise<boolean> {
  const silver = await openObject(env.s3, bucket, key);
  const order = { eventTime: silver.metadata[SILVER_METADATA.eventTime] ?? '', sequencer: silver.metadata[SILVER_METADATA.sequencer] ?? '', key };
  const records = readCsvRecords(silver.body);
  const header = await records.next();
  const columns = header.done ? undefined : tryResolveColumns(header.value.fields);
  if (!columns) {
    silver.body.destroy();
    env.logger.warn('silver object skipped: not a silver table', { bucket, key });
    return false;
  }
  let row = 0;
  for await (const record of records) aggregator.add(order, row++, record.fields, columns);
  return true;
}

function tryResolveColumns(header: string[]): ReturnType<typeof resolveSilverColumns> | undefined {
  try {
    return resolveSilverColumns(header);
  } catch {
    return undefined;
  }
}

/**
 * Gold: on any event under `silver/`, recomputes `gold/customers_by_region.csv` from ALL silver
 * objects (listed page by page, streamed, {@link READ_CONCURRENCY} at a time); never increments a
 * previous gold. Each Customer ID counts once, by its latest record (see `GoldAggregator`), so
 * duplicated or reordered events give the same bytes.
 */
export const goldLayer: AggregateLayer<GoldResult> = {
  kind: 'aggregate',
  name: 'gold',
  inputPrefix: 'silver/',
  outputPrefix: 'gold/',
  async recompute(env, bucket) {
    const aggregator = new GoldAggregator();
    const listing = listObjects(env.s3, bucket, 'silver/');
    let silverObjects = 0;
    let skippedObjects = 0;
    const worker = async (): Promise<void> => {
      for (let next = await listing.next(); !next.done; next = await listing.next()) {
        if (!hasCsvExtension(next.value.key)) continue;
        if (await addSilverObject(env, bucket, next.value.key, aggregator)) silverObjects++;
        else skippedObjects++;
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    const rows = aggregator.toRows();
    await putObject(env.s3, { bucket, key: GOLD_KEY, contentType: 'text/csv; charset=utf-8' }, formatGoldCsv(rows));
    const result = { goldKey: GOLD_KEY, silverObjects, skippedObjects, silverRows: aggregator.rows, customers: aggregator.customers, rows };
    env.logger.info('gold recomputed', { bucket, key: GOLD_KEY, silverObjects, skippedObjects, silverRows: result.silverRows, customers: result.customers, regions: rows.length });
    return result;
  },
};
