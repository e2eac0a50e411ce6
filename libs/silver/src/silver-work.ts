import type { TextEncoding } from '@medallion/csv-io';
import type { LayerEnvironment } from '@medallion/layer-runtime';
import type { ObjectEvent } from '@medallion/s3-events';
import {
  BRONZE_STATE_REASONS,
  bronzeStateSince,
  commitSilverManifest,
  removeReplacedOutputs,
  restoreCommitted,
  skipStale,
  takeBackUncommitted,
  undoCommit,
  type OutputObject,
} from './silver-commit';
import type { SilverOutcome, StoredSilverManifest } from './silver-manifest';
import type { SilverKeys } from './silver-keys';
import type { SilverResult } from './silver-result';

/**
 * Processes an event again from the start (the layer's `processObject`).
 *
 * @returns what silver did with the event then.
 */
export type ProcessAgain = (env: LayerEnvironment, object: ObjectEvent) => Promise<SilverResult>;

/** What one event's work on a bronze object starts from: its keys, and the manifest committed for it then (undefined: none), which the commit's conditional write names. */
export interface SilverWork {
  readonly keys: SilverKeys;
  readonly read: StoredSilverManifest | undefined;
  /** How the event is processed again: after a commit that lost to outputs rewritten meanwhile, and to restore outputs this work overwrote. */
  readonly processAgain: ProcessAgain;
}

/** One attempt at an event's bronze object: the event, what its work starts from, and the encoding read. */
export interface SilverAttempt {
  readonly env: LayerEnvironment;
  readonly object: ObjectEvent;
  readonly work: SilverWork;
  readonly encoding: TextEncoding;
}

/**
 * Ends superseded work: takes back what this event wrote that no manifest names, puts back the
 * committed outputs if this work overwrote them, and says the event was stale.
 */
async function supersede(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  work: SilverWork,
  written: readonly OutputObject[],
  reason: string,
): Promise<SilverResult> {
  await takeBackUncommitted(env, object, work.keys, written);
  await restoreCommitted(env, object.bucket, work.keys, work.processAgain);
  return skipStale(env, object, reason, bronzeETag);
}

/**
 * The commit step: commits what an event wrote (see `commitSilverManifest`), then checks the
 * bronze object once more: one deleted while the commit was made is taken back (its removal may
 * have run before this manifest existed); then removes what the replaced manifest named at keys
 * not written now.
 *
 * @param outcome - what the manifest records.
 * @param written - the objects this event wrote (taken back when it does not commit).
 * @returns `committed`, or the result of an event that did not commit (stale, or processed again).
 * @throws the SDK's errors.
 */
export async function commitWork(
  env: LayerEnvironment,
  object: ObjectEvent,
  bronzeETag: string,
  work: SilverWork,
  outcome: SilverOutcome,
  written: readonly OutputObject[],
): Promise<'committed' | SilverResult> {
  const commit = await commitSilverManifest(env, object, bronzeETag, work.keys.manifest, work.read, outcome, written);
  if (commit.kind === 'superseded') return supersede(env, object, bronzeETag, work, written, commit.reason);
  if (commit.kind === 'redo') {
    env.logger.info('outputs rewritten or removed by another event while committing: processing the event again', {
      bucket: object.bucket,
      key: object.key,
    });
    await takeBackUncommitted(env, object, work.keys, written);
    return work.processAgain(env, object);
  }
  const manifest = { key: work.keys.manifest, eTag: commit.written.eTag };
  if ((await bronzeStateSince(env, object, bronzeETag)) === 'deleted') {
    await undoCommit(env, object.bucket, manifest, commit.written.manifest, written);
    return skipStale(env, object, BRONZE_STATE_REASONS.deleted, bronzeETag);
  }
  await removeReplacedOutputs(env, object.bucket, manifest, commit.written.manifest);
  return 'committed';
}
