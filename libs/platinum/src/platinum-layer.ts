import { codeVersion, type AggregateLayer } from '@medallion/layer-runtime';
import { putObject } from '@medallion/s3-io';
import { SILVER_MANIFEST_PREFIX, type ManifestObject } from '@medallion/schemas';
import { readCommittedSilver, silverReadMetrics, type SilverSource } from '@medallion/silver-tables';
import { formatPlatinumCsv } from './platinum-csv';
import { PlatinumAggregator, type PlatinumRow } from './platinum-transform';

/** The platinum table's key. */
export const PLATINUM_KEY = 'platinum/subscription_rate_by_region.csv';

/** Where platinum writes the manifest of its table. */
export const PLATINUM_MANIFEST_KEY = 'platinum/_manifests/subscription_rate_by_region.json';

/** Platinum's record of one recompute, as gold's: the silver tables it read, by version. */
export interface PlatinumManifest {
  readonly layer: 'platinum';
  readonly codeVersion: string;
  /** Every silver table read, sorted by key, with its manifest's key. */
  readonly sources: readonly SilverSource[];
  readonly counts: { readonly silverObjects: number; readonly silverRows: number; readonly customers: number; readonly regions: number };
  readonly output: ManifestObject;
}

/** What one platinum recompute produced. */
export interface PlatinumResult {
  /** The table's key, {@link PLATINUM_KEY}. */
  readonly outputKey: string;
  /** Silver tables read (one per `processed` silver manifest). */
  readonly silverObjects: number;
  /** Silver tables skipped because they are not silver tables (no Customer ID or Region column). */
  readonly skippedObjects: number;
  /** Silver rows read. */
  readonly silverRows: number;
  /** Distinct Customer IDs. */
  readonly customers: number;
  readonly rows: PlatinumRow[];
}

/**
 * Platinum (aggregate): on any new or removed silver manifest (`silver/_manifests/*.json`),
 * recomputes `platinum/subscription_rate_by_region.csv` (`Region,Customers,Subscribed
 * Customers,Subscription Rate`) from ALL committed silver, read as gold reads it (`readCommittedSilver`:
 * each `processed` manifest's table at its version, ETag-checked). Gold lists only subscribed
 * customers, so it cannot give the rate's denominator; platinum counts every customer once, by
 * its latest record, as gold does (see {@link PlatinumAggregator}). Never increments a previous
 * table, so duplicated or reordered events give the same bytes. Then writes
 * `platinum/_manifests/subscription_rate_by_region.json`: the silver tables read, by ETag and version.
 */
export const platinumLayer: AggregateLayer<PlatinumResult> = {
  kind: 'aggregate',
  name: 'platinum',
  inputPrefix: SILVER_MANIFEST_PREFIX,
  inputSuffixes: ['.json'],
  outputPrefix: 'platinum/',
  acceptsRemovals: true,
  metricsOf: silverReadMetrics,
  async recompute(env, bucket) {
    const aggregator = new PlatinumAggregator();
    const { sources, skippedObjects } = await readCommittedSilver(env, bucket, aggregator);
    const rows = aggregator.toRows();
    const stored = await putObject(env.s3, { bucket, key: PLATINUM_KEY, contentType: 'text/csv; charset=utf-8' }, formatPlatinumCsv(rows));
    const counts = { silverObjects: sources.length, silverRows: aggregator.rows, customers: aggregator.customers, regions: rows.length };
    const manifest: PlatinumManifest = {
      layer: 'platinum',
      codeVersion: codeVersion(),
      sources,
      counts,
      output: { key: stored.key, eTag: stored.eTag, ...(stored.versionId ? { versionId: stored.versionId } : {}) },
    };
    await putObject(env.s3, { bucket, key: PLATINUM_MANIFEST_KEY, contentType: 'application/json' }, `${JSON.stringify(manifest, null, 2)}\n`);
    env.logger.info('platinum recomputed', { bucket, key: PLATINUM_KEY, skippedObjects, ...counts });
    return { outputKey: PLATINUM_KEY, silverObjects: sources.length, skippedObjects, silverRows: aggregator.rows, customers: aggregator.customers, rows };
  },
};
