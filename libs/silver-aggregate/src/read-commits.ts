import { decodeCustomerTable, type CustomerRecords } from '@medallion/customer-records';
import type { LayerEnvironment } from '@medallion/layer-runtime';
import { listObjects, readObjectBytes } from '@medallion/s3-io';
import { asSilverManifest, SILVER_MANIFEST_PREFIX } from '@medallion/schemas';
import { readSilverTableRecords, SilverTableChangedError } from '@medallion/silver-tables';
import type { ParallelOptions } from '@medallion/worker-pool';
import { committedTableOf, type CommittedTable } from './committed-table';
import { concurrently } from './concurrently';
import { readImmutable, readNamedObject } from './immutable-reads';
import { CommitChangedError } from './errors';

/** Manifests and tables read at once. */
const READ_CONCURRENCY = 16;

/**
 * Every silver manifest now in the lake, by key, with its ETag (ListObjectsV2, page by page).
 *
 * @returns manifest key → ETag.
 */
export async function listManifests(env: LayerEnvironment, bucket: string): Promise<Map<string, string>> {
  const manifests = new Map<string, string>();
  for await (const object of listObjects(env.s3, bucket, SILVER_MANIFEST_PREFIX))
    if (object.key.endsWith('.json')) manifests.set(object.key, object.eTag);
  return manifests;
}

/**
 * Reads silver manifests into commits. A manifest deleted since it was listed is left out (its
 * removal has its own event); an object there that is not a silver manifest becomes a commit with
 * no table, with a warning, so it is not read again.
 *
 * @param listed - manifest key → the ETag its listing gave (the manifests are read through {@link readImmutable} by it).
 * @param keys - manifest keys to read.
 * @returns the commits, in the keys' order, without the deleted ones.
 */
export async function readCommits(
  env: LayerEnvironment,
  bucket: string,
  listed: ReadonlyMap<string, string>,
  keys: readonly string[],
): Promise<CommittedTable[]> {
  const commits = await concurrently(keys, READ_CONCURRENCY, async (key) => {
    const eTag = listed.get(key);
    const object =
      eTag === undefined
        ? await readObjectBytes(env.s3, bucket, key)
        : await readImmutable(env.s3, bucket, key, { eTag });
    if (!object) return undefined;
    try {
      return committedTableOf(
        key,
        object.eTag,
        asSilverManifest(JSON.parse(Buffer.from(object.bytes).toString('utf8'))),
      );
    } catch {
      env.logger.warn('not a silver manifest: counted as a commit with no table', { bucket, key });
      return { manifestKey: key, manifestETag: object.eTag, eventTime: '', sequencer: '', silverRows: 0 };
    }
  });
  return commits.filter((commit): commit is CommittedTable => commit !== undefined);
}

/** What reading one commit's table gave. */
export interface CommitRecords {
  /** The commit's source index, as asked. */
  readonly source: number;
  /** The commit, with what the read found out (rows of a wide silver table; whether it is a silver table at all). */
  readonly commit: CommittedTable;
  /** Its records; undefined for a commit without a table, or a wide table that is not a silver table. */
  readonly records: CustomerRecords | undefined;
}

/**
 * One commit's customer records: its customer table (Parquet), or for a commit written before
 * customer tables existed, its wide silver table read as `readSilverTableRecords` reads it.
 *
 * @param commit - the commit.
 * @param source - the index its records get.
 * @returns the records and the commit as read.
 * @throws CommitChangedError when the table is not the one the manifest names (rewritten since, in a store without versions).
 */
export async function readCommitRecords(
  env: LayerEnvironment,
  bucket: string,
  commit: CommittedTable,
  source: number,
  options: ParallelOptions,
): Promise<CommitRecords> {
  const { table } = commit;
  if (!table || commit.notSilverTable) return { source, commit, records: undefined };
  if (table.format === 'silver') {
    let read;
    try {
      read = await readSilverTableRecords(env, bucket, table, source, options);
    } catch (error) {
      if (error instanceof SilverTableChangedError) throw new CommitChangedError(error.message, { cause: error });
      throw error;
    }
    return read
      ? { source, commit: { ...commit, silverRows: read.rows }, records: read.records }
      : { source, commit: { ...commit, silverRows: 0, notSilverTable: true }, records: undefined };
  }
  const object = await readNamedObject(env.s3, bucket, table);
  if (!object) {
    throw new CommitChangedError(
      `customer table ${table.key} is not the one its manifest ${commit.manifestKey} names (rewritten or removed since); the recompute starts over`,
    );
  }
  return { source, commit, records: (await decodeCustomerTable(object.bytes, source)).records };
}

/**
 * The records of many commits, read {@link READ_CONCURRENCY} at a time.
 *
 * @param commits - the commits, each with its source index.
 * @param onRead - called with each table's record count as it arrives (the state's size check).
 * @returns each commit's records and the commit as read, in order.
 */
export async function readAllCommitRecords(
  env: LayerEnvironment,
  bucket: string,
  commits: ReadonlyArray<{ readonly commit: CommittedTable; readonly source: number }>,
  options: ParallelOptions,
  onRead: (records: number) => void,
): Promise<CommitRecords[]> {
  return concurrently(commits, READ_CONCURRENCY, async ({ commit, source }) => {
    const read = await readCommitRecords(env, bucket, commit, source, options);
    if (read.records) onRead(read.records.count);
    return read;
  });
}

/**
 * A reader of checkpoints' base tables (see `decodeCheckpoint`): the commit's customer table, by
 * version where the store has versions, else checked against the ETag its manifest names.
 *
 * @returns a reader giving the table's records (sources = the commit's index), or undefined when it
 *   is gone, rewritten, or not a customer table.
 */
export function readBaseTable(
  env: LayerEnvironment,
  bucket: string,
): (commit: CommittedTable, source: number) => Promise<CustomerRecords | undefined> {
  return async (commit, source) => {
    const { table } = commit;
    if (table?.format !== 'customers') return undefined;
    const object = await readNamedObject(env.s3, bucket, table);
    if (!object) return undefined;
    try {
      const { records, facts } = await decodeCustomerTable(object.bytes, source);
      // The table must say it is this commit's (its silver table), not only be of the named size.
      return commit.silver && facts.silverKey !== commit.silver.key ? undefined : records;
    } catch {
      return undefined;
    }
  };
}
