import { formatCsv, readCsvRecords } from '@medallion/csv-io';
import { type AggregateLayer } from '@medallion/layer-runtime';
import { listObjects, openObject, putObject } from '@medallion/s3-io';
import { PlatinumAggregator } from './platinum-transform';

const INPUT_PREFIX = 'silver/_manifests/';
const INPUT_SUFFIXES: readonly string[] = ['.json'];

/** The platinum layer's table. */
export const PLATINUM_KEY = 'platinum/platinum.csv';

/** What one platinum recompute produced. */
export interface PlatinumResult {
  /** The table's key, `platinum/platinum.csv`. */
  readonly outputKey: string;
  /** Input objects read. */
  readonly inputObjects: number;
  /** Input objects skipped: empty, or with a header other than the first object's. */
  readonly skippedObjects: number;
  /** Data rows written (the header not counted). */
  readonly rows: number;
}

/**
 * The platinum layer (aggregate): on any object created or removed under `silver/_manifests/`
 * (key ending in .json), recomputes `platinum/platinum.csv` from ALL of them: it lists
 * the prefix page by page and reads each such object as CSV in key order, through
 * {@link PlatinumAggregator}. Never increments a previous table, so duplicated or reordered
 * events give the same bytes; no input object gives an empty table. Row contents never go to logs.
 */
export const platinumLayer: AggregateLayer<PlatinumResult> = {
  kind: 'aggregate',
  name: 'platinum',
  inputPrefix: INPUT_PREFIX,
  inputSuffixes: INPUT_SUFFIXES,
  outputPrefix: 'platinum/',
  acceptsRemovals: true,
  metricsOf: (result) => [
    { name: 'InputObjects', unit: 'Count', value: result.inputObjects },
    { name: 'RowsOut', unit: 'Count', value: result.rows },
  ],
  async recompute(env, bucket) {
    const aggregator = new PlatinumAggregator();
    let inputObjects = 0;
    let skippedObjects = 0;
    for await (const listed of listObjects(env.s3, bucket, INPUT_PREFIX)) {
      if (listed.key.endsWith('/') || !INPUT_SUFFIXES.some((suffix) => listed.key.endsWith(suffix))) continue;
      const input = await openObject(env.s3, bucket, listed.key);
      const records = readCsvRecords(input.body);
      const header = await records.next();
      if (header.done || !aggregator.startObject(header.value.fields)) {
        input.body.destroy();
        skippedObjects++;
        env.logger.warn('input object skipped: empty, or a header other than the first object\'s', { bucket, key: listed.key });
        continue;
      }
      for await (const record of records) aggregator.addRow(record.fields);
      inputObjects++;
    }
    const records = aggregator.toRecords();
    await putObject(env.s3, { bucket, key: PLATINUM_KEY, contentType: 'text/csv; charset=utf-8' }, formatCsv(records));
    const result = { outputKey: PLATINUM_KEY, inputObjects, skippedObjects, rows: Math.max(records.length - 1, 0) };
    env.logger.info('platinum recomputed', { bucket, ...result });
    return result;
  },
};
