import { encodeCustomerTable } from '@medallion/customer-records';
import type { CsvObjectWriter } from '@medallion/layer-runtime';
import { putObject, uploadPartBytes, type StoredObject } from '@medallion/s3-io';
import { skipStale, supersededSince, takeBackUncommitted } from './silver-commit';
import type { SilverCounts, SilverResult } from './silver-result';
import type { OpenBronze } from './silver-read';
import type { BronzeObjectSummary } from './transform-bronze-object';
import { commitWork, type SilverAttempt } from './silver-work';

/** The media type of Parquet files (IANA, 2024). */
const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** The outputs of a transformed file before they are finished: its silver and quarantine writers, their S3 metadata, its customer rows. */
export interface Written {
  readonly silver: CsvObjectWriter;
  readonly quarantine: CsvObjectWriter;
  readonly metadata: Record<string, string>;
  readonly customers: BronzeObjectSummary['customers'];
}

/** The outputs finished: the silver table, the quarantine rows (undefined: none), the customer table. */
interface FinishedOutputs {
  readonly silver: StoredObject | undefined;
  readonly quarantine: StoredObject | undefined;
  readonly customers: StoredObject;
}

/**
 * Why the work is superseded, checked before the outputs become visible when parts of them are
 * already uploaded (a large object: a small one is written only at finish, right before the commit).
 *
 * @returns the reason, or undefined when the work may go on (always for a small object).
 */
async function supersededWhileUploading(attempt: SilverAttempt, bronze: OpenBronze): Promise<string | undefined> {
  const { env, object, work } = attempt;
  return bronze.contentLength * 1.1 >= uploadPartBytes()
    ? await supersededSince(env, object, bronze.eTag, work.keys)
    : undefined;
}

/**
 * The write step: finishes the silver and quarantine uploads, then writes the customer table; each
 * object stored is added to `written` at once (so that a failure takes it back).
 *
 * @throws the SDK's errors.
 */
async function finishOutputs(
  { env, object, work }: SilverAttempt,
  bronze: OpenBronze,
  outputs: Written,
  written: StoredObject[],
): Promise<FinishedOutputs> {
  const { keys } = work;
  const silver = await outputs.silver.finish();
  if (silver) written.push(silver);
  const quarantine = await outputs.quarantine.finish();
  if (quarantine) written.push(quarantine);
  const facts = {
    bronzeKey: object.key,
    bronzeETag: bronze.eTag,
    eventTime: object.eventTime,
    sequencer: object.sequencer ?? '',
    silverKey: keys.silver,
  };
  const customers = await putObject(
    env.s3,
    { bucket: object.bucket, key: keys.customers, contentType: PARQUET_CONTENT_TYPE, metadata: outputs.metadata },
    encodeCustomerTable(outputs.customers, facts),
  );
  written.push(customers);
  return { silver, customers, quarantine };
}

/**
 * The write and commit steps of a transformed file: checks once more that the work is not
 * superseded (large objects only, while parts are uploaded), finishes the outputs, then commits
 * (see `commitWork`).
 *
 * @returns the processed result; or the result of an event that did not commit (stale, processed again).
 * @throws the SDK's errors, after aborting the uploads and taking back what was written.
 */
export async function writeAndCommit(
  attempt: SilverAttempt,
  bronze: OpenBronze,
  counts: SilverCounts,
  outputs: Written,
): Promise<SilverResult> {
  const { env, object, work, encoding } = attempt;
  const { keys } = work;
  const abortUploads = () => Promise.all([outputs.silver.abort(), outputs.quarantine.abort()]);
  const written: StoredObject[] = [];
  let finished: FinishedOutputs;
  try {
    const superseded = await supersededWhileUploading(attempt, bronze);
    if (superseded) {
      await abortUploads();
      return skipStale(env, object, superseded, bronze.eTag);
    }
    finished = await finishOutputs(attempt, bronze, outputs, written);
    const committed = await commitWork(env, object, bronze.eTag, work, { encoding, counts, ...finished }, written);
    if (committed !== 'committed') return committed;
  } catch (error) {
    // No commit record: take uncommitted outputs back (best effort; gold never reads them anyway).
    await abortUploads();
    await takeBackUncommitted(env, object, keys, written);
    throw error;
  }
  const quarantineKeys = finished.quarantine !== undefined ? [keys.quarantine] : [];
  const outputKeys = [keys.silver, keys.customers, ...quarantineKeys, keys.manifest];
  env.logger.info('object processed', {
    bucket: object.bucket,
    key: object.key,
    encoding,
    outputKeys,
    ...loggedCountsOf(counts),
  });
  return { kind: 'processed', bronzeKey: object.key, encoding, bronzeETag: bronze.eTag, outputKeys, counts };
}

/**
 * A file's counts as the log gets them: unknown country and status values are cell text, so the
 * log gets how many there are (`unknownCountryValues`, `unknownStatusValues`), the manifest the values.
 *
 * @param counts - the file's counts.
 * @returns them without the values, with their numbers.
 */
function loggedCountsOf(counts: SilverCounts): Record<string, unknown> {
  const { unknownCountries, unknownStatuses, ...logged } = counts;
  return {
    ...logged,
    unknownCountryValues: Object.keys(unknownCountries ?? {}).length,
    unknownStatusValues: Object.keys(unknownStatuses ?? {}).length,
  };
}
