import type { LayerEnvironment } from '@medallion/layer-runtime';
import { compareSequencers, type ObjectEvent } from '@medallion/s3-events';
import { currentETag, deleteObject } from '@medallion/s3-io';
import type { SilverManifest } from '@medallion/schemas';
import type { SilverKeys } from './silver-keys';
import { readSilverManifest } from './silver-manifest';
import { NO_ROWS, type SilverResult } from './silver-result';

// Silver's commit protocol under concurrency: events for one key may run at the same time on AWS.

/** The result of an event that was skipped as stale: nothing written. */
export function staleResult(object: ObjectEvent, reason: string, bronzeETag = object.eTag ?? ''): SilverResult {
  return { bronzeKey: object.key, encoding: 'utf-8', bronzeETag, rejected: undefined, rejectedBy: undefined, stale: reason, outputKeys: [], counts: NO_ROWS };
}

/**
 * Checks, just before committing, that this event is still the latest word on its key: the bronze
 * object still exists with the ETag that was read, and no manifest of a later event was committed
 * meanwhile (silver runs events for one key concurrently on AWS). The two reads run at once.
 *
 * @returns why the work is superseded, or undefined when it may commit.
 */
export async function supersededSince(env: LayerEnvironment, object: ObjectEvent, bronzeETag: string, keys: SilverKeys): Promise<string | undefined> {
  const [eTag, committed] = await Promise.all([currentETag(env.s3, object.bucket, object.key), readSilverManifest(env, object.bucket, keys.manifest)]);
  if (eTag === undefined) return 'the bronze object was deleted while it was being processed';
  if (eTag !== bronzeETag) return 'a newer version of the bronze object arrived while this one was being processed';
  if (committed && object.sequencer && committed.source.sequencer && compareSequencers(committed.source.sequencer, object.sequencer) > 0) {
    return `a newer event (sequencer ${committed.source.sequencer}) was committed while this one was being processed`;
  }
  return undefined;
}

/**
 * Takes back outputs that will not be committed, but only where no manifest names the key: under a
 * committed manifest the key belongs to that commit (on AWS it is read by version, so it stays right).
 */
export async function takeBackUncommitted(env: LayerEnvironment, object: ObjectEvent, keys: SilverKeys): Promise<void> {
  const committed = await readSilverManifest(env, object.bucket, keys.manifest).catch(() => undefined as SilverManifest | undefined);
  if (committed) return;
  await Promise.allSettled([keys.silver, keys.customers, keys.quarantine].map((key) => deleteObject(env.s3, object.bucket, key)));
}

/**
 * After a superseded run wrote its outputs over a key that a newer manifest commits (possible only
 * between the last check and the write), puts the committed outputs back by processing the
 * committed event again. On AWS, gold reads the committed version anyway; this keeps the current
 * objects right too.
 */
export async function restoreCommitted(
  env: LayerEnvironment,
  bucket: string,
  keys: SilverKeys,
  reprocess: (env: LayerEnvironment, object: ObjectEvent) => Promise<unknown>,
): Promise<void> {
  const committed = await readSilverManifest(env, bucket, keys.manifest);
  const tables = [committed?.outputs.silver, committed?.outputs.customers].filter((table) => table !== undefined);
  if (!committed || tables.length === 0) return;
  const current = await Promise.all(tables.map(async (table) => (await currentETag(env.s3, bucket, table.key)) === table.eTag));
  if (current.every(Boolean)) return;
  const { key, eTag, eventTime, sequencer } = committed.source;
  env.logger.info('restoring the committed silver outputs', { bucket, key });
  await reprocess(env, { source: 's3-notification', eventName: 'ObjectCreated:Put', eventTime, bucket, key, size: undefined, eTag, sequencer });
}
