import { DEFAULT_MAX_RECORD_CHARS } from '@medallion/csv-io';
import { formatGoldCsv, goldLayer, goldRowsOf } from '@medallion/gold';
import { LatestCustomerRows } from '@medallion/customer-records';
import { extractCustomerKeys } from '@medallion/silver-tables';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { putObject, uploadStream } from '@medallion/s3-io';
import { resolveSilverColumns, type SilverColumns, type SilverManifest } from '@medallion/schemas';
import { silverLayer, transformSilverBatch } from '@medallion/silver';
import { createReadStream } from 'node:fs';
import { customerFile, forEachBatch, silverFile, type BenchFile } from './bench-inputs';

/** What a scenario processed in its timed part. */
export interface ScenarioWork {
  /** Data rows processed. */
  readonly rows: number;
  /** Input bytes processed. */
  readonly bytes: number;
}

/** What `prepare` leaves for `open` (JSON: it crosses processes). */
interface Prepared {
  readonly bytes: number;
  /** The triggering event's facts, for steps through the embedded S3. */
  readonly eTag?: string;
}

/**
 * A benchmark step in two processes, so that the measured one holds the step alone: `prepare`
 * (generates the input, fills the embedded store's folder) and then, in a fresh process, `open`
 * (starts the store on that folder, makes the handler) and the timed `run`.
 */
export interface Scenario {
  /** Untimed, in its own process: makes the input and fills the lake in `lakeDirectory`. */
  prepare(rows: number, lakeDirectory: string): Promise<Prepared>;
  /** In the measuring process: everything the timed `run` needs, then `close`. */
  open(rows: number, lakeDirectory: string, prepared: Prepared): Promise<{ run: () => Promise<ScenarioWork>; close: () => Promise<void> }>;
}

let sequence = 0;

async function commitSilverTable(lake: TestLake, file: BenchFile, name: string): Promise<void> {
  const key = `silver/${name}.csv`;
  const stored = await uploadStream(lake.s3, { bucket: lake.bucket, key, contentType: 'text/csv' }, createReadStream(file.path));
  const manifest: SilverManifest = {
    layer: 'silver',
    codeVersion: 'bench',
    source: { key: `bronze/${name}.csv`, eTag: 'bench', eventTime: new Date(Date.UTC(2026, 0, 1, 0, 0, ++sequence)).toISOString(), sequencer: sequence.toString(16).padStart(18, '0') },
    encoding: 'utf-8',
    outcome: 'processed',
    counts: { dataRecords: file.rows, silverRows: file.rows, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures: {} },
    outputs: { silver: { key, eTag: stored.eTag } },
  };
  await putObject(lake.s3, { bucket: lake.bucket, key: `silver/_manifests/${name}.csv.json`, contentType: 'application/json' }, JSON.stringify(manifest));
}

/** Fills a lake folder with `fill`, then stops the store (the folder stays). */
async function withLake(lakeDirectory: string, fill: (lake: TestLake) => Promise<Prepared>): Promise<Prepared> {
  const lake = await startTestLake(undefined, lakeDirectory);
  try {
    return await fill(lake);
  } finally {
    await lake.close();
  }
}

/** Gold's step on a prepared lake: one recompute, triggered by a manifest's event. */
async function openGold(lakeDirectory: string, prepared: Prepared): ReturnType<Scenario['open']> {
  const lake = await startTestLake(undefined, lakeDirectory);
  const handler = createLayerHandler(goldLayer, { s3: lake.s3 });
  const event = buildS3NotificationEvent({ eventName: 'ObjectCreated:Put', eventTime: '2026-01-01T00:00:00.000Z', bucket: lake.bucket, key: 'silver/_manifests/bench.csv.json', size: 1, eTag: 'e', sequencer: '01' });
  return {
    run: async () => {
      const report = await handler(event);
      return { rows: report.results[0]!.silverRows, bytes: prepared.bytes };
    },
    close: () => lake.close(),
  };
}

/** Every scenario by name prefix (the size is the argument). */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  /** Silver end to end through the embedded S3: GetObject, parse, transform, multipart upload, manifest. */
  silver: {
    async prepare(rows, lakeDirectory) {
      const file = await customerFile(rows);
      return withLake(lakeDirectory, async (lake) => {
        const { eTag } = await uploadStream(lake.s3, { bucket: lake.bucket, key: 'bronze/bench.csv', contentType: 'text/csv' }, createReadStream(file.path));
        return { bytes: file.bytes, eTag };
      });
    },
    async open(_rows, lakeDirectory, prepared) {
      const lake = await startTestLake(undefined, lakeDirectory);
      const event = buildS3NotificationEvent({ eventName: 'ObjectCreated:Put', eventTime: '2026-01-01T00:00:00.000Z', bucket: lake.bucket, key: 'bronze/bench.csv', size: prepared.bytes, eTag: prepared.eTag ?? '', sequencer: '01' });
      const handler = createLayerHandler(silverLayer, { s3: lake.s3 });
      return {
        run: async () => {
          const report = await handler(event);
          return { rows: report.results[0]!.counts.dataRecords, bytes: prepared.bytes };
        },
        close: () => lake.close(),
      };
    },
  },
  /** Gold over one committed silver table of `rows` rows. */
  gold: {
    async prepare(rows, lakeDirectory) {
      const file = await silverFile(rows);
      return withLake(lakeDirectory, async (lake) => {
        await commitSilverTable(lake, file, 'bench');
        return { bytes: file.bytes };
      });
    },
    open: (_rows, lakeDirectory, prepared) => openGold(lakeDirectory, prepared),
  },
  /** Gold over 100 committed silver tables of `rows / 100` rows each (different customers). */
  'gold-objects': {
    async prepare(rows, lakeDirectory) {
      return withLake(lakeDirectory, async (lake) => {
        let bytes = 0;
        for (let i = 0; i < 100; i++) {
          const file = await silverFile(Math.floor(rows / 100), 1000 + i);
          bytes += file.bytes;
          await commitSilverTable(lake, file, `part-${String(i).padStart(3, '0')}`);
        }
        return { bytes };
      });
    },
    open: (_rows, lakeDirectory, prepared) => openGold(lakeDirectory, prepared),
  },
  /** The silver transform alone, inline: batches, parse, validate, look up regions, format CSV (to nowhere). No S3. */
  'transform-silver': {
    async prepare(rows) {
      return { bytes: (await customerFile(rows)).bytes };
    },
    async open(rows) {
      const file = await customerFile(rows);
      return {
        run: async () => {
          let count = 0;
          await forEachBatch(file.path, (header, batch) => {
            count += transformSilverBatch({ header, bytes: batch.bytes, firstLine: batch.firstLine, maxRecordChars: DEFAULT_MAX_RECORD_CHARS }).counts.dataRecords;
          });
          return { rows: count, bytes: file.bytes };
        },
        close: async () => undefined,
      };
    },
  },
  /** Gold's work alone over a silver table file: batches, keys, each customer's latest record, the gold table, inline. No S3. */
  'transform-gold': {
    async prepare(rows) {
      return { bytes: (await silverFile(rows)).bytes };
    },
    async open(rows) {
      const file = await silverFile(rows);
      return {
        run: async () => {
          const latest = new LatestCustomerRows();
          let columns: SilverColumns | undefined;
          await forEachBatch(file.path, (header, batch) => {
            columns ??= resolveSilverColumns(header);
            const keys = extractCustomerKeys({ bytes: batch.bytes, firstLine: batch.firstLine, columns });
            const first = latest.rows + 2;
            const regions = Array.from(keys.regionIndexes, (index) => keys.regionNames[index] ?? '');
            latest.addAll(keys.customerIds, regions, keys.subscribed, Int32Array.from(keys.customerIds, (_, i) => first + i));
          });
          formatGoldCsv(goldRowsOf(latest.toRecords()));
          return { rows: latest.rows, bytes: file.bytes };
        },
        close: async () => undefined,
      };
    },
  },
};
