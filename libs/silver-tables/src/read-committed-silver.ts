import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import { readCsvBatchFields, splitCsvStream, unescapeSpreadsheetCell } from '@medallion/csv-io';
import { listObjects, openObject, readJsonObject } from '@medallion/s3-io';
import { asSilverManifest, resolveSilverColumns, SILVER_MANIFEST_PREFIX, type ManifestObject, type SilverColumns } from '@medallion/schemas';
import { runInOrder, threadsFor, type BatchProcessingOptions } from '@medallion/worker-pool';
import { customerKeysRunner } from './customer-keys-runner';
import type { SilverRowSink } from './latest-customer-records';
import type { SilverObjectOrder } from './silver-object-order';

/** What reading silver needs: the S3 client and a logger (a layer's `LayerEnvironment` is one). */
export interface SilverReadEnvironment {
  readonly s3: S3Client;
  /** Warnings name keys, never row contents. */
  readonly logger: Logger;
}

/** Silver tables read at once. */
const READ_CONCURRENCY = 8;

/** How a reader spreads the CSV work of the silver tables (parallel threshold: 1 MiB, since the workers stay up between tables and invocations). */
export type SilverReadOptions = BatchProcessingOptions;

/** A silver table that was read, with the manifest that committed it. */
export type SilverSource = ManifestObject & { readonly manifestKey: string };

/** What {@link readCommittedSilver} read. */
export interface CommittedSilverRead {
  /** Every silver table read, sorted by key, at the version and ETag its manifest names. */
  readonly sources: SilverSource[];
  /** Tables a `processed` manifest names that are not silver tables (no Customer ID or Region column): skipped with a warning. */
  readonly skippedObjects: number;
}

function tryResolveColumns(header: string[]): SilverColumns | undefined {
  try {
    return resolveSilverColumns(header);
  } catch {
    return undefined;
  }
}

/** Reads one committed silver table (the version its manifest names) into the sink, in batches of whole records; false when it is not a silver table. */
async function readSilverTable(
  env: SilverReadEnvironment,
  bucket: string,
  table: ManifestObject,
  order: SilverObjectOrder,
  sink: SilverRowSink,
  options: SilverReadOptions,
): Promise<boolean> {
  const silver = await openObject(env.s3, bucket, table.key, table.versionId);
  if (silver.eTag !== table.eTag) {
    // Only where reads cannot name a version (a store without versions): never count other bytes than the committed ones.
    silver.body.destroy();
    throw new Error(`silver table ${table.key} changed since its manifest was written (ETag ${silver.eTag}, manifest ${table.eTag}); silver's retry rewrites both`);
  }
  const batches = splitCsvStream(silver.body, { batchBytes: options.batchBytes });
  const first = await batches.next();
  const header = first.done ? undefined : readCsvBatchFields(first.value.bytes, { firstLine: 1 })[0];
  // Silver escapes header cells too (a name starting with a tab or `=`): match on the original names.
  const columns = header ? tryResolveColumns(header.map(unescapeSpreadsheetCell)) : undefined;
  if (!columns) {
    silver.body.destroy();
    env.logger.warn('silver object skipped: not a silver table', { bucket, key: table.key });
    return false;
  }
  const runner = customerKeysRunner(threadsFor(silver.contentLength, options, 1024 * 1024));
  let row = 0;
  for await (const keys of runInOrder(runner, batches, (batch) => ({ bytes: batch.bytes, firstLine: batch.firstLine, columns }))) {
    sink.addKeys(order, row, keys);
    row += keys.customerIds.length;
  }
  return true;
}

/**
 * Reads ALL committed silver: lists silver's manifests (`silver/_manifests/*.json`) page by page
 * and, for each `processed` one, streams the silver table at the version the manifest names
 * ({@link READ_CONCURRENCY} tables at a time), handing its rows to the sink a batch at a time with
 * the table's ingest order (its bronze event time and sequencer, as the manifest records them, then
 * its key). A table is cut into batches of whole records (`splitCsvBatches`) whose keys are read
 * on worker threads for tables of 1 MiB and more when threads are available
 * (`MEDALLION_WORKER_THREADS`), inline otherwise; the sink sees the same rows either way.
 * A silver object without a manifest (a failed invocation) or with a `rejected` one is never read.
 * Row contents never go to logs.
 *
 * @param env - S3 client and logger.
 * @param bucket - the lake bucket.
 * @param sink - takes every row, e.g. {@link LatestCustomerRecords}; tables arrive in no set order.
 * @param options - threads, the parallel threshold and the batch size.
 * @returns the tables read and how many were skipped.
 * @throws Error when a table's ETag is not the one its manifest names (a store without versions,
 *   the table rewritten since: a retry reads the new commit); Error for a manifest that is not a
 *   silver manifest; the SDK's errors after its retries.
 */
export async function readCommittedSilver(env: SilverReadEnvironment, bucket: string, sink: SilverRowSink, options: SilverReadOptions = {}): Promise<CommittedSilverRead> {
  const listing = listObjects(env.s3, bucket, SILVER_MANIFEST_PREFIX);
  const sources: SilverSource[] = [];
  let skippedObjects = 0;
  const worker = async (): Promise<void> => {
    for (let next = await listing.next(); !next.done; next = await listing.next()) {
      const manifestKey = next.value.key;
      if (!manifestKey.endsWith('.json')) continue;
      const manifest = asSilverManifest(await readJsonObject(env.s3, bucket, manifestKey));
      const table = manifest.outputs.silver;
      if (manifest.outcome !== 'processed' || !table) continue;
      const order = { eventTime: manifest.source.eventTime, sequencer: manifest.source.sequencer, key: table.key };
      if (await readSilverTable(env, bucket, table, order, sink, options)) sources.push({ ...table, manifestKey });
      else skippedObjects++;
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  sources.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { sources, skippedObjects };
}
