import { PREFIXES } from '@medallion/lake-layout';
import { EventRouter, startLocalS3, type EventShape } from '@medallion/local-s3';
import { readJsonObject, uploadStream } from '@medallion/s3-io';
import { asSilverManifest } from '@medallion/schemas';
import { silverKeysFor } from '@medallion/silver';

export { InvalidSettingError } from '@medallion/settings';
export { bucketNameProblem } from '@medallion/local-s3';
import { createReadStream } from 'node:fs';
import { exportLake, SHORTENED_KEYS_FILE } from './export-lake';
import { lockLakeFolder } from './lake-lock';
import { checkFolderClaimable, checkSeparateFolders, claimFolder } from './owned-folder';
import { checkCliSettings } from './settings';
import { loadLakeLayers } from './lake-layers';
import { summarizeRun, type RunProblems, type RunSummary } from './run-summary';

/** Options of one local run. */
export interface RunOptions {
  /** CSV files to upload, in this order, each with its object key (`bronze/<file name>`). */
  readonly files: ReadonlyArray<{ readonly path: string; readonly key: string }>;
  /** Folder of the embedded store; emptied first (see `claimFolder`). */
  readonly lakeDir: string;
  /** The lake folder is the default one under `.medallion/`, medallion's own: emptied without the marker check. */
  readonly lakeDirIsDefault: boolean;
  /** Bucket name. */
  readonly bucket: string;
  /** Export the bucket's final contents here, when set (emptied first, see `claimFolder`). */
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
 * router deliver real-shaped events to the layers' handlers (`loadLakeLayers`: silver for `bronze/`,
 * gold and platinum for `silver/_manifests/`, and any layer added since) until nothing is left to do; then reads each file's silver manifest for the
 * summary and, if asked, exports the bucket.
 *
 * The handlers are the ones the Lambda bundles export, each given the store's S3 client
 * (`withS3Client`); `process.env` is not changed (a `MEDALLION_S3_ENDPOINT` of yours is not used).
 *
 * @param options - see {@link RunOptions}.
 * @returns the summary, problems and elapsed wall time (ms).
 * @throws InvalidSettingError (from `checkCliSettings`) for a `MEDALLION_*` value the layers do
 *   not accept, ForeignFolderError for a folder it may not empty (or `--out` and `--lake-dir`
 *   overlapping), LakeInUseError when another live run holds the lake folder or the --out folder: all before anything
 *   is written; a file-system or SDK error that stops the run (not a rejected file or failed handler:
 *   those are reported in `problems`).
 */
export async function runPipeline(options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  checkCliSettings(process.env);
  // Every refusal comes before the first write: the folders are checked, then locked, then emptied.
  if (options.outDir) {
    checkSeparateFolders(options.outDir, '--out', options.lakeDir, '--lake-dir');
    checkFolderClaimable(options.outDir, '.medallion-export', false, '--out');
  }
  checkFolderClaimable(options.lakeDir, '.medallion-lake', options.lakeDirIsDefault, '--lake-dir');
  const lock = lockLakeFolder(options.lakeDir, '--lake-dir');
  let outLock;
  try {
    // Two runs exporting to one folder would mix their exports: the --out folder is locked too.
    outLock = options.outDir ? lockLakeFolder(options.outDir, '--out') : undefined;
    return await runLocked(options, started);
  } finally {
    outLock?.release();
    lock.release();
  }
}

/** The run itself, once the lake folder is locked. */
async function runLocked(options: RunOptions, started: number): Promise<RunOutcome> {
  if (options.outDir) await claimFolder(options.outDir, '.medallion-export', false, '--out');
  await claimFolder(options.lakeDir, '.medallion-lake', options.lakeDirIsDefault, '--lake-dir');
  const lake = await startLocalS3({ directory: options.lakeDir, buckets: [options.bucket] });
  try {
    const s3 = lake.createClient();
    const router = new EventRouter(await loadLakeLayers(s3), options.eventShape);
    lake.onObjectChange((change) => router.publish(change));
    for (const { path, key } of options.files) {
      await uploadStream(s3, { bucket: options.bucket, key, contentType: 'text/csv' }, createReadStream(path));
      options.progress(`uploaded ${path} → s3://${options.bucket}/${key}`);
    }
    await router.idle();
    const manifests = await Promise.all(
      options.files.map(async ({ key }) => {
        const json = await readJsonObject(s3, options.bucket, silverKeysFor(key, PREFIXES.bronze).manifest);
        return json === undefined ? undefined : asSilverManifest(json);
      }),
    );
    const { summary, problems } = summarizeRun(
      options.files.map((file) => file.key),
      manifests,
      router.deliveries,
    );
    if (options.outDir) {
      const exported = await exportLake(s3, options.bucket, options.outDir);
      options.progress(`exported ${exported.files} object(s) to ${options.outDir}`);
      for (const key of exported.refused) options.progress(`not exported (key would leave ${options.outDir}): ${key}`);
      if (exported.shortened.length > 0)
        options.progress(
          `${exported.shortened.length} key(s) with a segment over 255 bytes exported under a shortened name: see ${SHORTENED_KEYS_FILE}`,
        );
    }
    s3.destroy();
    return { summary, problems, elapsedMs: performance.now() - started };
  } finally {
    await lake.close();
  }
}
