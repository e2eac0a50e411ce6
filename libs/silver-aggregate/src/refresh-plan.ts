import type { LayerEnvironment } from '@medallion/layer-runtime';
import type { ParallelOptions } from '@medallion/worker-pool';
import type { Checkpoint } from './checkpoint';
import { readUsableSegments, withoutSegment, type ReadRecords, type UsableSegments } from './checkpoint-segments';
import type { CommitDiff } from './commit-diff';
import { ranksOf, type CommittedTable } from './committed-table';
import { readAllCommitRecords, readCommits } from './read-commits';
import { checkStateSize } from './state-limit';

/** A commit whose table a refresh reads, with its index in the refresh's commits. */
export interface CommitToRead {
  readonly commit: CommittedTable;
  readonly source: number;
}

/** What one refresh works from, decided before any table is read. */
export interface RefreshPlan {
  /** The checkpoint read, when usable. */
  readonly base: Checkpoint | undefined;
  /** True when the state is read again from every commit (no usable checkpoint, or a commit replaced or removed). */
  readonly rebuild: boolean;
  /** The generation of the checkpoint this refresh writes. */
  readonly generation: number;
  /** Each commit's position in ingest order. */
  readonly rank: Uint32Array;
  /** The previous checkpoint's segments a rebuild uses; undefined for a merge. */
  readonly usable: UsableSegments | undefined;
  /** The new checkpoint's commits, sorted by manifest key (updated as tables are read and segments written). */
  readonly commits: CommittedTable[];
  /** The commits whose tables are read now. */
  readonly toRead: CommitToRead[];
}

/** The records one refresh read from the commits' tables. */
export interface RefreshRead {
  /** The sets read, sources = their commit's index. */
  readonly readRecords: ReadRecords[];
  /** The indices of every commit whose table was read (with records or not). */
  readonly readSources: ReadonlySet<number>;
}

/** Orders commits by manifest key. */
function byManifestKey(a: CommittedTable, b: CommittedTable): number {
  return a.manifestKey < b.manifestKey ? -1 : a.manifestKey > b.manifestKey ? 1 : 0;
}

/**
 * The commits with the segment each is in: for a rebuild the usable segment holding it, else the
 * one the checkpoint gave it; a commit in none (or in an unusable one) has no `segment`.
 */
function commitsInSegments(sorted: readonly CommittedTable[], usable: UsableSegments | undefined): CommittedTable[] {
  return sorted.map((commit, index) => {
    const segment = usable ? usable.segmentOf[index] : commit.segment;
    return segment === undefined || segment < 0 ? withoutSegment(commit) : { ...commit, segment };
  });
}

/**
 * The commits whose tables are read: for a rebuild those in no usable segment, for a merge the
 * fresh ones; only commits with a table that may be a silver table.
 */
function commitsToRead(
  commits: readonly CommittedTable[],
  rebuild: boolean,
  fresh: readonly CommittedTable[],
): CommitToRead[] {
  const freshKeys = new Set(fresh.map((commit) => commit.manifestKey));
  return commits.flatMap((commit, source) =>
    (rebuild ? commit.segment === undefined : freshKeys.has(commit.manifestKey)) &&
    commit.table &&
    !commit.notSilverTable
      ? [{ commit, source }]
      : [],
  );
}

/**
 * Plans one refresh: reads the added and changed commits' manifests, sorts the commits, decides
 * whether to rebuild, and for a rebuild reads the segments it can use.
 *
 * @param base - the checkpoint read, when usable.
 * @param diff - how the manifests listed differ from its commits.
 * @param listed - manifest key → ETag, as listed.
 * @param generation - the generation the new checkpoint gets.
 * @returns the plan.
 * @throws the SDK's errors.
 */
export async function planRefresh(
  env: LayerEnvironment,
  bucket: string,
  layer: string,
  base: Checkpoint | undefined,
  diff: CommitDiff,
  listed: ReadonlyMap<string, string>,
  generation: () => number,
): Promise<RefreshPlan> {
  const fresh = await readCommits(env, bucket, listed, [...diff.added, ...diff.changed]);
  const sorted = [...diff.unchanged, ...fresh].sort(byManifestKey);
  const rank = ranksOf(sorted);
  const rebuild = !base || diff.changed.length > 0 || diff.removed.length > 0;
  const next = generation();
  // A rebuild reads the segments whose commits are all still current instead of those commits' tables.
  const usable =
    rebuild && base?.segments ? await readUsableSegments(env, bucket, base.segments, sorted, layer) : undefined;
  const commits = commitsInSegments(sorted, usable);
  return { base, rebuild, generation: next, rank, usable, commits, toRead: commitsToRead(commits, rebuild, fresh) };
}

/**
 * Reads the planned commits' tables, checking the state's size as each arrives, and puts each
 * commit as read into the plan's commits.
 *
 * @param maxCustomers - the most customers the state may hold.
 * @returns the sets read and which commits were read.
 * @throws AggregateStateTooLargeError past the limit; CommitChangedError; the SDK's errors.
 */
export async function readPlannedRecords(
  env: LayerEnvironment,
  bucket: string,
  layer: string,
  plan: RefreshPlan,
  maxCustomers: number,
  options: ParallelOptions,
): Promise<RefreshRead> {
  const segmentSets = plan.usable?.sets ?? [];
  let customers =
    plan.rebuild || !plan.base ? segmentSets.reduce((total, set) => total + set.count, 0) : plan.base.state.count;
  checkStateSize(layer, customers, maxCustomers);
  const read = await readAllCommitRecords(env, bucket, plan.toRead, options, (records) =>
    checkStateSize(layer, (customers += records), maxCustomers),
  );
  for (const { commit, source } of read) plan.commits[source] = commit;
  const readRecords: ReadRecords[] = read.flatMap(({ source, records }) => (records ? [{ source, records }] : []));
  return { readRecords, readSources: new Set(read.map(({ source }) => source)) };
}
