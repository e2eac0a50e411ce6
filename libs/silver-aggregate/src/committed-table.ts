import type { ManifestObject, SilverManifest } from '@medallion/schemas';
import { compareSilverObjects, type SilverObjectOrder } from '@medallion/silver-tables';

/**
 * One silver commit as an aggregate keeps it: the manifest that committed it (key and ETag, its
 * identity) and, when it was processed, the table to read (its customer table; for lakes written
 * before customer tables existed, the wide silver table) with its place in ingest order.
 */
export interface CommittedTable {
  /** `silver/_manifests/<path>.json`. */
  readonly manifestKey: string;
  /** The manifest's ETag: a new version of the bronze object writes a new manifest, with another ETag. */
  readonly manifestETag: string;
  /** What to read; absent for a rejected file (its commit contributes no customers). */
  readonly table?: ManifestObject & { readonly format: 'customers' | 'silver' };
  /** The silver table (as sources are reported), absent for a rejected file. */
  readonly silver?: ManifestObject;
  /** The bronze event's time, ISO 8601 (ingest order, first key). */
  readonly eventTime: string;
  /** The bronze event's sequencer (ingest order, second key). */
  readonly sequencer: string;
  /** Silver rows of the commit (from its manifest; for a wide silver table, the rows read). */
  readonly silverRows: number;
  /** Set when the commit's wide silver table turned out not to be a silver table (no Customer ID or Region column): it contributes no customers. */
  readonly notSilverTable?: true;
  /** In a checkpoint: the index of the segment (in its `segments`) that holds this commit's records; absent when none does. */
  readonly segment?: number;
}

/**
 * The committed table a silver manifest names.
 *
 * @param manifestKey - the manifest's key.
 * @param manifestETag - its ETag as read.
 * @param manifest - its content.
 * @returns the commit: a customer table when silver wrote one, else the silver table; none for a rejected file.
 */
export function committedTableOf(manifestKey: string, manifestETag: string, manifest: SilverManifest): CommittedTable {
  const { silver, customers } = manifest.outputs;
  const processed = manifest.outcome === 'processed' && silver !== undefined;
  return {
    manifestKey,
    manifestETag,
    ...(processed
      ? {
          table: customers ? { ...customers, format: 'customers' as const } : { ...silver, format: 'silver' as const },
          silver,
        }
      : {}),
    eventTime: manifest.source.eventTime,
    sequencer: manifest.source.sequencer,
    silverRows: processed ? manifest.counts.silverRows : 0,
  };
}

/**
 * A commit's place in ingest order (see `compareSilverObjects`): its bronze event time, sequencer,
 * then its silver table's key.
 */
export function orderOf(commit: CommittedTable): SilverObjectOrder {
  return { eventTime: commit.eventTime, sequencer: commit.sequencer, key: commit.silver?.key ?? commit.manifestKey };
}

/**
 * Each commit's position in ingest order (see {@link orderOf}; higher is later), by index: the
 * `rank` that merges of their records take.
 *
 * @param commits - the commits.
 * @returns rank[i] for commit i, a permutation of 0…n−1.
 */
export function ranksOf(commits: readonly CommittedTable[]): Uint32Array {
  const order = commits
    .map((commit, index) => ({ index, order: orderOf(commit) }))
    .sort((a, b) => compareSilverObjects(a.order, b.order));
  const rank = new Uint32Array(commits.length);
  order.forEach(({ index }, position) => (rank[index] = position));
  return rank;
}
