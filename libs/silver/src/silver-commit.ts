import type { LayerEnvironment } from '@medallion/layer-runtime';
import { compareSequencers, type ObjectEvent } from '@medallion/s3-events';
import { currentETag, deleteObjectIfMatch, isConditionFailed } from '@medallion/s3-io';
import type { ManifestObject, SilverManifest } from '@medallion/schemas';
import type { SilverKeys } from './silver-keys';
import {
  readSilverManifest,
  readStoredSilverManifest,
  writeSilverManifest,
  type SilverOutcome,
  type StoredSilverManifest,
} from './silver-manifest';
import type { SilverStale } from './silver-result';
import { ContendedManifestError } from './errors';

// Silver's commit protocol under concurrency: events for one key may run at the same time on AWS.
// Every write of the manifest is conditional on the manifest it replaces, and every delete is
// conditional on the ETag of what it removes, so no event ever deletes or replaces what another
// event committed or is writing.

/** An object an event wrote or a manifest names: its key and ETag (without quotes). */
export type OutputObject = Pick<ManifestObject, 'key' | 'eTag'>;

/**
 * Skips an event as stale: logs why (the key and the reason, never row contents) and returns the
 * result that says so, with nothing written.
 *
 * @param bronzeETag - the bronze ETag as read, when it was read. @default the event's
 * @param logMessage - the log line's message. @default 'stale event skipped' ('stale deletion skipped' for a removal)
 * @returns the `stale` result with the reason.
 */
export function skipStale(
  env: LayerEnvironment,
  object: ObjectEvent,
  reason: string,
  bronzeETag = object.eTag ?? '',
  logMessage = 'stale event skipped',
): SilverStale {
  env.logger.info(logMessage, { bucket: object.bucket, key: object.key, reason });
  return { kind: 'stale', bronzeKey: object.key, bronzeETag, reason };
}

/** How the bronze object stands now against the version an event read. */
export type BronzeState = 'same' | 'deleted' | 'replaced';

/** Why work on a bronze object that is no longer `same` does not stand. */
export const BRONZE_STATE_REASONS: Readonly<Record<Exclude<BronzeState, 'same'>, string>> = {
  deleted: 'the bronze object was deleted while it was being processed',
  replaced: 'a newer version of the bronze object arrived while this one was being processed',
};

/**
 * Whether the bronze object still exists with the ETag that was read (one HeadObject).
 *
 * @returns `same`, `deleted` or `replaced`.
 */
export async function bronzeStateSince(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
): Promise<BronzeState> {
  const eTag = await currentETag(env.s3, object.bucket, object.key);
  return eTag === undefined ? 'deleted' : eTag === bronzeETag ? 'same' : 'replaced';
}

/** Why a committed manifest is of a later event than `object` (by sequencer), or undefined. */
function laterCommit(committed: SilverManifest, object: ObjectEvent): string | undefined {
  if (
    object.sequencer &&
    committed.source.sequencer &&
    compareSequencers(committed.source.sequencer, object.sequencer) > 0
  ) {
    return `a newer event (sequencer ${committed.source.sequencer}) was committed while this one was being processed`;
  }
  return undefined;
}

/**
 * Checks, while a large object's outputs are still uploading, that this event is still the latest
 * word on its key: the bronze object still exists with the ETag that was read, and no manifest of
 * a later event was committed meanwhile, so superseded work stops before its last parts. The two
 * reads run at once.
 *
 * @returns why the work is superseded, or undefined when it may go on.
 */
export async function supersededSince(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  keys: SilverKeys,
): Promise<string | undefined> {
  const [state, committed] = await Promise.all([
    bronzeStateSince(env, object, bronzeETag),
    readSilverManifest(env, object.bucket, keys.manifest),
  ]);
  return state !== 'same' ? BRONZE_STATE_REASONS[state] : committed ? laterCommit(committed, object) : undefined;
}

/** The objects a manifest names: silver table, customer table, quarantine rows, rejection record. */
export function outputsOf(manifest: SilverManifest): ManifestObject[] {
  const { silver, customers, quarantine, rejection } = manifest.outputs;
  return [silver, customers, quarantine, rejection].filter((output) => output !== undefined);
}

/**
 * Deletes each object that still has the ETag given (conditional deletes, at once); an object
 * replaced or removed since is left alone.
 */
export async function deleteUnchanged(
  env: LayerEnvironment,
  bucket: string,
  objects: readonly OutputObject[],
): Promise<void> {
  await Promise.all(objects.map((object) => deleteObjectIfMatch(env.s3, bucket, object.key, object.eTag)));
}

/** An output's identity for set look-ups: its key and ETag. */
const outputId = (output: OutputObject): string => `${output.key}\n${output.eTag}`;

/** Whether every object this event wrote is still the current object of its key (HeadObjects at once). */
export async function stillCurrent(
  env: LayerEnvironment,
  bucket: string,
  written: readonly OutputObject[],
): Promise<boolean> {
  const current = await Promise.all(
    written.map(async (object) => (await currentETag(env.s3, bucket, object.key)) === object.eTag),
  );
  return current.every(Boolean);
}

/** Conditional writes of one manifest before the commit gives up (each lost to a commit of an older or the same event). */
const COMMIT_ATTEMPTS = 5;

/** How a commit ended: written, superseded by a later event, or to be redone. */
export type CommitOutcome =
  | { readonly kind: 'committed'; readonly written: StoredSilverManifest }
  | { readonly kind: 'superseded'; readonly reason: string }
  /** Another event rewrote or removed some of this event's outputs meanwhile: the event must be processed again. */
  | { readonly kind: 'redo' };

/**
 * Writes silver's manifest, the commit, by a conditional write over the manifest that was read when
 * the event started (`If-Match` its ETag, or `If-None-Match: *` when there was none), so no commit
 * of a later event can be overwritten however the two interleave. When the condition fails, the
 * manifest is read again: one of a later event (by sequencer) supersedes this work; otherwise (an
 * older event's, this same event's delivered twice, or none after a removal) it is written over,
 * conditionally again, but only while every output this event wrote is still in place: when
 * another event rewrote one meanwhile, the event is to be redone. So too after a write over a
 * manifest that still had to remove objects with the same key and ETag as some this event wrote (a
 * version with an earlier version's bytes), when its clean-up did remove one.
 *
 * @param env - S3 and logger.
 * @param object - the bronze event.
 * @param bronzeETag - the bronze ETag as read.
 * @param manifestKey - the manifest's key.
 * @param read - the manifest read at the start (with its ETag); undefined when there was none.
 * @param outcome - what was written (see `writeSilverManifest`).
 * @param written - the outputs this event wrote, which the manifest names.
 * @returns how the commit ended.
 * @throws Error after {@link COMMIT_ATTEMPTS} lost writes; the SDK's errors.
 */
export async function commitSilverManifest(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  manifestKey: string,
  read: StoredSilverManifest | undefined,
  outcome: SilverOutcome,
  written: readonly OutputObject[],
): Promise<CommitOutcome> {
  let expected = read;
  for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
    try {
      const replacedOutputs = replacedOutputsOf(expected?.manifest, object, bronzeETag, written);
      const stored = await writeSilverManifest(
        env,
        object,
        bronzeETag,
        manifestKey,
        { ...outcome, replacedOutputs },
        expected === undefined ? { ifNoneMatch: '*' } : { ifMatch: expected.eTag },
      );
      const pending = new Set((expected?.manifest.replacedOutputs ?? []).map(outputId));
      const exposed = written.some((output) => pending.has(outputId(output)));
      return exposed && !(await stillCurrent(env, object.bucket, written))
        ? { kind: 'redo' }
        : { kind: 'committed', written: stored };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const now = await readStoredSilverManifest(env, object.bucket, manifestKey);
    const later = now && laterCommit(now.manifest, object);
    if (later) return { kind: 'superseded', reason: later };
    if (!(await stillCurrent(env, object.bucket, written))) return { kind: 'redo' };
    expected = now;
  }
  throw new ContendedManifestError(manifestKey, COMMIT_ATTEMPTS, 'conditional writes');
}

/**
 * What a new manifest records as replaced (see `SilverManifest.replacedOutputs`): what the manifest
 * it replaces named, and what that one recorded as replaced and may not have removed yet, at keys
 * this event does not write. Over a manifest of this same event (a retry, a second delivery) only
 * the latter carries on, so the record is the same each time.
 */
function replacedOutputsOf(
  replaced: SilverManifest | undefined,
  object: ObjectEvent,
  bronzeETag: string,
  written: readonly OutputObject[],
): ManifestObject[] {
  if (!replaced) return [];
  const sameEvent =
    replaced.source.eTag === bronzeETag &&
    replaced.source.sequencer === (object.sequencer ?? '') &&
    replaced.source.eventTime === object.eventTime;
  const writtenKeys = new Set(written.map((output) => output.key));
  const candidates = [...(replaced.replacedOutputs ?? []), ...(sameEvent ? [] : outputsOf(replaced))];
  const seen = new Set<string>();
  return candidates.filter((output) => {
    const id = outputId(output);
    if (writtenKeys.has(output.key) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * After a commit, removes what it records as replaced (an earlier version's quarantine rows or
 * rejection record, its silver and customer tables when this one is rejected), each only while it
 * still has the ETag recorded.
 */
export async function removeReplacedOutputs(
  env: LayerEnvironment,
  bucket: string,
  manifest: OutputObject,
  committed: SilverManifest,
): Promise<void> {
  const leftovers = committed.replacedOutputs ?? [];
  if (leftovers.length === 0) return;
  // Only while this commit is still the current one: a later commit's outputs may have the same
  // bytes (so the same ETags) as the replaced ones, and it cleans up after this commit itself.
  if ((await currentETag(env.s3, bucket, manifest.key)) !== manifest.eTag) return;
  await deleteUnchanged(env, bucket, leftovers);
}

/**
 * Takes back the outputs of work that will not be committed: each object this event wrote, unless
 * the committed manifest names it with the same ETag (the same bytes, committed by another delivery),
 * and only while it still has the ETag this event wrote (a newer event's object is never touched).
 */
export async function takeBackUncommitted(
  env: LayerEnvironment,
  object: ObjectEvent,
  keys: SilverKeys,
  written: readonly OutputObject[],
): Promise<void> {
  if (written.length === 0) return;
  let committed: SilverManifest | undefined;
  try {
    committed = await readSilverManifest(env, object.bucket, keys.manifest);
  } catch {
    // Unknown what is committed: take nothing back (a retry of the event rewrites its outputs anyway).
    return;
  }
  const named = new Set((committed ? outputsOf(committed) : []).map(outputId));
  await deleteUnchanged(
    env,
    object.bucket,
    written.filter((output) => !named.has(outputId(output))),
  ).catch(() => undefined);
}

/**
 * After a superseded run wrote its outputs over (or took back) the objects a newer manifest names,
 * puts the committed outputs back by processing the committed event again: when any of the silver
 * table, customer table, quarantine rows or rejection record it names is not there with its ETag.
 */
export async function restoreCommitted(
  env: LayerEnvironment,
  bucket: string,
  keys: SilverKeys,
  reprocess: (env: LayerEnvironment, object: ObjectEvent) => Promise<unknown>,
): Promise<void> {
  const committed = await readSilverManifest(env, bucket, keys.manifest);
  const outputs = committed ? outputsOf(committed) : [];
  if (!committed || outputs.length === 0 || (await stillCurrent(env, bucket, outputs))) return;
  const { key, eTag, eventTime, sequencer } = committed.source;
  env.logger.info('restoring the committed silver outputs', { bucket, key });
  await reprocess(env, {
    source: 's3-notification',
    eventName: 'ObjectCreated:Put',
    eventTime,
    bucket,
    key,
    size: undefined,
    eTag,
    sequencer,
  });
}

/**
 * Takes back a commit whose bronze object was deleted while it was made (the removal may have run
 * before this manifest existed, or between the commit and its clean-up): its manifest, then its
 * outputs and what the manifest it replaced named, each only while it has the ETag known. When the
 * manifest is no longer this commit's and another manifest stands (a later version), nothing is
 * touched.
 */
export async function undoCommit(
  env: LayerEnvironment,
  bucket: string,
  manifest: OutputObject,
  committed: SilverManifest,
  written: readonly OutputObject[],
): Promise<void> {
  if (
    !(await deleteObjectIfMatch(env.s3, bucket, manifest.key, manifest.eTag)) &&
    (await currentETag(env.s3, bucket, manifest.key)) !== undefined
  )
    return;
  await deleteUnchanged(env, bucket, [...written, ...(committed.replacedOutputs ?? [])]);
}
