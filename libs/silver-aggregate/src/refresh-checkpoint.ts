import { NO_CUSTOMER_RECORDS } from '@medallion/customer-records';
import type { LayerEnvironment } from '@medallion/layer-runtime';
import {
  headObject,
  isConditionFailed,
  putObject,
  readObjectBytesUnlessMatch,
  type StoredObject,
} from '@medallion/s3-io';
import { randomUUID } from 'node:crypto';
import { manifestObjectOf, type ManifestObject } from '@medallion/schemas';
import type { ParallelOptions } from '@medallion/worker-pool';
import { decodeCheckpoint, encodeCheckpoint, type Checkpoint } from './checkpoint';
import type { CheckpointSettings } from './checkpoint-settings';
import {
  deleteSegments,
  deleteUnnamedSegments,
  ungroupedToRead,
  writeNewSegments,
  type ReadRecords,
  type WrittenSegments,
} from './checkpoint-segments';
import type { CheckpointKeys } from './checkpoint-keys';
import { diffCommits, type CommitDiff } from './commit-diff';
import type { CommittedTable } from './committed-table';
import { CommitChangedError, ContendedWriteError, UnusableCheckpointError } from './errors';
import { listManifests, readAllCommitRecords, readBaseTable } from './read-commits';
import { mergeRefreshedState } from './refresh-merge';
import { planRefresh, readPlannedRecords, type RefreshPlan } from './refresh-plan';
import type { SegmentRef } from './segment-ref';
import { checkStateSize } from './state-limit';
import { processCache } from './process-cache';
import { GENERATION_METADATA, generationOf } from './write-if-newer';

/** Recomputes that start over after a lost race or a table rewritten under them, before the invocation fails. */
const ATTEMPTS = 5;

/** The checkpoint as stored: its content when usable, and the ETag and generation a conditional write needs. */
export interface StoredCheckpoint {
  readonly checkpoint: Checkpoint | undefined;
  /** The stored object's ETag; undefined when there is none. */
  readonly eTag: string | undefined;
  /** The stored object's version, where the bucket has versions. */
  readonly versionId?: string;
  /** The highest generation known to have been written (also from an unusable checkpoint's metadata). */
  readonly generation: number;
  /** Why a stored checkpoint is not used, when it is not. */
  readonly unusable?: string;
}

/**
 * Reads the layer's checkpoint (and its base table, when it has one). A missing one is no
 * checkpoint; a corrupt one, one of another format or layer, or one whose base is gone, is not used (the state is then rebuilt from the commits), but its ETag and
 * generation are kept so the rebuilt one replaces it by a conditional write.
 */
export async function readStoredCheckpoint(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  layer: string,
): Promise<StoredCheckpoint> {
  const held = processCache.checkpoint(bucket, keys.state);
  const object = await readObjectBytesUnlessMatch(env.s3, bucket, keys.state, held?.eTag);
  if (held && (object === 'not-modified' || object?.eTag === held.eTag)) return held;
  processCache.dropCheckpoint(bucket, keys.state);
  if (!object || object === 'not-modified') return { checkpoint: undefined, eTag: undefined, generation: 0 };
  try {
    const checkpoint = await decodeCheckpoint(object.bytes, layer, readBaseTable(env, bucket));
    const outside = checkpoint.segments?.find((ref) => !ref.key.startsWith(keys.segmentsPrefix));
    if (outside) throw new UnusableCheckpointError(`it names a segment outside ${keys.segmentsPrefix}: ${outside.key}`);
    const stored = {
      checkpoint,
      eTag: object.eTag,
      ...(object.versionId ? { versionId: object.versionId } : {}),
      generation: Math.max(checkpoint.generation, generationOf(object.metadata)),
    };
    processCache.holdCheckpoint(bucket, keys.state, stored);
    return stored;
  } catch (error) {
    if (!(error instanceof UnusableCheckpointError)) throw error;
    env.logger.warn('checkpoint not used: rebuilding it from the commits', {
      bucket,
      key: keys.state,
      reason: error.message,
    });
    return {
      checkpoint: undefined,
      eTag: object.eTag,
      generation: Math.max(0, generationOf(object.metadata)),
      unusable: error.message,
    };
  }
}

/** What one refresh of the checkpoint did. */
export interface CheckpointRefresh {
  /** The checkpoint now stored. */
  readonly checkpoint: Checkpoint;
  /** The stored checkpoint object (key, ETag, version). */
  readonly stored: ManifestObject;
  /** `merged`: new commits merged into the state; `rebuilt`: the state read again from every commit; `unchanged`: the checkpoint already held every commit. */
  readonly action: 'merged' | 'rebuilt' | 'unchanged';
  /** Commits whose tables were read. */
  readonly readCommits: number;
  /** Segments read by a rebuild instead of their commits' tables. */
  readonly readSegments: number;
  /** Segments written (groups of the small commits read now; see `writeNewSegments`). */
  readonly writtenSegments: number;
}

/**
 * A generation greater than every one written before: the time in ms, or one more than the last
 * when checkpoints come faster (outputs and entries of older generations are then never preferred,
 * even after a checkpoint was deleted and rebuilt).
 */
function nextGeneration(previous: number): number {
  return Math.max(previous + 1, Date.now());
}

/** Options of {@link refreshCheckpoint}. */
export interface RefreshOptions {
  readonly layer: string;
  readonly keys: CheckpointKeys;
  /** The most customers the state may hold (see `maxAggregateCustomers`). */
  readonly maxCustomers: number;
  /** How legacy silver tables are read. */
  readonly read: ParallelOptions;
  /** How the checkpoint is stored: segments' size, bases' least size (see `checkpointSettings`). */
  readonly settings: CheckpointSettings;
}

/** The metadata key of a checkpoint write's own identity, so that a write whose response was lost is recognised as this one's. */
const WRITE_ID_METADATA = 'checkpoint-write';

/**
 * Writes the checkpoint over the one read (If-Match its ETag; If-None-Match when there was none).
 * A failed condition is a lost race, unless the object there now is this very write (its response
 * lost and the SDK's retry refused): then it is this write.
 *
 * @returns the stored object, or `lost`.
 * @throws the SDK's errors other than a failed condition.
 */
async function writeCheckpointObject(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  checkpoint: Checkpoint,
  readETag: string | undefined,
  writeId: string,
): Promise<StoredObject | 'lost'> {
  try {
    return await putObject(
      env.s3,
      {
        bucket,
        key: keys.state,
        contentType: 'application/vnd.apache.parquet',
        metadata: { [GENERATION_METADATA]: String(checkpoint.generation), [WRITE_ID_METADATA]: writeId },
      },
      encodeCheckpoint(checkpoint),
      readETag ? { ifMatch: readETag } : { ifNoneMatch: '*' },
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    const head = await headObject(env.s3, bucket, keys.state);
    if (head?.metadata[WRITE_ID_METADATA] !== writeId) return 'lost';
    env.logger.info('the checkpoint write succeeded though its response was lost', { bucket, key: keys.state });
    return { key: keys.state, eTag: head.eTag, versionId: head.versionId };
  }
}

/**
 * The records of the earlier small commits in no segment, read again to be grouped (see
 * `ungroupedToRead`); none when a table is not the one its manifest names (the grouping waits for
 * a rebuild, which reports it).
 */
async function readUngrouped(
  env: LayerEnvironment,
  bucket: string,
  commits: readonly CommittedTable[],
  readNow: ReadonlySet<number>,
  options: RefreshOptions,
): Promise<ReadRecords[]> {
  const toRead = ungroupedToRead(commits, readNow, options.settings.segmentCommits);
  if (toRead.length === 0) return [];
  try {
    const read = await readAllCommitRecords(env, bucket, toRead, options.read, () => undefined);
    return read.flatMap(({ source, records }) => (records ? [{ source, records }] : []));
  } catch (error) {
    if (!(error instanceof CommitChangedError)) throw error;
    env.logger.warn('earlier commits not grouped into segments: a table changed', { bucket, reason: error.message });
    return [];
  }
}

/** The refresh of a checkpoint that already holds every commit listed; undefined when it does not. */
function unchangedRefresh(
  stored: StoredCheckpoint,
  diff: CommitDiff,
  keys: CheckpointKeys,
): CheckpointRefresh | undefined {
  const base = stored.checkpoint;
  if (!base || !stored.eTag || diff.added.length > 0 || diff.changed.length > 0 || diff.removed.length > 0)
    return undefined;
  const unchanged = manifestObjectOf({ key: keys.state, eTag: stored.eTag, versionId: stored.versionId });
  return {
    checkpoint: base,
    stored: unchanged,
    action: 'unchanged',
    readCommits: 0,
    readSegments: 0,
    writtenSegments: 0,
  };
}

/** The segments the new checkpoint names: those kept, then those written now. */
interface RefreshSegments {
  /** Segments of the previous checkpoint kept (for a rebuild, the usable ones). */
  readonly kept: readonly SegmentRef[];
  /** Segments written by this refresh. */
  readonly written: WrittenSegments;
  /** Every segment the new checkpoint names, kept first. */
  readonly all: SegmentRef[];
}

/**
 * Groups the small commits read into new segments (see `writeNewSegments`) and gives each member
 * commit in the plan its segment's index.
 *
 * @throws the SDK's errors.
 */
async function groupIntoSegments(
  env: LayerEnvironment,
  bucket: string,
  options: RefreshOptions,
  plan: RefreshPlan,
  readRecords: readonly ReadRecords[],
): Promise<RefreshSegments> {
  const { keys, layer } = options;
  const { commits, generation, rank } = plan;
  const segmentCommits = options.settings.segmentCommits;
  const written = await writeNewSegments(
    env,
    bucket,
    keys,
    layer,
    readRecords,
    commits,
    rank,
    generation,
    segmentCommits,
  );
  const kept = (plan.rebuild || !plan.base ? plan.usable?.refs : plan.base.segments) ?? [];
  written.members.forEach((members, k) => {
    for (const index of members) {
      const commit = commits[index];
      if (commit) commits[index] = { ...commit, segment: kept.length + k };
    }
  });
  return { kept, written, all: [...kept, ...written.refs] };
}

/**
 * Writes the new checkpoint over the one read; when another invocation wrote one first, deletes the
 * segments written now and reports the race. Then deletes the segments no checkpoint names any more
 * and holds the checkpoint in the process cache.
 *
 * @returns the stored checkpoint object, or `lost`.
 * @throws the SDK's errors.
 */
async function storeCheckpoint(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  checkpoint: Checkpoint,
  readETag: string | undefined,
  plan: RefreshPlan,
  segments: RefreshSegments,
): Promise<ManifestObject | 'lost'> {
  const { base } = plan;
  const stateWritten = await writeCheckpointObject(env, bucket, keys, checkpoint, readETag, randomUUID());
  if (stateWritten === 'lost') {
    await deleteSegments(env, bucket, keys, segments.written.refs);
    return 'lost';
  }
  if (plan.rebuild && base?.segments)
    await deleteSegments(
      env,
      bucket,
      keys,
      base.segments.filter((ref) => !segments.kept.includes(ref)),
    );
  // Rebuilt from nothing: segments an unusable or deleted checkpoint named are known to no one now.
  if (!base) await deleteUnnamedSegments(env, bucket, keys, segments.all, checkpoint.generation);
  const version = stateWritten.versionId ? { versionId: stateWritten.versionId } : {};
  processCache.holdCheckpoint(bucket, keys.state, {
    checkpoint,
    eTag: stateWritten.eTag,
    ...version,
    generation: checkpoint.generation,
  });
  return { key: stateWritten.key, eTag: stateWritten.eTag, ...version };
}

/** One attempt of {@link refreshCheckpoint}: `lost` when another invocation wrote the checkpoint first. */
async function refreshOnce(
  env: LayerEnvironment,
  bucket: string,
  options: RefreshOptions,
): Promise<CheckpointRefresh | 'lost'> {
  const { layer, keys, maxCustomers } = options;
  const stored = await readStoredCheckpoint(env, bucket, keys, layer);
  const listed = await listManifests(env, bucket);
  const diff = diffCommits(stored.checkpoint?.commits ?? [], listed);
  const unchanged = unchangedRefresh(stored, diff, keys);
  if (unchanged) return unchanged;
  const nextOfStored = () => nextGeneration(stored.generation);
  const plan = await planRefresh(env, bucket, layer, stored.checkpoint, diff, listed, nextOfStored);
  const { readRecords, readSources } = await readPlannedRecords(env, bucket, layer, plan, maxCustomers, options.read);
  const merged = mergeRefreshedState(plan, readRecords, options.settings.baseMinCustomers);
  const { state } = merged;
  checkStateSize(layer, state.count, maxCustomers);
  if (!plan.rebuild) readRecords.push(...(await readUngrouped(env, bucket, plan.commits, readSources, options)));
  const segments = await groupIntoSegments(env, bucket, options, plan, readRecords);
  const checkpoint: Checkpoint = {
    layer,
    generation: plan.generation,
    commits: plan.commits,
    state: state.count === 0 ? NO_CUSTOMER_RECORDS : state,
    ...(segments.all.length > 0 ? { segments: segments.all } : {}),
    ...(merged.base ? { base: merged.base } : {}),
  };
  const storedCheckpoint = await storeCheckpoint(env, bucket, keys, checkpoint, stored.eTag, plan, segments);
  if (storedCheckpoint === 'lost') return 'lost';
  return {
    checkpoint,
    stored: storedCheckpoint,
    action: plan.rebuild ? 'rebuilt' : 'merged',
    readCommits: plan.toRead.length,
    readSegments: plan.usable?.refs.length ?? 0,
    writtenSegments: segments.written.refs.length,
  };
}

/**
 * Brings the layer's checkpoint up to the commits in the lake now: lists silver's manifests, compares
 * them with the commits the checkpoint includes, and merges only what was added (new manifests'
 * tables merged into the state); a replaced or removed commit, or a missing or unusable checkpoint,
 * rebuilds the state from every commit: from the checkpoint's segments whose commits are all still
 * current, and from the tables of the others. The small commits read are grouped into new segments
 * (see `writeNewSegments`), so that the next rebuild reads those instead. The new checkpoint is written only over the one
 * that was read (S3 conditional write): when another invocation wrote one meanwhile, this one starts
 * over from it, so no update is lost.
 *
 * @param env - S3 client and logger.
 * @param bucket - the lake bucket.
 * @param options - layer, keys, the state's limit, how legacy tables are read.
 * @returns what was done and the checkpoint now stored.
 * @throws AggregateStateTooLargeError past the limit; Error after {@link ATTEMPTS} lost races or
 *   rewritten tables in a row; the SDK's errors.
 */
export async function refreshCheckpoint(
  env: LayerEnvironment,
  bucket: string,
  options: RefreshOptions,
): Promise<CheckpointRefresh> {
  let lastReason = 'another invocation wrote the checkpoint first each time';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let outcome: CheckpointRefresh | 'lost';
    try {
      outcome = await refreshOnce(env, bucket, options);
    } catch (error) {
      if (!(error instanceof CommitChangedError)) throw error;
      lastReason = error.message;
      env.logger.info('a commit changed while it was read: starting over', { bucket, attempt, reason: error.message });
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    if (outcome !== 'lost') return outcome;
    lastReason = 'another invocation wrote the checkpoint first';
    env.logger.info('another invocation wrote the checkpoint first: starting over from it', {
      bucket,
      key: options.keys.state,
      attempt,
    });
  }
  throw new ContendedWriteError(
    `${options.layer}: the checkpoint could not be brought up to date in ${ATTEMPTS} attempts (the last: ${lastReason}); the next invocation tries again. ` +
      'A table that stays missing or different from its manifest is repaired by uploading its bronze object again',
  );
}
