import { CUSTOMER_RECORD_REQUEST, customerRecordColumns, customerRecordsOf, type CustomerRecords } from '@medallion/customer-records';
import { readParquet, writeParquet } from '@medallion/parquet-io';
import type { CommittedTable } from './committed-table';
import { isSegmentRef, type SegmentRef } from './segment-ref';

/** The checkpoint format this code writes and trusts; any other is rebuilt, never read. */
export const CHECKPOINT_FORMAT = 1;

/** The footer key that holds a checkpoint's commits and generation (JSON). */
export const CHECKPOINT_METADATA_KEY = 'medallion.checkpoint';

/** The Parquet column holding each record's commit (an index into the checkpoint's commits). */
export const CHECKPOINT_COMMIT_COLUMN = 'commit';

/**
 * An aggregate layer's merged state over silver: each customer's latest record across every commit
 * it includes, and exactly which commits those are (manifest key and ETag), so that an invocation
 * merges only what was added since.
 */
export interface Checkpoint {
  /** The layer whose state this is, e.g. `gold`. */
  readonly layer: string;
  /** Greater than every earlier checkpoint's (the time in ms, or one more than the last; see `nextGeneration`). Outputs record the generation they were made from. */
  readonly generation: number;
  /** The commits included, sorted by manifest key; a record's `source` is an index into this list. */
  readonly commits: readonly CommittedTable[];
  /** Each customer's latest record, sorted by Customer ID. */
  readonly state: CustomerRecords;
  /**
   * Segments of the checkpoint (see `checkpoint-segments.ts`): the merged records of groups of its
   * small commits, each in an object of its own, which a rebuild reads instead of those commits'
   * tables. A commit's `segment` indexes this list. Absent: none.
   */
  readonly segments?: readonly SegmentRef[];
}

/**
 * A checkpoint as one Parquet file: the state's records (`customer_id`, `region`, `subscribed`,
 * `bronze_line`, and `commit`, the index of the record's commit) and, in the footer under
 * `medallion.checkpoint`, the format, layer, generation, commits and segments (JSON). DuckDB reads
 * it as a table of customers. A segment object is written in the same form.
 *
 * @param checkpoint - the checkpoint.
 * @returns the file's bytes.
 */
export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const { state } = checkpoint;
  return writeParquet({
    rows: state.count,
    columns: [...customerRecordColumns(state), { name: CHECKPOINT_COMMIT_COLUMN, kind: 'int32', values: new Int32Array(state.source.buffer, state.source.byteOffset, state.count) }],
    metadata: {
      [CHECKPOINT_METADATA_KEY]: JSON.stringify({ format: CHECKPOINT_FORMAT, layer: checkpoint.layer, generation: checkpoint.generation, customers: state.count, commits: checkpoint.commits, ...(checkpoint.segments?.length ? { segments: checkpoint.segments } : {}) }),
    },
  });
}

/** Why a stored checkpoint is not used (and the state is rebuilt from the commits). */
export class UnusableCheckpointError extends Error {
  override readonly name = 'UnusableCheckpointError';
}

/**
 * Reads a checkpoint written by {@link encodeCheckpoint}.
 *
 * @param bytes - the file.
 * @param layer - the layer that reads it (a checkpoint of another layer is not used).
 * @returns the checkpoint (its state's IDs point into `bytes`).
 * @throws UnusableCheckpointError when it is not a checkpoint of this format and layer, or does not
 *   hold what it says (any unreadable byte, a commit index out of range).
 */
export async function decodeCheckpoint(bytes: Uint8Array, layer: string): Promise<Checkpoint> {
  let table;
  try {
    table = await readParquet(bytes, { ...CUSTOMER_RECORD_REQUEST, [CHECKPOINT_COMMIT_COLUMN]: 'int32' });
  } catch (error) {
    throw new UnusableCheckpointError(`not a readable checkpoint: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let head: { format?: unknown; layer?: unknown; generation?: unknown; commits?: unknown; segments?: unknown };
  try {
    head = JSON.parse(table.metadata[CHECKPOINT_METADATA_KEY] ?? 'null') ?? {};
  } catch {
    throw new UnusableCheckpointError(`the ${CHECKPOINT_METADATA_KEY} metadata is not JSON`);
  }
  if (head.format !== CHECKPOINT_FORMAT) throw new UnusableCheckpointError(`checkpoint format ${String(head.format)}, this code reads format ${CHECKPOINT_FORMAT}`);
  if (head.layer !== layer) throw new UnusableCheckpointError(`a checkpoint of layer ${String(head.layer)}, not ${layer}`);
  if (!Number.isSafeInteger(head.generation) || !Array.isArray(head.commits)) throw new UnusableCheckpointError('the checkpoint lacks its generation or commits');
  const commits = head.commits as CommittedTable[];
  const segments = head.segments ?? [];
  if (!Array.isArray(segments) || !segments.every(isSegmentRef)) throw new UnusableCheckpointError('the checkpoint\'s segments are malformed');
  if (commits.some((commit) => commit.segment !== undefined && !(Number.isInteger(commit.segment) && commit.segment >= 0 && commit.segment < segments.length))) {
    throw new UnusableCheckpointError('a commit names a segment the checkpoint does not hold');
  }
  const column = table.columns.find((candidate) => candidate.name === CHECKPOINT_COMMIT_COLUMN);
  const source = Uint32Array.from(column?.kind === 'int32' ? column.values : []);
  if (source.some((index) => index >= commits.length)) throw new UnusableCheckpointError('a record names a commit the checkpoint does not hold');
  try {
    return { layer, generation: head.generation as number, commits, state: customerRecordsOf(table, source), ...(segments.length > 0 ? { segments } : {}) };
  } catch (error) {
    throw new UnusableCheckpointError(`the checkpoint's records are unusable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
