import { NotUtf8Error, type TextEncoding } from '@medallion/csv-io';
import { encodeCustomerTable } from '@medallion/customer-records';
import { CsvObjectWriter, type LayerEnvironment, type LayerMetric, type MapLayer } from '@medallion/layer-runtime';
import { layerLayoutOf } from '@medallion/lake-layout';
import type { ObjectEvent } from '@medallion/s3-events';
import {
  deleteObjectIfMatch,
  isMissingObject,
  openObject,
  putObject,
  uploadPartBytes,
  type StoredObject,
} from '@medallion/s3-io';
import { SILVER_METADATA } from '@medallion/schemas';
import { defaultExpectations, SILVER_RULES } from '@medallion/silver-rules';
import type { ParallelOptions } from '@medallion/worker-pool';
import {
  BRONZE_STATE_REASONS,
  bronzeStateSince,
  commitSilverManifest,
  deleteUnchanged,
  outputsOf,
  removeReplacedOutputs,
  restoreCommitted,
  skipStale,
  supersededSince,
  takeBackUncommitted,
  undoCommit,
  type OutputObject,
} from './silver-commit';
import {
  eventFreshness,
  readStoredSilverManifest,
  type StoredSilverManifest,
  type writeSilverManifest,
} from './silver-manifest';
import { rejectionOf, thresholdRejection, type Rejection } from './silver-rejection';
import { countsOf, NO_ROWS, type SilverCounts, type SilverResult, type SilverStale } from './silver-result';
import { silverKeysFor, type SilverKeys } from './silver-keys';
import { transformBronzeObject, type BronzeObjectSummary } from './transform-bronze-object';

/** Silver's entry in the lake layout: its name, trigger and output prefix. */
const LAYOUT = layerLayoutOf('silver');

const INPUT_PREFIX = LAYOUT.inputPrefix;

/** Conditional deletes of a manifest before a removal gives up (each lost to a commit made meanwhile). */
const REMOVAL_ATTEMPTS = 5;

/** The media type of Parquet files (IANA, 2024). */
const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** What one event's work on a bronze object starts from: its keys, and the manifest committed for it then (undefined: none), which the commit's conditional write names. */
interface SilverWork {
  readonly keys: SilverKeys;
  readonly read: StoredSilverManifest | undefined;
}

/**
 * Ends superseded work: takes back what this event wrote that no manifest names, puts back the
 * committed outputs if this work overwrote them, and says the event was stale.
 */
async function supersede(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  work: SilverWork,
  written: readonly OutputObject[],
  layer: MapLayer<SilverResult>,
  reason: string,
): Promise<SilverResult> {
  await takeBackUncommitted(env, object, work.keys, written);
  await restoreCommitted(env, object.bucket, work.keys, (e, o) => layer.processObject(e, o));
  return skipStale(env, object, reason, bronzeETag);
}

/**
 * Commits what an event wrote (see `commitSilverManifest`), then checks the bronze object once
 * more: one deleted while the commit was made is taken back (its removal may have run before this
 * manifest existed); then removes what the replaced manifest named at keys not written now.
 *
 * @returns `committed`, or the result of an event that did not commit (stale, or processed again).
 */
async function commitWork(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  work: SilverWork,
  layer: MapLayer<SilverResult>,
  outcome: Parameters<typeof writeSilverManifest>[4],
  written: readonly OutputObject[],
): Promise<'committed' | SilverResult> {
  const commit = await commitSilverManifest(env, object, bronzeETag, work.keys.manifest, work.read, outcome, written);
  if (commit.kind === 'superseded') return supersede(env, object, bronzeETag, work, written, layer, commit.reason);
  if (commit.kind === 'redo') {
    env.logger.info('outputs rewritten or removed by another event while committing: processing the event again', {
      bucket: object.bucket,
      key: object.key,
    });
    await takeBackUncommitted(env, object, work.keys, written);
    return layer.processObject(env, object);
  }
  const manifest = { key: work.keys.manifest, eTag: commit.written.eTag };
  if ((await bronzeStateSince(env, object, bronzeETag)) === 'deleted') {
    await undoCommit(env, object.bucket, manifest, commit.written.manifest, written);
    return skipStale(env, object, BRONZE_STATE_REASONS.deleted, bronzeETag);
  }
  await removeReplacedOutputs(env, object.bucket, manifest, commit.written.manifest);
  return 'committed';
}

/** Refuses the whole file: writes the rejection record, then the manifest; what an earlier version left in silver and quarantine is removed after the commit. */
async function rejectFile(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  work: SilverWork,
  layer: MapLayer<SilverResult>,
  rejection: Rejection,
  encoding: TextEncoding,
  counts?: SilverCounts,
): Promise<SilverResult> {
  const { reason, rule } = rejection;
  const { keys } = work;
  const record = {
    bronzeKey: object.key,
    bronzeETag,
    eventTime: object.eventTime,
    rule,
    reason,
    ...(counts ? { counts } : {}),
  };
  const rejectionRecord = await putObject(
    env.s3,
    { bucket: object.bucket, key: keys.rejection, contentType: 'application/json' },
    `${JSON.stringify(record, null, 2)}\n`,
  );
  const committed = await commitWork(
    env,
    object,
    bronzeETag,
    work,
    layer,
    { encoding, counts: NO_ROWS, rejection, rejectionRecord },
    [rejectionRecord],
  );
  if (committed !== 'committed') return committed;
  env.logger.warn('file rejected', {
    bucket: object.bucket,
    key: object.key,
    rule,
    reason,
    rejectionKey: keys.rejection,
  });
  return {
    kind: 'rejected',
    bronzeKey: object.key,
    encoding,
    bronzeETag,
    reason,
    rule,
    outputKeys: [keys.rejection, keys.manifest],
    counts: NO_ROWS,
  };
}

/** An open bronze object: its body stream, ETag and length in bytes. */
type OpenBronze = Awaited<ReturnType<typeof openObject>>;

/**
 * The read step: opens the bronze object the event names.
 *
 * @returns the open object; or the stale result when it was deleted after the event, or changed
 *   since (its ETag differs from the event's; the body is closed then).
 * @throws the SDK's errors other than a missing object.
 */
async function openBronze(env: LayerEnvironment, object: ObjectEvent): Promise<OpenBronze | SilverStale> {
  let bronze: OpenBronze;
  try {
    bronze = await openObject(env.s3, object.bucket, object.key);
  } catch (error) {
    if (!isMissingObject(error)) throw error;
    const reason = 'the object no longer exists: it was deleted after this event';
    return skipStale(env, object, reason);
  }
  if (object.eTag !== undefined && object.eTag !== bronze.eTag) {
    bronze.body.destroy();
    const reason = 'the object changed since this event (its ETag differs): the newer version has its own event';
    return skipStale(env, object, reason, bronze.eTag);
  }
  return bronze;
}

/**
 * One attempt at a bronze object in one encoding. Returns `'not-utf-8'` when reading UTF-8 met an
 * invalid byte sequence: the partial outputs are aborted, and the caller tries Windows-1252.
 */
async function transformWithEncoding(
  env: LayerEnvironment,
  object: ObjectEvent,
  work: SilverWork,
  encoding: TextEncoding,
  layer: MapLayer<SilverResult>,
  options: ParallelOptions,
): Promise<SilverResult | 'not-utf-8'> {
  const { keys } = work;
  const bronze = await openBronze(env, object);
  if ('kind' in bronze) return bronze;
  if (bronze.contentLength === 0) {
    bronze.body.destroy();
    return rejectFile(
      env,
      object,
      bronze.eTag,
      work,
      layer,
      { rule: SILVER_RULES.headerPresent.name, reason: 'empty object (0 bytes): no header' },
      encoding,
    );
  }
  const metadata = {
    [SILVER_METADATA.bronzeKey]: encodeURIComponent(object.key),
    [SILVER_METADATA.bronzeETag]: bronze.eTag,
    [SILVER_METADATA.eventTime]: object.eventTime,
    [SILVER_METADATA.sequencer]: object.sequencer ?? '',
  };
  // Silver is about bronze's size plus the Region column: a hint that sizes the upload's parts.
  const silver = new CsvObjectWriter(env.s3, {
    bucket: object.bucket,
    key: keys.silver,
    metadata,
    expectedBytes: bronze.contentLength * 1.1,
  });
  const quarantine = new CsvObjectWriter(env.s3, { bucket: object.bucket, key: keys.quarantine, metadata });
  const expectations = defaultExpectations();
  let summary: BronzeObjectSummary;
  try {
    summary = await transformBronzeObject(bronze, encoding, silver, quarantine, expectations, options);
  } catch (error) {
    bronze.body.destroy();
    await Promise.all([silver.abort(), quarantine.abort()]);
    if (error instanceof NotUtf8Error && !error.afterUtf8Text && encoding === 'utf-8') return 'not-utf-8';
    const rejection = rejectionOf(error);
    if (rejection === undefined) throw error;
    return rejectFile(env, object, bronze.eTag, work, layer, rejection, encoding);
  }
  const { counts, customers } = summary;
  const overThreshold = thresholdRejection(counts, expectations);
  if (overThreshold) {
    await Promise.all([silver.abort(), quarantine.abort()]);
    return rejectFile(env, object, bronze.eTag, work, layer, overThreshold, encoding, counts);
  }
  const written: Written = { silver, quarantine, metadata, customers };
  return writeAndCommit(env, object, bronze, work, layer, encoding, counts, written);
}

/** The outputs of a transformed file before they are finished: its silver and quarantine writers, their S3 metadata, its customer rows. */
interface Written {
  readonly silver: CsvObjectWriter;
  readonly quarantine: CsvObjectWriter;
  readonly metadata: Record<string, string>;
  readonly customers: BronzeObjectSummary['customers'];
}

/**
 * The write and commit steps of a transformed file: checks once more that the work is not
 * superseded (large objects only, while parts are uploaded), finishes the silver and quarantine
 * uploads, writes the customer table, then commits (see `commitWork`).
 *
 * @returns the processed result; or the result of an event that did not commit (stale, processed again).
 * @throws the SDK's errors, after aborting the uploads and taking back what was written.
 */
async function writeAndCommit(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronze: OpenBronze,
  work: SilverWork,
  layer: MapLayer<SilverResult>,
  encoding: TextEncoding,
  counts: SilverCounts,
  outputs: Written,
): Promise<SilverResult> {
  let wroteQuarantine: boolean;
  const { silver, quarantine, metadata, customers } = outputs;
  const { keys } = work;
  const written: StoredObject[] = [];
  try {
    // Checked before the outputs become visible, when parts of them are already uploaded (a large
    // object: a small one is written only at finish, right before the commit).
    const early =
      bronze.contentLength * 1.1 >= uploadPartBytes()
        ? await supersededSince(env, object, bronze.eTag, keys)
        : undefined;
    if (early) {
      await Promise.all([silver.abort(), quarantine.abort()]);
      return skipStale(env, object, early, bronze.eTag);
    }
    const silverStored = await silver.finish();
    if (silverStored) written.push(silverStored);
    const quarantineStored = await quarantine.finish();
    if (quarantineStored) written.push(quarantineStored);
    wroteQuarantine = quarantineStored !== undefined;
    const facts = {
      bronzeKey: object.key,
      bronzeETag: bronze.eTag,
      eventTime: object.eventTime,
      sequencer: object.sequencer ?? '',
      silverKey: keys.silver,
    };
    const customersStored = await putObject(
      env.s3,
      { bucket: object.bucket, key: keys.customers, contentType: PARQUET_CONTENT_TYPE, metadata },
      encodeCustomerTable(customers, facts),
    );
    written.push(customersStored);
    const committed = await commitWork(
      env,
      object,
      bronze.eTag,
      work,
      layer,
      { encoding, counts, silver: silverStored, customers: customersStored, quarantine: quarantineStored },
      written,
    );
    if (committed !== 'committed') return committed;
  } catch (error) {
    // No commit record: take uncommitted outputs back (best effort; gold never reads them anyway).
    await Promise.all([silver.abort(), quarantine.abort()]);
    await takeBackUncommitted(env, object, keys, written);
    throw error;
  }
  const outputKeys = [keys.silver, keys.customers, ...(wroteQuarantine ? [keys.quarantine] : []), keys.manifest];
  env.logger.info('object processed', { bucket: object.bucket, key: object.key, encoding, outputKeys, ...counts });
  return { kind: 'processed', bronzeKey: object.key, encoding, bronzeETag: bronze.eTag, outputKeys, counts };
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
  const layer: MapLayer<SilverResult> = {
    kind: 'map',
    name: LAYOUT.name,
    inputPrefix: INPUT_PREFIX,
    inputSuffixes: LAYOUT.inputSuffixes,
    outputPrefix: LAYOUT.outputPrefix,
    acceptsRemovals: LAYOUT.acceptsRemovals,
    metricsOf: silverMetrics,
    async processObject(env, object) {
      const keys = silverKeysFor(object.key, INPUT_PREFIX);
      const committed = await readStoredSilverManifest(env, object.bucket, keys.manifest);
      const freshness = eventFreshness(object, committed?.manifest);
      if (!freshness.fresh) {
        return skipStale(env, object, freshness.reason);
      }
      const work: SilverWork = { keys, read: committed };
      const first = await transformWithEncoding(env, object, work, 'utf-8', layer, options);
      if (first !== 'not-utf-8') return first;
      env.logger.info('not valid UTF-8: reading as Windows-1252', { bucket: object.bucket, key: object.key });
      const second = await transformWithEncoding(env, object, work, 'windows-1252', layer, options);
      if (second === 'not-utf-8') throw new Error('unreachable: Windows-1252 decodes every byte');
      return second;
    },
    async removeObject(env, object) {
      const keys = silverKeysFor(object.key, INPUT_PREFIX);
      for (let attempt = 1; attempt <= REMOVAL_ATTEMPTS; attempt++) {
        const committed = await readStoredSilverManifest(env, object.bucket, keys.manifest);
        if (committed && !eventFreshness(object, committed.manifest).fresh) {
          const reason = `a version created after this deletion (sequencer ${committed.manifest.source.sequencer}) is already in silver`;
          env.logger.info('stale deletion skipped', { bucket: object.bucket, key: object.key, reason });
          return { kind: 'stale', bronzeKey: object.key, bronzeETag: '', reason };
        }
        // Uncommit first (only the manifest read: a commit made since is judged again): gold,
        // triggered by the manifest's removal, stops reading the table at once. Then the outputs it
        // named, each only while it has the ETag the manifest names.
        if (committed && !(await deleteObjectIfMatch(env.s3, object.bucket, keys.manifest, committed.eTag))) continue;
        if (committed) await deleteUnchanged(env, object.bucket, outputsOf(committed.manifest));
        env.logger.info('bronze object deleted: outputs removed', { bucket: object.bucket, key: object.key });
        return { kind: 'removed', bronzeKey: object.key };
      }
      throw new Error(
        `silver: the manifest ${keys.manifest} changed under ${REMOVAL_ATTEMPTS} conditional deletes in a row`,
      );
    },
  };
  return layer;
}

/** Silver with the default options: see {@link createSilverLayer}. */
export const silverLayer = createSilverLayer();
