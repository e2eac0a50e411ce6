import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import { readCsvBatchFields, splitCsvStream, unescapeSpreadsheetCell, type CsvBatch } from '@medallion/csv-io';
import { LatestCustomerRows, type CustomerRecords } from '@medallion/customer-records';
import { isMissingObject, openObject } from '@medallion/s3-io';
import { resolveSilverColumns, type ManifestObject, type SilverColumns } from '@medallion/schemas';
import type { ParallelOptions } from '@medallion/worker-pool';
import type { CustomerKeys } from './customer-keys';
import { customerKeysTask } from './customer-keys-task';
import { SilverTableChangedError } from './errors';

/** What reading silver needs: the S3 client and a logger (a layer's `LayerEnvironment` is one). */
export interface SilverReadEnvironment {
  readonly s3: S3Client;
  /** Warnings name keys, never row contents. */
  readonly logger: Logger;
}

/**
 * A silver table's columns from its header cells (unescaped).
 *
 * @returns the columns, or undefined when the header has no Customer ID or Region column.
 */
export function tryResolveColumns(header: string[]): SilverColumns | undefined {
  try {
    return resolveSilverColumns(header);
  } catch {
    return undefined;
  }
}

/** An open silver table: its body stream, ETag and length in bytes. */
type OpenTable = Awaited<ReturnType<typeof openObject>>;

/**
 * Opens a silver table at the version its manifest names.
 *
 * @throws SilverTableChangedError when it is gone, or its ETag is not the one its manifest names.
 */
async function openCommittedTable(
  env: SilverReadEnvironment,
  table: ManifestObject,
  bucket: string,
): Promise<OpenTable> {
  let silver;
  try {
    silver = await openObject(env.s3, bucket, table.key, table.versionId);
  } catch (error) {
    if (!isMissingObject(error)) throw error;
    throw new SilverTableChangedError(
      `silver table ${table.key} that its manifest names no longer exists (removed since); silver's retry or a new upload of its bronze object rewrites both`,
      { cause: error },
    );
  }
  if (silver.eTag !== table.eTag) {
    // Only where reads cannot name a version (a store without versions): never count other bytes than the committed ones.
    silver.body.destroy();
    throw new SilverTableChangedError(
      `silver table ${table.key} changed since its manifest was written (ETag ${silver.eTag}, manifest ${table.eTag}); silver's retry rewrites both`,
    );
  }
  return silver;
}

/** The table's columns, from its first batch (the header); undefined when it is no silver table. */
async function readColumns(batches: AsyncGenerator<CsvBatch>): Promise<SilverColumns | undefined> {
  const first = await batches.next();
  const header = first.done ? undefined : readCsvBatchFields(first.value.bytes, { firstLine: 1 })[0];
  // Silver escapes header cells too (a name starting with a tab or `=`): match on the original names.
  return header ? tryResolveColumns(header.map(unescapeSpreadsheetCell)) : undefined;
}

/** Adds one batch's customer keys to the latest rows, each row's line its position plus 1. */
function addBatchKeys(latest: LatestCustomerRows, keys: CustomerKeys): void {
  const first = latest.rows + 2;
  const regions = Array.from(keys.regionIndexes, (index) => keys.regionNames[index] ?? '');
  latest.addAll(
    keys.customerIds,
    regions,
    keys.subscribed,
    Int32Array.from(keys.customerIds, (_, i) => first + i),
  );
}

/**
 * Reads one committed wide silver table (`silver/<path>.csv`, at the version its manifest names)
 * into its customer records: each Customer ID's last row in the table, sorted by ID, as silver's
 * customer table would hold them. For lakes written before silver wrote customer tables, whose
 * manifests name no `customers` output. The table is cut into batches of whole records whose keys
 * are read on worker threads for tables of 1 MiB and more when threads are available
 * (`MEDALLION_WORKER_THREADS`), inline otherwise. Such tables carry no bronze line numbers: a
 * record's `line` is its row's position plus 1 (the line it starts on when no field holds a line break).
 *
 * @param env - S3 client and logger.
 * @param bucket - the lake bucket.
 * @param table - the silver table as its manifest names it (key, ETag, version).
 * @param source - the source index its records get.
 * @param options - threads, the parallel threshold and the batch size.
 * @returns the records and the table's row count, or undefined (with a warning) when the object is not a silver table (no Customer ID or Region column).
 * @throws SilverTableChangedError when the table's ETag is not the one its manifest names (a store without versions,
 *   the table rewritten since: a retry reads the new commit) or the table is gone; CsvSyntaxError; the SDK's errors.
 */
export async function readSilverTableRecords(
  env: SilverReadEnvironment,
  bucket: string,
  table: ManifestObject,
  source: number,
  options: ParallelOptions = {},
): Promise<{ readonly records: CustomerRecords; readonly rows: number } | undefined> {
  const silver = await openCommittedTable(env, table, bucket);
  const batches = splitCsvStream(silver.body, { batchBytes: options.batchBytes });
  const columns = await readColumns(batches);
  if (!columns) {
    silver.body.destroy();
    env.logger.warn('silver object skipped: not a silver table', { bucket, key: table.key });
    return undefined;
  }
  const latest = new LatestCustomerRows();
  const taskOf = (batch: CsvBatch) => ({ bytes: batch.bytes, firstLine: batch.firstLine, columns });
  for await (const keys of customerKeysTask.runInOrder(batches, taskOf, silver.contentLength, options)) {
    addBatchKeys(latest, keys);
  }
  return { records: latest.toRecords(source), rows: latest.rows };
}
