import { codeVersion, type AggregateLayer } from '@medallion/layer-runtime';
import { putObject } from '@medallion/s3-io';
import { GOLD_MANIFEST_KEY, SILVER_MANIFEST_PREFIX, type GoldManifest, type GoldRow } from '@medallion/schemas';
import { readCommittedSilver, silverReadMetrics, type SilverReadOptions } from '@medallion/silver-tables';
import { GoldAggregator } from './gold-aggregator';
import { formatGoldCsv } from './gold-csv';

/** The gold table's key. */
export const GOLD_KEY = 'gold/customers_by_region.csv';

/** How gold spreads the CSV work of its silver tables (see `SilverReadOptions`): threads, the parallel threshold, the batch size. */
export type GoldLayerOptions = SilverReadOptions;

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

/**
 * Gold: on any new or removed silver manifest (`silver/_manifests/*.json`, written by silver after
 * its outputs, removed first when its bronze object is deleted), recomputes `gold/customers_by_region.csv` from ALL committed silver: it lists the
 * manifests page by page, and for each `processed` one streams the silver table at the version the
 * manifest names (`readCommittedSilver`). A silver object without its manifest (a
 * failed invocation) is never read. Never increments a previous gold. Each Customer ID counts once,
 * by its latest record (see `GoldAggregator`; files ordered by their bronze event as the manifest
 * records it), so duplicated or reordered events give the same bytes. Then writes
 * `gold/_manifests/customers_by_region.json`: the silver tables read, by ETag and version.
 *
 * Tables are read in batches, on worker threads for tables of 1 MiB and more when threads are
 * available (`MEDALLION_WORKER_THREADS`); the gold table is the same either way.
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
    metricsOf: silverReadMetrics,
    async recompute(env, bucket) {
      const aggregator = new GoldAggregator();
      const { sources, skippedObjects } = await readCommittedSilver(env, bucket, aggregator, options);
      const rows = aggregator.toRows();
      const stored = await putObject(env.s3, { bucket, key: GOLD_KEY, contentType: 'text/csv; charset=utf-8' }, formatGoldCsv(rows));
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
