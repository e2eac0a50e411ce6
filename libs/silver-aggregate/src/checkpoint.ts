import {
  CUSTOMER_RECORD_REQUEST,
  customerRecordColumns,
  customerRecordsOf,
  mergeCustomerRecords,
  type CustomerRecords,
} from '@medallion/customer-records';
import { readParquet, writeParquet, type ParquetTable } from '@medallion/parquet-io';
import { ranksOf, type CommittedTable } from './committed-table';
import { isSegmentRef, type SegmentRef } from './segment-ref';
import { UnusableCheckpointError } from './errors';

/**
 * The checkpoint format this code writes for a checkpoint with a base (see {@link CheckpointBase});
 * one without is written as format 1, which code before bases reads too. Any other format is
 * rebuilt, never read.
 */
export const CHECKPOINT_FORMAT = 2;

/** The format of a checkpoint that holds its whole state in its own rows. */
const WHOLE_STATE_FORMAT = 1;

/**
 * How a checkpoint stores a state that is mostly one commit's customer table: it names that table
 * (the base, an immutable object of silver's) instead of copying it, and its own rows hold only the
 * latest records of the other commits (`delta`). The state is the merge of the two.
 */
export interface CheckpointBase {
  /** The base commit: an index into the checkpoint's commits (its table is a customer table). */
  readonly commit: number;
  /** Customers in the base table. */
  readonly customers: number;
  /** Each customer's latest record across the other commits, sorted by Customer ID (the checkpoint file's rows). */
  readonly delta: CustomerRecords;
}

/**
 * Reads a base commit's customer table (see {@link decodeCheckpoint}).
 *
 * @param commit - the base commit.
 * @param source - its index in the checkpoint's commits (the records' source).
 * @returns its records, or undefined when the table is gone or not the one its manifest names.
 */
export type BaseTableReader = (commit: CommittedTable, source: number) => Promise<CustomerRecords | undefined>;

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
  /** Set when the state is stored as a base table plus the other commits' records (see {@link CheckpointBase}). */
  readonly base?: CheckpointBase;
}

/**
 * A checkpoint as one Parquet file: the state's records (`customer_id`, `region`, `subscribed`,
 * `bronze_line`, and `commit`, the index of the record's commit) and, in the footer under
 * `medallion.checkpoint`, the format, layer, generation, customers, commits and segments (JSON).
 * With a base, the rows are only the delta and the footer names the base (`base`: its commit and
 * customers; format 2); DuckDB reads the rows as a table of customers. A segment object is written
 * in the same form (without a base).
 *
 * @param checkpoint - the checkpoint.
 * @returns the file's bytes.
 */
export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const { base } = checkpoint;
  const state = base ? base.delta : checkpoint.state;
  const format = base ? CHECKPOINT_FORMAT : WHOLE_STATE_FORMAT;
  return writeParquet({
    rows: state.count,
    columns: [
      ...customerRecordColumns(state),
      {
        name: CHECKPOINT_COMMIT_COLUMN,
        kind: 'int32',
        values: new Int32Array(state.source.buffer, state.source.byteOffset, state.count),
      },
    ],
    metadata: {
      [CHECKPOINT_METADATA_KEY]: JSON.stringify({
        format,
        layer: checkpoint.layer,
        generation: checkpoint.generation,
        customers: checkpoint.state.count,
        commits: checkpoint.commits,
        ...(checkpoint.segments?.length ? { segments: checkpoint.segments } : {}),
        ...(base ? { base: { commit: base.commit, customers: base.customers } } : {}),
      }),
    },
  });
}

/** Whether a value read from a checkpoint's footer has a commit's shape (see `CommittedTable`). */
function isCommitEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const commit = value as Record<string, unknown>;
  const table = commit['table'] as Record<string, unknown> | undefined;
  return (
    typeof commit['manifestKey'] === 'string' &&
    typeof commit['manifestETag'] === 'string' &&
    typeof commit['eventTime'] === 'string' &&
    typeof commit['sequencer'] === 'string' &&
    typeof commit['silverRows'] === 'number' &&
    (table === undefined ||
      (typeof table === 'object' &&
        table !== null &&
        typeof table['key'] === 'string' &&
        typeof table['eTag'] === 'string' &&
        (table['format'] === 'customers' || table['format'] === 'silver')))
  );
}

/** A checkpoint's footer entry as read, before its fields are checked. */
interface CheckpointHead {
  format?: unknown;
  layer?: unknown;
  generation?: unknown;
  commits?: unknown;
  segments?: unknown;
  base?: unknown;
}

/** A checkpoint's footer entry, checked: its format, generation, commits and segments. */
interface CheckedHead {
  readonly format: typeof CHECKPOINT_FORMAT | typeof WHOLE_STATE_FORMAT;
  readonly generation: number;
  readonly commits: CommittedTable[];
  readonly segments: SegmentRef[];
  /** The base entry as read (checked by {@link withBaseTable}). */
  readonly base: unknown;
}

/** The message of an error thrown by a reader, for an {@link UnusableCheckpointError}. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The checkpoint file's table (its records' columns and the commit column). */
async function readCheckpointTable(bytes: Uint8Array): Promise<ParquetTable> {
  try {
    return await readParquet(bytes, { ...CUSTOMER_RECORD_REQUEST, [CHECKPOINT_COMMIT_COLUMN]: 'int32' });
  } catch (error) {
    throw new UnusableCheckpointError(`not a readable checkpoint: ${messageOf(error)}`, { cause: error });
  }
}

/** The footer entry as JSON (an empty one when absent). */
function parseHead(metadata: Readonly<Record<string, string>>): CheckpointHead {
  try {
    return JSON.parse(metadata[CHECKPOINT_METADATA_KEY] ?? 'null') ?? {};
  } catch {
    throw new UnusableCheckpointError(`the ${CHECKPOINT_METADATA_KEY} metadata is not JSON`);
  }
}

/** Every commit's segment, when it names one, is one the checkpoint holds. */
function checkSegmentsHeld(commits: readonly CommittedTable[], segments: readonly SegmentRef[]): void {
  if (
    commits.some(
      (commit) =>
        commit.segment !== undefined &&
        !(Number.isInteger(commit.segment) && commit.segment >= 0 && commit.segment < segments.length),
    )
  ) {
    throw new UnusableCheckpointError('a commit names a segment the checkpoint does not hold');
  }
}

/** Checks the footer entry: a format read here, this layer, a generation, well-formed commits and segments. */
function checkHead(head: CheckpointHead, layer: string): CheckedHead {
  const { format } = head;
  if (format !== CHECKPOINT_FORMAT && format !== WHOLE_STATE_FORMAT) {
    throw new UnusableCheckpointError(
      `checkpoint format ${String(format)}, this code reads formats ${WHOLE_STATE_FORMAT} and ${CHECKPOINT_FORMAT}`,
    );
  }
  if (head.layer !== layer)
    throw new UnusableCheckpointError(`a checkpoint of layer ${String(head.layer)}, not ${layer}`);
  if (!Number.isSafeInteger(head.generation) || !Array.isArray(head.commits))
    throw new UnusableCheckpointError('the checkpoint lacks its generation or commits');
  if (!head.commits.every(isCommitEntry)) throw new UnusableCheckpointError('a commit of the checkpoint is malformed');
  const commits = head.commits as CommittedTable[];
  const segments = head.segments ?? [];
  if (!Array.isArray(segments) || !segments.every(isSegmentRef))
    throw new UnusableCheckpointError("the checkpoint's segments are malformed");
  checkSegmentsHeld(commits, segments);
  return { format, generation: head.generation as number, commits, segments, base: head.base };
}

/** The file's records, each naming a commit the checkpoint holds. */
function recordsOf(table: ParquetTable, commits: readonly CommittedTable[]): CustomerRecords {
  const column = table.columns.find((candidate) => candidate.name === CHECKPOINT_COMMIT_COLUMN);
  const source = Uint32Array.from(column?.kind === 'int32' ? column.values : []);
  if (source.some((index) => index >= commits.length))
    throw new UnusableCheckpointError('a record names a commit the checkpoint does not hold');
  try {
    return customerRecordsOf(table, source);
  } catch (error) {
    throw new UnusableCheckpointError(`the checkpoint's records are unusable: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * A format-2 checkpoint's state: its base table (read by `readBase`) merged with the file's rows
 * (the delta).
 *
 * @throws UnusableCheckpointError when the base entry is malformed or names no customer table of
 *   the commits, no reader is given, or the table is gone or not the one named.
 */
async function withBaseTable(
  decoded: Omit<Checkpoint, 'state' | 'base'>,
  baseEntry: unknown,
  records: CustomerRecords,
  readBase: BaseTableReader | undefined,
): Promise<Checkpoint> {
  const { commits } = decoded;
  const base = baseEntry as { commit?: unknown; customers?: unknown } | undefined;
  const commit = base?.commit;
  const baseCommit = typeof commit === 'number' && Number.isInteger(commit) ? commits[commit] : undefined;
  const baseTable = baseCommit?.table;
  if (
    typeof commit !== 'number' ||
    !baseCommit ||
    baseTable?.format !== 'customers' ||
    !Number.isInteger(base?.customers)
  ) {
    throw new UnusableCheckpointError(
      'the checkpoint lacks its base, or names one that is not a customer table of its commits',
    );
  }
  if (!readBase) throw new UnusableCheckpointError('the checkpoint names a base table and no reader of it was given');
  const baseRecords = await readBase(baseCommit, commit);
  if (!baseRecords || baseRecords.count !== base?.customers) {
    throw new UnusableCheckpointError(`its base table ${baseTable.key} is gone or not the one it names`);
  }
  const state = records.count === 0 ? baseRecords : mergeCustomerRecords(baseRecords, records, ranksOf(commits));
  return { ...decoded, state, base: { commit, customers: baseRecords.count, delta: records } };
}

/**
 * Reads a checkpoint written by {@link encodeCheckpoint}.
 *
 * @param bytes - the file.
 * @param layer - the layer that reads it (a checkpoint of another layer is not used).
 * @param readBase - reads the base table of a checkpoint that has one (format 2).
 * @returns the checkpoint, its state whole (a base merged with the file's rows); IDs may point into `bytes`.
 * @throws UnusableCheckpointError when it is not a checkpoint of these formats and this layer, or
 *   does not hold what it says (any unreadable byte, a commit index out of range, a base that is
 *   gone or not the one named, or no `readBase` for one).
 */
export async function decodeCheckpoint(
  bytes: Uint8Array,
  layer: string,
  readBase?: BaseTableReader,
): Promise<Checkpoint> {
  const table = await readCheckpointTable(bytes);
  const head = checkHead(parseHead(table.metadata), layer);
  const { commits, segments } = head;
  const records = recordsOf(table, commits);
  const decoded = {
    layer,
    generation: head.generation,
    commits,
    ...(segments.length > 0 ? { segments } : {}),
  };
  if (head.format === WHOLE_STATE_FORMAT) return { ...decoded, state: records };
  return withBaseTable(decoded, head.base, records, readBase);
}
