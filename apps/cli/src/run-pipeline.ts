import { EventRouter, localS3Environment, startLocalS3, type EventShape } from '@medallion/local-s3';
import { uploadStream } from '@medallion/s3-io';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { exportLake } from './export-lake';
import { LAKE_LAYERS } from './lake-layers';
import { readGoldTable } from './read-gold-table';
import { summarizeRun, type RunProblems, type RunSummary } from './run-summary';

/** Options of one local run. */
export interface RunOptions {
  /** CSV files to upload to `bronze/`, in this order. */
  readonly files: readonly string[];
  /** Folder of the embedded store; emptied first. */
  readonly lakeDir: string;
  /** Bucket name. */
  readonly bucket: string;
  /** Export the bucket's final contents here, when set. */
  readonly outDir: string | undefined;
  /** Event shape delivered to the handlers. */
  readonly eventShape: EventShape;
  /** Progress lines (to stderr). */
  readonly progress: (line: string) => void;
}

/** The outcome of a run. */
export interface RunOutcome {
  readonly summary: RunSummary;
  readonly problems: RunProblems;
  readonly elapsedMs: number;
}

/**
 * Runs the whole pipeline on one machine: starts the embedded S3-compatible store in this process,
 * creates the bucket, uploads each file to `bronze/<file name>` with the SDK, and lets the event
 * router deliver real-shaped events to the layers' handlers (silver for `bronze/`, gold for
 * `silver/`) until nothing is left to do; then reads the gold table back and, if asked, exports
 * the bucket.
 *
 * The handlers reach the store through the environment, as on Lambda: this sets
 * `MEDALLION_S3_ENDPOINT` and the store's credentials in `process.env`.
 *
 * @param options - see {@link RunOptions}.
 * @returns the summary, problems and elapsed wall time (ms).
 * @throws a file-system or SDK error that stops the run (not a rejected file or failed handler:
 *   those are reported in `problems`).
 */
export async function runPipeline(options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  await rm(options.lakeDir, { recursive: true, force: true });
  await mkdir(options.lakeDir, { recursive: true });
  const lake = await startLocalS3({ directory: options.lakeDir, buckets: [options.bucket] });
  try {
    Object.assign(process.env, localS3Environment(lake));
    const s3 = lake.createClient();
    const router = new EventRouter(LAKE_LAYERS, options.eventShape);
    lake.onObjectChange((change) => router.publish(change));
    for (const file of options.files) {
      const key = `bronze/${basename(file)}`;
      await uploadStream(s3, { bucket: options.bucket, key, contentType: 'text/csv' }, createReadStream(file));
      options.progress(`uploaded ${file} → s3://${options.bucket}/${key}`);
    }
    await router.idle();
    const gold = await readGoldTable(s3, options.bucket);
    const { summary, problems } = summarizeRun(options.files.length, router.deliveries, gold);
    if (options.outDir) {
      const exported = await exportLake(s3, options.bucket, options.outDir);
      options.progress(`exported ${exported.files} object(s) to ${options.outDir}`);
      for (const key of exported.refused) options.progress(`not exported (key would leave ${options.outDir}): ${key}`);
    }
    s3.destroy();
    return { summary, problems, elapsedMs: performance.now() - started };
  } finally {
    await lake.close();
  }
}
