import { createTextDecoder, readCsvBatchFields, splitCsvBatches, unescapeSpreadsheetCell } from '@medallion/csv-io';
import { codeVersion, type AggregateLayer, type LayerEnvironment } from '@medallion/layer-runtime';
import { listObjects, openObject, putObject, readJsonObject } from '@medallion/s3-io';
import { mapInOrder, workerThreadCount } from '@medallion/worker-pool';
import {
  asSilverManifest,
  GOLD_MANIFEST_KEY,
  resolveSilverColumns,
  SILVER_MANIFEST_PREFIX,
  type GoldManifest,
  type GoldRow,
  type ManifestObject,
  type SilverColumns,
} from '@medallion/schemas';
import { GoldAggregator } from './gold-aggregator';
import { goldBatchRunner } from './gold-batch-runner';
import { formatGoldCsv } from './gold-csv';

/** The gold table's key. */
export const GOLD_KEY = 'gold/customers_by_region.csv';

/** Silver objects read at once. */
const READ_CONCURRENCY = 8;

/** What one gold recompute produced. */
export interface GoldResult {
  readonly goldKey: string;
  /** Silver tables read (one per `processed` silver manifest). */
  readonly silverObjects: number;
  /** Silver tables skipped because they are not silver tables (no Customer ID or Region column). */
  readonly skippedObjects: number;
  /** Silver rows read. */
  readonly silverRows: number;
  /** Distinct Customer IDs. */
  readonly customers: number;
  readonly rows: GoldRow[];
}

function tryResolveColumns(header: string[]): SilverColumns | undefined {
  try {
    return resolveSilverColumns(header);
  } catch {
    return undefined;
  }
}

/** How gold spreads the CSV work of its silver tables. */
export interface GoldLayerOptions {
  /** Worker threads for tables of at least `parallelMinBytes`. @default workerThreadCount() (`MEDALLION_WORKER_THREADS`) */
  readonly threads?: number;
  /** Smallest table (bytes) worth the worker threads; smaller ones are read inline. @default 8 MiB */
  readonly parallelMinBytes?: number;
  /** Batch size (bytes) for `splitCsvBatches`. @default 256 KiB */
  readonly batchBytes?: number;
}

/** Reads one committed silver table (the version its manifest names) into the aggregator, in batches of whole records. */
async function addSilverTable(
  env: LayerEnvironment,
  bucket: string,
  table: ManifestObject,
  order: { eventTime: string; sequencer: string; key: string },
  aggregator: GoldAggregator,
  options: GoldLayerOptions,
): Promise<boolean> {
  const silver = await openObject(env.s3, bucket, table.key, table.versionId);
  if (silver.eTag !== table.eTag) {
    // Only where reads cannot name a version (a store without versions): never count other bytes than the committed ones.
    silver.body.destroy();
    throw new Error(`silver table ${table.key} changed since its manifest was written (ETag ${silver.eTag}, manifest ${table.eTag}); silver's retry rewrites both`);
  }
  const text = createTextDecoder('utf-8');
  silver.body.once('error', (error) => text.destroy(error));
  const batches = splitCsvBatches(silver.body.pipe(text), { batchBytes: options.batchBytes ?? 256 * 1024 });
  const first = await batches.next();
  const header = first.done ? undefined : readCsvBatchFields(first.value.bytes, { firstLine: 1 })[0];
  // Silver escapes header cells too (a name starting with a tab or `=`): match on the original names.
  const columns = header ? tryResolveColumns(header.map(unescapeSpreadsheetCell)) : undefined;
  if (!columns) {
    silver.body.destroy();
    env.logger.warn('silver object skipped: not a silver table', { bucket, key: table.key });
    return false;
  }
  const threads = silver.contentLength >= (options.parallelMinBytes ?? 8 * 1024 * 1024) ? (options.threads ?? workerThreadCount()) : 0;
  const runner = goldBatchRunner(threads);
  let row = 0;
  for await (const keys of mapInOrder(batches, (batch) => runner.run({ bytes: batch.bytes, firstLine: batch.firstLine, columns }), Math.max(2, 2 * threads))) {
    aggregator.addKeys(order, row, keys);
    row += keys.customerIds.length;
  }
  return true;
}

/**
 * Gold: on any new or removed silver manifest (`silver/_manifests/*.json`, written by silver after
 * its outputs, removed first when its bronze object is deleted), recomputes `gold/customers_by_region.csv` from ALL committed silver: it lists the
 * manifests page by page, and for each `processed` one streams the silver table at the version the
 * manifest names ({@link READ_CONCURRENCY} at a time). A silver object without its manifest (a
 * failed invocation) is never read. Never increments a previous gold. Each Customer ID counts once,
 * by its latest record (see `GoldAggregator`; files ordered by their bronze event as the manifest
 * records it), so duplicated or reordered events give the same bytes. Then writes
 * `gold/_manifests/customers_by_region.json`: the silver tables read, by ETag and version.
 *
 * A table is read in batches of whole records (`splitCsvBatches`): on worker threads for tables
 * of 8 MiB and more when threads are available (`MEDALLION_WORKER_THREADS`), inline otherwise; the
 * gold table is the same either way.
 *
 * @param options - threads, the parallel threshold and the batch size (tests, the benchmark).
 * @returns the layer definition.
 */
export function createGoldLayer(options: GoldLayerOptions = {}): AggregateLayer<GoldResult> {
  return {
    kind: 'aggregate',
    name: 'gold',
    inputPrefix: SILVER_MANIFEST_PREFIX,
    inputSuffixes: ['.json'],
    outputPrefix: 'gold/',
    acceptsRemovals: true,
    metricsOf: (result) => [
      { name: 'SilverObjects', unit: 'Count', value: result.silverObjects },
      { name: 'RowsIn', unit: 'Count', value: result.silverRows },
      { name: 'Customers', unit: 'Count', value: result.customers },
      { name: 'RowsOut', unit: 'Count', value: result.rows.length },
    ],
    async recompute(env, bucket) {
      const aggregator = new GoldAggregator();
      const listing = listObjects(env.s3, bucket, SILVER_MANIFEST_PREFIX);
      const sources: Array<ManifestObject & { manifestKey: string }> = [];
      let skippedObjects = 0;
      const worker = async (): Promise<void> => {
        for (let next = await listing.next(); !next.done; next = await listing.next()) {
          const manifestKey = next.value.key;
          if (!manifestKey.endsWith('.json')) continue;
          const manifest = asSilverManifest(await readJsonObject(env.s3, bucket, manifestKey));
          const table = manifest.outputs.silver;
          if (manifest.outcome !== 'processed' || !table) continue;
          const order = { eventTime: manifest.source.eventTime, sequencer: manifest.source.sequencer, key: table.key };
          if (await addSilverTable(env, bucket, table, order, aggregator, options)) sources.push({ ...table, manifestKey });
          else skippedObjects++;
        }
      };
      await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
      const rows = aggregator.toRows();
      const stored = await putObject(env.s3, { bucket, key: GOLD_KEY, contentType: 'text/csv; charset=utf-8' }, formatGoldCsv(rows));
      sources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const manifest: GoldManifest = {
        layer: 'gold',
        codeVersion: codeVersion(),
        sources,
        counts: { silverObjects: sources.length, silverRows: aggregator.rows, customers: aggregator.customers, regions: rows.length },
        output: { key: stored.key, eTag: stored.eTag, ...(stored.versionId ? { versionId: stored.versionId } : {}) },
      };
      await putObject(env.s3, { bucket, key: GOLD_MANIFEST_KEY, contentType: 'application/json' }, `${JSON.stringify(manifest, null, 2)}\n`);
      const result = { goldKey: GOLD_KEY, silverObjects: sources.length, skippedObjects, silverRows: aggregator.rows, customers: aggregator.customers, rows };
      env.logger.info('gold recomputed', { bucket, key: GOLD_KEY, silverObjects: sources.length, skippedObjects, silverRows: result.silverRows, customers: result.customers, regions: rows.length });
      return result;
    },
  };
}

/** Gold with the default options: see {@link createGoldLayer}. */
export const goldLayer = createGoldLayer();
