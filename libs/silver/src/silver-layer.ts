import { ChanceUtf8Error, NotUtf8Error } from '@medallion/csv-io';
import { CsvObjectWriter, type LayerEnvironment, type LayerMetric, type MapLayer } from '@medallion/layer-runtime';
import { layerLayoutOf } from '@medallion/lake-layout';
import { MAX_OBJECT_KEY_BYTES, type ObjectEvent } from '@medallion/s3-events';
import { deleteObjectIfMatch } from '@medallion/s3-io';
import { SILVER_METADATA } from '@medallion/schemas';
import { defaultExpectations, SILVER_RULES, type ExpectationSuite } from '@medallion/silver-rules';
import type { ParallelOptions } from '@medallion/worker-pool';
import { deleteUnchanged, outputsOf, skipStale } from './silver-commit';
import { eventFreshness, readStoredSilverManifest } from './silver-manifest';
import { openBronze, type OpenBronze } from './silver-read';
import { rejectFile } from './silver-reject';
import { rejectionOf, thresholdRejection } from './silver-rejection';
import { countsOf, NO_ROWS, type SilverRejected, type SilverResult } from './silver-result';
import { longestDerivedKeyBytes, silverKeysFor } from './silver-keys';
import type { ProcessAgain, SilverAttempt, SilverWork } from './silver-work';
import { writeAndCommit, type Written } from './silver-write';
import { transformBronzeObject, type BronzeObjectSummary } from './transform-bronze-object';
import { ContendedManifestError, SilverError } from './errors';

/** Silver's entry in the lake layout: its name, trigger and output prefix. */
const LAYOUT = layerLayoutOf('silver');

const INPUT_PREFIX = LAYOUT.inputPrefix;

/** Conditional deletes of a manifest before a removal gives up (each lost to a commit made meanwhile). */
const REMOVAL_ATTEMPTS = 5;

/** The outputs of an attempt, started (nothing is uploaded before the first part is full). */
type StartedOutputs = Omit<Written, 'customers'>;

/**
 * Starts the silver and quarantine writers of an attempt, with the S3 metadata that names the
 * bronze object they come from.
 */
function startOutputs({ env, object, work }: SilverAttempt, bronze: OpenBronze): StartedOutputs {
  const metadata = {
    [SILVER_METADATA.bronzeKey]: encodeURIComponent(object.key),
    [SILVER_METADATA.bronzeETag]: bronze.eTag,
    [SILVER_METADATA.eventTime]: object.eventTime,
    [SILVER_METADATA.sequencer]: object.sequencer ?? '',
  };
  // Silver is about bronze's size plus the Region column: a hint that sizes the upload's parts.
  const silver = new CsvObjectWriter(env.s3, {
    bucket: object.bucket,
    key: work.keys.silver,
    metadata,
    expectedBytes: bronze.contentLength * 1.1,
  });
  const quarantine = new CsvObjectWriter(env.s3, { bucket: object.bucket, key: work.keys.quarantine, metadata });
  return { silver, quarantine, metadata };
}

/**
 * The transform step: reads the bronze object through the expectations into the writers. A file
 * that cannot be read (see `rejectionOf`) is rejected; UTF-8 that is not is `not-utf-8` (the
 * caller tries Windows-1252). Either way the uploads are aborted.
 *
 * @returns the file's summary; or the rejected (or not committed) result; or `not-utf-8`.
 * @throws what the read throws that rejects no file.
 */
async function transformOrReject(
  attempt: SilverAttempt,
  bronze: OpenBronze,
  outputs: StartedOutputs,
  expectations: ExpectationSuite,
  options: ParallelOptions,
): Promise<BronzeObjectSummary | SilverResult | 'not-utf-8'> {
  const { silver, quarantine } = outputs;
  try {
    return await transformBronzeObject(bronze, attempt.encoding, silver, quarantine, expectations, options);
  } catch (error) {
    bronze.body.destroy();
    await Promise.all([silver.abort(), quarantine.abort()]);
    const windows1252 = (error instanceof NotUtf8Error && !error.afterUtf8Text) || error instanceof ChanceUtf8Error;
    if (windows1252 && attempt.encoding === 'utf-8') return 'not-utf-8';
    const rejection = rejectionOf(error);
    if (rejection === undefined) throw error;
    return rejectFile(attempt, bronze.eTag, rejection);
  }
}

/**
 * One attempt at a bronze object in one encoding: read, transform, then write and commit (or
 * reject). Returns `'not-utf-8'` when reading UTF-8 met an invalid byte sequence: the partial
 * outputs are aborted, and the caller tries Windows-1252.
 */
async function transformWithEncoding(
  attempt: SilverAttempt,
  options: ParallelOptions,
): Promise<SilverResult | 'not-utf-8'> {
  const bronze = await openBronze(attempt.env, attempt.object);
  if ('kind' in bronze) return bronze;
  if (bronze.contentLength === 0) {
    bronze.body.destroy();
    const rejection = { rule: SILVER_RULES.headerPresent.name, reason: 'empty object (0 bytes): no header' };
    return rejectFile(attempt, bronze.eTag, rejection);
  }
  const outputs = startOutputs(attempt, bronze);
  const expectations = defaultExpectations();
  const summary = await transformOrReject(attempt, bronze, outputs, expectations, options);
  if (summary === 'not-utf-8' || 'kind' in summary) return summary;
  const { counts, customers } = summary;
  const overThreshold = thresholdRejection(counts, expectations);
  if (overThreshold) {
    await Promise.all([outputs.silver.abort(), outputs.quarantine.abort()]);
    return rejectFile(attempt, bronze.eTag, overThreshold, counts);
  }
  return writeAndCommit(attempt, bronze, counts, { ...outputs, customers });
}

/**
 * Silver's CloudWatch metrics of one result: `Files` (1 for a processed or rejected file), the row
 * counts, `RejectedFiles`, `StaleEvents` and one `RuleFailures.<rule>` per rule that failed (all `Count`).
 *
 * @param result - what silver did with one event.
 * @returns the metric values.
 */
function silverMetrics(result: SilverResult): LayerMetric[] {
  const counts = countsOf(result);
  return [
    { name: 'Files', unit: 'Count', value: result.kind === 'processed' || result.kind === 'rejected' ? 1 : 0 },
    { name: 'RowsIn', unit: 'Count', value: counts.dataRecords },
    { name: 'RowsOut', unit: 'Count', value: counts.silverRows },
    { name: 'QuarantinedRows', unit: 'Count', value: counts.quarantinedRows },
    { name: 'BlankRows', unit: 'Count', value: counts.blankRows },
    { name: 'RejectedFiles', unit: 'Count', value: result.kind === 'rejected' ? 1 : 0 },
    { name: 'StaleEvents', unit: 'Count', value: result.kind === 'stale' ? 1 : 0 },
    ...Object.entries(counts.ruleFailures).map(([rule, value]) => ({
      name: `RuleFailures.${rule}`,
      unit: 'Count' as const,
      value,
    })),
  ];
}

/**
 * Processes one bronze object event: skips a stale one, else transforms the object as UTF-8, and
 * again as Windows-1252 when it is not UTF-8.
 *
 * @param processAgain - the layer's `processObject`, for events processed again.
 */
async function processBronzeObject(
  env: LayerEnvironment,
  object: ObjectEvent,
  options: ParallelOptions,
  processAgain: ProcessAgain,
): Promise<SilverResult> {
  const keys = silverKeysFor(object.key, INPUT_PREFIX);
  const longest = longestDerivedKeyBytes(keys);
  if (longest > MAX_OBJECT_KEY_BYTES) return rejectKeyTooLong(env, object, longest);
  const committed = await readStoredSilverManifest(env, object.bucket, keys.manifest);
  const freshness = eventFreshness(object, committed?.manifest);
  if (!freshness.fresh) {
    return skipStale(env, object, freshness.reason);
  }
  const work: SilverWork = { keys, read: committed, processAgain };
  const first = await transformWithEncoding({ env, object, work, encoding: 'utf-8' }, options);
  if (first !== 'not-utf-8') return first;
  env.logger.info('not UTF-8 text: reading as Windows-1252', { bucket: object.bucket, key: object.key });
  const second = await transformWithEncoding({ env, object, work, encoding: 'windows-1252' }, options);
  if (second === 'not-utf-8') throw new SilverError('unreachable: Windows-1252 decodes every byte');
  return second;
}

/**
 * Rejects a bronze object whose derived keys S3 would refuse (over {@link MAX_OBJECT_KEY_BYTES}):
 * nothing can be written for it, not even a rejection record or a manifest, so the rejection is
 * logged (the key's length, not its text) and returned, and the metrics count it.
 *
 * @param longest - the longest derived key, in bytes.
 * @returns a rejected result with no outputs.
 */
function rejectKeyTooLong(env: LayerEnvironment, object: ObjectEvent, longest: number): SilverRejected {
  const keyBytes = Buffer.byteLength(object.key, 'utf8');
  const reason = `the object key is ${keyBytes} bytes: silver's outputs would need keys of ${longest} bytes, over S3's ${MAX_OBJECT_KEY_BYTES}; upload it under a key shorter by ${longest - MAX_OBJECT_KEY_BYTES} bytes or more`;
  env.logger.error('bronze object rejected: its derived keys are too long', {
    bucket: object.bucket,
    keyBytes,
    longest,
  });
  return {
    kind: 'rejected',
    bronzeKey: object.key,
    encoding: 'utf-8',
    bronzeETag: object.eTag ?? '',
    reason,
    rule: SILVER_RULES.objectKeyFits.name,
    outputKeys: [],
    counts: NO_ROWS,
  };
}

/**
 * Removes what silver derived from a deleted bronze object: its manifest first (conditional on
 * the one read), then the outputs it named; a deletion older than the version silver holds is
 * skipped as stale.
 *
 * @throws Error after {@link REMOVAL_ATTEMPTS} conditional deletes lost in a row; the SDK's errors.
 */
async function removeBronzeObject(env: LayerEnvironment, object: ObjectEvent): Promise<SilverResult> {
  const keys = silverKeysFor(object.key, INPUT_PREFIX);
  // Nothing was ever written for a key whose outputs S3 would refuse (see rejectKeyTooLong).
  if (longestDerivedKeyBytes(keys) > MAX_OBJECT_KEY_BYTES) return { kind: 'removed', bronzeKey: object.key };
  for (let attempt = 1; attempt <= REMOVAL_ATTEMPTS; attempt++) {
    const committed = await readStoredSilverManifest(env, object.bucket, keys.manifest);
    if (committed && !eventFreshness(object, committed.manifest).fresh) {
      const reason = `a version created after this deletion (sequencer ${committed.manifest.source.sequencer}) is already in silver`;
      return skipStale(env, object, reason, '', 'stale deletion skipped');
    }
    // Uncommit first (only the manifest read: a commit made since is judged again): gold,
    // triggered by the manifest's removal, stops reading the table at once. Then the outputs it
    // named, each only while it has the ETag the manifest names.
    if (committed && !(await deleteObjectIfMatch(env.s3, object.bucket, keys.manifest, committed.eTag))) continue;
    if (committed) await deleteUnchanged(env, object.bucket, outputsOf(committed.manifest));
    env.logger.info('bronze object deleted: outputs removed', { bucket: object.bucket, key: object.key });
    return { kind: 'removed', bronzeKey: object.key };
  }
  throw new ContendedManifestError(keys.manifest, REMOVAL_ATTEMPTS, 'conditional deletes');
}

/**
 * Silver: one `bronze/<path>.csv` → `silver/<path>.csv` (every bronze column in order, Customer ID
 * trimmed, `Region` appended, cells spreadsheet-safe), its customer table
 * `silver-customers/<path>.parquet` (each Customer ID's latest record in the file, sorted: what gold
 * and platinum read) and, when rows were refused, `quarantine/<path>.csv` (`Line,Reason,Raw Record`);
 * then, last, its commit record
 * `silver/_manifests/<path>.csv.json` (source, counts, outputs with their ETags and versions).
 * Streams both ways: memory does not grow with the file.
 *
 * A file that fails a file expectation (see `FILE_EXPECTATIONS`; also malformed CSV, an oversized
 * record, or the quarantine threshold) is rejected whole: no silver object (an earlier version's is
 * removed), a JSON record at `quarantine/<path>.error.json` with the rule and the reason, a
 * `rejected` manifest, the bronze object untouched.
 *
 * Idempotent and order-safe: the same event twice gives byte-identical outputs; an event older than
 * the one the manifest records (by sequencer), or for an object that has since changed (ETag), is
 * skipped with a log line.
 *
 * Deleting a bronze object removes its manifest (first, so gold stops counting it), silver table,
 * quarantine rows and rejection record; gold is recomputed without it. A deletion older than the
 * version silver holds is skipped.
 *
 * Bronze that is not valid UTF-8 is read again as Windows-1252 (the usual spreadsheet export), and
 * the result says so; silver is always UTF-8 and never holds U+FFFD.
 *
 * The CSV work of an object is done in batches of whole records (`splitCsvBatches`), on worker
 * threads for objects of 8 MiB and more when threads are available (`MEDALLION_WORKER_THREADS`),
 * inline otherwise; the outputs are the same bytes either way.
 *
 * @param options - threads, the parallel threshold and the batch size (tests, the benchmark).
 * @returns the layer definition.
 */
export function createSilverLayer(options: ParallelOptions = {}): MapLayer<SilverResult> {
  const processAgain: ProcessAgain = (env, object) => layer.processObject(env, object);
  const layer: MapLayer<SilverResult> = {
    kind: 'map',
    name: LAYOUT.name,
    inputPrefix: INPUT_PREFIX,
    inputSuffixes: LAYOUT.inputSuffixes,
    outputPrefix: LAYOUT.outputPrefix,
    acceptsRemovals: LAYOUT.acceptsRemovals,
    metricsOf: silverMetrics,
    processObject: (env, object) => processBronzeObject(env, object, options, processAgain),
    removeObject: (env, object) => removeBronzeObject(env, object),
  };
  return layer;
}

/** Silver with the default options: see {@link createSilverLayer}. */
export const silverLayer = createSilverLayer();
