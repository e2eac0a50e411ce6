import { mergeAllCustomerRecords, type CustomerRecords } from '@medallion/customer-records';
import type { LayerEnvironment } from '@medallion/layer-runtime';
import { deleteObjects, listObjects, putObject } from '@medallion/s3-io';
import { randomUUID } from 'node:crypto';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import type { CheckpointKeys } from './checkpoint-keys';
import type { CommittedTable } from './committed-table';
import { concurrently } from './concurrently';
import { readNamedObject } from './immutable-reads';
import type { SegmentRef } from './segment-ref';
import { UnusableCheckpointError } from './errors';

/**
 * Customers a commit may hold and still go into a segment: a larger table costs a rebuild as much
 * to read as a segment holding it, so a segment would only copy it.
 */
export const SEGMENT_MAX_COMMIT_CUSTOMERS = 10_000;

/** Segments read or written at once. */
const SEGMENT_CONCURRENCY = 8;

/** The segments of a checkpoint that a rebuild can use, read. */
export interface UsableSegments {
  /** The segments kept, in their new numbering (their index here). */
  readonly refs: SegmentRef[];
  /** Their records, sources in the numbering of the rebuild's commits. */
  readonly sets: CustomerRecords[];
  /** For each index of the rebuild's commits: the new index of the kept segment holding it, or -1. */
  readonly segmentOf: Int32Array;
}

/** The commits a segment object holds must be exactly the members the checkpoint gives it. */
function sameCommits(held: readonly CommittedTable[], members: readonly CommittedTable[]): boolean {
  return (
    held.length === members.length &&
    held.every((commit, i) => {
      const member = members[i];
      return (
        member !== undefined && commit.manifestKey === member.manifestKey && commit.manifestETag === member.manifestETag
      );
    })
  );
}

/** A segment whose commits are all still current, with the indices of those commits. */
interface SegmentCandidate {
  readonly ref: SegmentRef;
  /** The indices (in the rebuild's commits) of the commits the checkpoint says it holds. */
  readonly members: number[];
}

/** A segment read and usable, its records' sources in the rebuild's numbering. */
interface UsableSegment {
  readonly ref: SegmentRef;
  readonly indices: readonly number[];
  readonly records: CustomerRecords;
}

/** The segments all of whose commits are among the rebuild's commits (none replaced or removed). */
function segmentCandidates(segments: readonly SegmentRef[], commits: readonly CommittedTable[]): SegmentCandidate[] {
  const members = segments.map((): number[] => []);
  commits.forEach((commit, index) => {
    if (commit.segment !== undefined) members[commit.segment]?.push(index);
  });
  return segments.flatMap((ref, index) => {
    const held = members[index] ?? [];
    return held.length === ref.commits ? [{ ref, members: held }] : [];
  });
}

/**
 * Reads one candidate segment; undefined, with a warning, when it is gone, unreadable or holds
 * other commits than its checkpoint says.
 */
async function readUsableSegment(
  env: LayerEnvironment,
  bucket: string,
  layer: string,
  commits: readonly CommittedTable[],
  { ref, members: indices }: SegmentCandidate,
): Promise<UsableSegment | undefined> {
  const object = await readNamedObject(env.s3, bucket, ref);
  if (!object) {
    env.logger.warn("segment not used (it is gone or was rewritten): its commits' tables are read instead", {
      bucket,
      key: ref.key,
    });
    return undefined;
  }
  try {
    const held = await decodeCheckpoint(object.bytes, layer);
    if (
      !sameCommits(
        held.commits,
        indices.flatMap((index) => commits[index] ?? []),
      )
    )
      throw new UnusableCheckpointError('it holds other commits than its checkpoint says');
    const source = Uint32Array.from(held.state.source, (local) => indices[local] ?? Number.NaN);
    return { ref, indices, records: { ...held.state, source } };
  } catch (error) {
    env.logger.warn("segment not used: its commits' tables are read instead", {
      bucket,
      key: ref.key,
      reason: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

/**
 * Reads the segments of the previous checkpoint whose commits are all still current (none replaced
 * or removed), so that a rebuild need not read those commits' tables. A segment that is missing,
 * unreadable, or holds other commits than the checkpoint says is not used, with a warning: its
 * commits' tables are read instead.
 *
 * @param segments - the previous checkpoint's segments.
 * @param commits - the rebuild's commits (sorted by manifest key), each with its `segment` from the previous checkpoint.
 * @param layer - the layer (a segment of another layer is not used).
 * @returns the usable segments, their records and which commits they hold.
 */
export async function readUsableSegments(
  env: LayerEnvironment,
  bucket: string,
  segments: readonly SegmentRef[],
  commits: readonly CommittedTable[],
  layer: string,
): Promise<UsableSegments> {
  const candidates = segmentCandidates(segments, commits);
  const read = await concurrently(candidates, SEGMENT_CONCURRENCY, (candidate) =>
    readUsableSegment(env, bucket, layer, commits, candidate),
  );
  const segmentOf = new Int32Array(commits.length).fill(-1);
  const refs: SegmentRef[] = [];
  const sets: CustomerRecords[] = [];
  for (const usable of read) {
    if (!usable) continue;
    for (const index of usable.indices) segmentOf[index] = refs.length;
    refs.push(usable.ref);
    sets.push(usable.records);
  }
  return { refs, sets, segmentOf };
}

/** One commit's records as read by this invocation, the candidates of new segments. */
export interface ReadRecords {
  /** The commit's index in the checkpoint's commits. */
  readonly source: number;
  readonly records: CustomerRecords;
}

/**
 * The commits a merge reads again so that they can be grouped: when the small commits in no segment
 * (earlier ones, and the ones read now) reach two segments' worth, the earlier ones' customer tables
 * (a commit counts as small when its silver rows are at most {@link SEGMENT_MAX_COMMIT_CUSTOMERS}).
 * So commits merged one invocation at a time are grouped too, each table read at most once more,
 * and a later rebuild reads segments instead of every table.
 *
 * @param commits - the checkpoint's commits, sorted by manifest key.
 * @param readNow - the indices of the commits whose tables this invocation read.
 * @param size - commits a segment.
 * @returns the earlier small commits in no segment, with their indices; empty while fewer than 2 × size.
 */
export function ungroupedToRead(
  commits: readonly CommittedTable[],
  readNow: ReadonlySet<number>,
  size: number,
): Array<{ readonly commit: CommittedTable; readonly source: number }> {
  const small = (commit: CommittedTable) =>
    commit.segment === undefined &&
    commit.table?.format === 'customers' &&
    !commit.notSilverTable &&
    commit.silverRows <= SEGMENT_MAX_COMMIT_CUSTOMERS;
  const earlier = commits.flatMap((commit, source) =>
    !readNow.has(source) && small(commit) ? [{ commit, source }] : [],
  );
  const now = [...readNow].filter((source) => {
    const commit = commits[source];
    return commit !== undefined && small(commit);
  }).length;
  return earlier.length + now >= 2 * size ? earlier : [];
}

/** New segments written, and which commits each holds. */
export interface WrittenSegments {
  readonly refs: SegmentRef[];
  /** The commits (indices) of each new segment, in the order of `refs`. */
  readonly members: number[][];
}

/**
 * Groups the small commits read by this invocation that no segment holds into new segments of
 * `size` commits (by manifest key; a remainder of fewer stays out until a later rebuild reads it
 * again), and writes each (an object in the checkpoint's own format, at a new key, If-None-Match).
 *
 * @param read - the commits read now, with their records (sources = their commit index).
 * @param commits - the checkpoint's commits, sorted by manifest key.
 * @param rank - each commit's position in ingest order.
 * @param generation - the generation of the checkpoint that will name them.
 * @param size - commits a segment (see `checkpointSettings`).
 * @returns the segments written.
 * @throws the SDK's errors.
 */
export async function writeNewSegments(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  layer: string,
  read: readonly ReadRecords[],
  commits: readonly CommittedTable[],
  rank: ArrayLike<number>,
  generation: number,
  size: number,
): Promise<WrittenSegments> {
  const small = read
    .filter(({ records }) => records.count <= SEGMENT_MAX_COMMIT_CUSTOMERS)
    .sort((a, b) => a.source - b.source);
  const groups: ReadRecords[][] = [];
  for (let start = 0; start + size <= small.length; start += size) groups.push(small.slice(start, start + size));
  const run = randomUUID().slice(0, 8);
  const context = { layer, generation, commits, rank };
  const refs = await concurrently(
    groups.map((group, index) => ({ group, index })),
    SEGMENT_CONCURRENCY,
    ({ group, index }) => writeSegment(env, bucket, keys.segment(generation, `${run}-${index}`), context, group),
  );
  return { refs, members: groups.map((group) => group.map(({ source }) => source)) };
}

/** What every segment of one checkpoint is written with. */
interface SegmentContext {
  readonly layer: string;
  readonly generation: number;
  /** The checkpoint's commits, sorted by manifest key. */
  readonly commits: readonly CommittedTable[];
  /** Each commit's position in ingest order. */
  readonly rank: ArrayLike<number>;
}

/**
 * Writes one segment object: its commits' records merged, sources renumbered to the segment's own
 * commits, in the checkpoint's format, at a new key (If-None-Match).
 *
 * @param key - the segment's key.
 * @param group - its commits' records, sources = their commit index.
 * @returns the segment's reference.
 * @throws the SDK's errors.
 */
async function writeSegment(
  env: LayerEnvironment,
  bucket: string,
  key: string,
  { layer, generation, commits, rank }: SegmentContext,
  group: readonly ReadRecords[],
): Promise<SegmentRef> {
  const localRank = Uint32Array.from(group, ({ source }) => rank[source] ?? Number.NaN);
  const sets = group.map(({ records }, local) => ({
    ...records,
    source: new Uint32Array(records.count).fill(local),
  }));
  const members = group.flatMap(({ source }) => {
    const commit = commits[source];
    return commit ? [withoutSegment(commit)] : [];
  });
  const body = encodeCheckpoint({
    layer,
    generation,
    commits: members,
    state: mergeAllCustomerRecords(sets, localRank),
  });
  const written = await putObject(env.s3, { bucket, key, contentType: 'application/vnd.apache.parquet' }, body, {
    ifNoneMatch: '*',
  });
  return {
    key,
    eTag: written.eTag,
    ...(written.versionId ? { versionId: written.versionId } : {}),
    commits: group.length,
  };
}

/** A commit as a segment object lists it: without a segment of its own. */
export function withoutSegment(commit: CommittedTable): CommittedTable {
  const { segment, ...rest } = commit;
  return segment === undefined ? commit : rest;
}

/**
 * Deletes segments no checkpoint names any more (best effort: a failure is logged, and the objects
 * then stay, unused, under the segments prefix). Only keys under the segments prefix are deleted.
 *
 * @param refs - the segments to delete.
 */
export async function deleteSegments(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  refs: readonly SegmentRef[],
): Promise<void> {
  await deleteSegmentKeys(
    env,
    bucket,
    refs.map((ref) => ref.key).filter((key) => key.startsWith(keys.segmentsPrefix)),
  );
}

async function deleteSegmentKeys(env: LayerEnvironment, bucket: string, segmentKeys: readonly string[]): Promise<void> {
  if (segmentKeys.length === 0) return;
  try {
    await deleteObjects(env.s3, bucket, segmentKeys);
  } catch (error) {
    env.logger.warn('unused checkpoint segments could not be deleted; they stay unused', {
      bucket,
      segments: segmentKeys.length,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The generation a segment key was written for (`<prefix><generation>-<id>.parquet`), or NaN. */
function generationOfSegmentKey(keys: CheckpointKeys, key: string): number {
  return Number(key.slice(keys.segmentsPrefix.length).split('-', 1)[0]);
}

/**
 * After a checkpoint rebuilt from nothing (the one there was unusable, or deleted) is written:
 * lists the segments prefix and deletes the segments of earlier generations that the new
 * checkpoint does not name, which no checkpoint can name any more. Segments of later generations
 * belong to an invocation still running, and are left. Best effort, as {@link deleteSegments}.
 *
 * @param named - the new checkpoint's segments.
 * @param generation - the new checkpoint's generation.
 */
export async function deleteUnnamedSegments(
  env: LayerEnvironment,
  bucket: string,
  keys: CheckpointKeys,
  named: readonly SegmentRef[],
  generation: number,
): Promise<void> {
  const keep = new Set(named.map((ref) => ref.key));
  const unnamed: string[] = [];
  try {
    for await (const object of listObjects(env.s3, bucket, keys.segmentsPrefix)) {
      if (!keep.has(object.key) && generationOfSegmentKey(keys, object.key) < generation) unnamed.push(object.key);
    }
  } catch (error) {
    env.logger.warn('the segments prefix could not be listed; unused segments stay', {
      bucket,
      prefix: keys.segmentsPrefix,
      reason: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  await deleteSegmentKeys(env, bucket, unnamed);
}
