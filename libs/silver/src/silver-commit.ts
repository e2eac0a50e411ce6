import type { LayerEnvironment } from '@medallion/layer-runtime';
import { compareSequencers, type ObjectEvent } from '@medallion/s3-events';
import { currentETag, deleteObject, isConditionFailed } from '@medallion/s3-io';
import type { SilverManifest } from '@medallion/schemas';
import type { SilverKeys } from './silver-keys';
import { readSilverManifest, readStoredSilverManifest, writeSilverManifest, type StoredSilverManifest } from './silver-manifest';
import { NO_ROWS, type SilverResult } from './silver-result';

// Silver's commit protocol under concurrency: events for one key may run at the same time on AWS.

/** The result of an event that was skipped as stale: nothing written. */
export function staleResult(object: ObjectEvent, reason: string, bronzeETag = object.eTag ?? ''): SilverResult {
  return { bronzeKey: object.key, encoding: 'utf-8', bronzeETag, rejected: undefined, rejectedBy: undefined, stale: reason, outputKeys: [], counts: NO_ROWS };
}

/**
 * Checks, while a large object's outputs are still uploading, that this event is still the latest
 * word on its key: the bronze object still exists with the ETag that was read, and no manifest of
 * a later event was committed meanwhile (silver runs events for one key concurrently on AWS), so
 * superseded work stops before its last parts. The two reads run at once.
 *
 * @returns why the work is superseded, or undefined when it may go on.
 */
export async function supersededSince(env: LayerEnvironment, object: ObjectEvent, bronzeETag: string, keys: SilverKeys): Promise<string | undefined> {
  const [changed, committed] = await Promise.all([bronzeChangedSince(env, object, bronzeETag), readSilverManifest(env, object.bucket, keys.manifest)]);
  return changed ?? (committed ? isLaterCommit(committed, object) : undefined);
}

/**
 * Checks, just before committing, that the bronze object still exists with the ETag that was read
 * (one HeadObject). A later event's commit in the meantime is caught by the manifest's conditional
 * write instead (see {@link commitSilverManifest}).
 *
 * @returns why the work is superseded, or undefined when it may commit.
 */
export async function bronzeChangedSince(env: LayerEnvironment, object: ObjectEvent, bronzeETag: string): Promise<string | undefined> {
  const eTag = await currentETag(env.s3, object.bucket, object.key);
  if (eTag === undefined) return 'the bronze object was deleted while it was being processed';
  if (eTag !== bronzeETag) return 'a newer version of the bronze object arrived while this one was being processed';
  return undefined;
}

/** Conditional writes of one manifest before the commit gives up (each lost to a commit of an older or the same event). */
const COMMIT_ATTEMPTS = 5;

/**
 * Writes silver's manifest, the commit, by a conditional write over the manifest that was read when
 * the event started (`If-Match` its ETag, or `If-None-Match: *` when there was none), so no commit
 * of a later event can be overwritten however the two interleave. When the condition fails, the
 * manifest is read again: one of a later event (by sequencer) supersedes this work; one of an older
 * event or of this same one (a duplicate delivery) is written over, conditionally again; none (a
 * removal ran meanwhile) is written over only if the bronze object is still the one read.
 *
 * @param env - S3 and logger.
 * @param object - the bronze event.
 * @param bronzeETag - the bronze ETag as read.
 * @param manifestKey - the manifest's key.
 * @param readETag - the ETag of the manifest read at the start; undefined when there was none.
 * @param outcome - what was written (see `writeSilverManifest`).
 * @returns the manifest written, or why the work is superseded.
 * @throws Error after {@link COMMIT_ATTEMPTS} lost writes; the SDK's errors.
 */
export async function commitSilverManifest(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  manifestKey: string,
  readETag: string | undefined,
  outcome: Parameters<typeof writeSilverManifest>[4],
): Promise<{ readonly written: StoredSilverManifest } | { readonly superseded: string }> {
  let expected = readETag;
  for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
    try {
      return { written: await writeSilverManifest(env, object, bronzeETag, manifestKey, outcome, expected === undefined ? { ifNoneMatch: '*' } : { ifMatch: expected }) };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const now = await readStoredSilverManifest(env, object.bucket, manifestKey);
    const later = now && isLaterCommit(now.manifest, object);
    if (later) return { superseded: later };
    if (!now) {
      const changed = await bronzeChangedSince(env, object, bronzeETag);
      if (changed) return { superseded: changed };
    }
    expected = now?.eTag;
  }
  throw new Error(`silver: the manifest ${manifestKey} changed under ${COMMIT_ATTEMPTS} conditional writes in a row`);
}

/** Why a committed manifest is of a later event than `object` (by sequencer), or undefined. */
function isLaterCommit(committed: SilverManifest, object: ObjectEvent): string | undefined {
  if (object.sequencer && committed.source.sequencer && compareSequencers(committed.source.sequencer, object.sequencer) > 0) {
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
 * After a superseded run wrote its outputs over (or deleted, as an earlier version's leftovers) the
 * objects a newer manifest names, puts the committed outputs back by processing the committed
 * event again: when any of the silver table, customer table, quarantine rows or rejection record
 * it names is not there with its ETag. On AWS, gold reads the committed version anyway; this keeps the current
 * objects right too.
 */
export async function restoreCommitted(
  env: LayerEnvironment,
  bucket: string,
  keys: SilverKeys,
  reprocess: (env: LayerEnvironment, object: ObjectEvent) => Promise<unknown>,
): Promise<void> {
  const committed = await readSilverManifest(env, bucket, keys.manifest);
  const outputs = committed ? [committed.outputs.silver, committed.outputs.customers, committed.outputs.quarantine, committed.outputs.rejection].filter((output) => output !== undefined) : [];
  if (!committed || outputs.length === 0) return;
  const current = await Promise.all(outputs.map(async (output) => (await currentETag(env.s3, bucket, output.key)) === output.eTag));
  if (current.every(Boolean)) return;
  const { key, eTag, eventTime, sequencer } = committed.source;
  env.logger.info('restoring the committed silver outputs', { bucket, key });
  await reprocess(env, { source: 's3-notification', eventName: 'ObjectCreated:Put', eventTime, bucket, key, size: undefined, eTag, sequencer });
}
