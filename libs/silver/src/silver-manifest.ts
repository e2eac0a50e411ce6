import { codeVersion, type LayerEnvironment } from '@medallion/layer-runtime';
import { compareSequencers, type ObjectEvent } from '@medallion/s3-events';
import { putObject, readObjectBytes, type StoredObject, type WriteCondition } from '@medallion/s3-io';
import { asSilverManifest, manifestObjectOf, type ManifestObject, type SilverManifest } from '@medallion/schemas';
import type { Rejection } from './silver-rejection';
import type { SilverCounts } from './silver-result';

/** How a bronze event compares with what silver already committed for its key. */
export type EventFreshness = { readonly fresh: true } | { readonly fresh: false; readonly reason: string };

/**
 * Decides whether an event is stale: older (by S3 sequencer, else event time) than the event the
 * existing manifest was written for. The same event again is fresh, and gives the same outputs.
 *
 * @param event - the bronze event.
 * @param manifest - the manifest silver holds for the key, if any.
 * @returns fresh, or stale with the reason.
 */
export function eventFreshness(event: ObjectEvent, manifest: SilverManifest | undefined): EventFreshness {
  if (!manifest) return { fresh: true };
  const committed = manifest.source;
  const older =
    event.sequencer && committed.sequencer
      ? compareSequencers(event.sequencer, committed.sequencer) < 0
      : Date.parse(event.eventTime) < Date.parse(committed.eventTime);
  return older
    ? { fresh: false, reason: `an event newer than this one (sequencer ${committed.sequencer}) is already in silver` }
    : { fresh: true };
}

/**
 * Reads the manifest silver holds for a bronze key.
 *
 * @returns the manifest, or undefined when there is none.
 * @throws Error for an object there that is not a silver manifest; the SDK's errors.
 */
export async function readSilverManifest(
  env: LayerEnvironment,
  bucket: string,
  key: string,
): Promise<SilverManifest | undefined> {
  return (await readStoredSilverManifest(env, bucket, key))?.manifest;
}

/** A silver manifest as stored: its content and the ETag a conditional write over it names. */
export interface StoredSilverManifest {
  readonly manifest: SilverManifest;
  /** Without quotes. */
  readonly eTag: string;
}

/**
 * Reads the manifest silver holds for a bronze key, with its ETag (for the conditional write that
 * commits over it).
 *
 * @returns the manifest and its ETag, or undefined when there is none.
 * @throws Error for an object there that is not a silver manifest (or not JSON); the SDK's errors.
 */
export async function readStoredSilverManifest(
  env: LayerEnvironment,
  bucket: string,
  key: string,
): Promise<StoredSilverManifest | undefined> {
  const stored = await readObjectBytes(env.s3, bucket, key);
  if (!stored) return undefined;
  return { manifest: asSilverManifest(JSON.parse(Buffer.from(stored.bytes).toString('utf8'))), eTag: stored.eTag };
}

/** What a silver manifest records of one bronze object's processing: encoding, counts, outputs, or a rejection. */
export interface SilverOutcome {
  readonly encoding: string;
  readonly counts: SilverCounts;
  readonly rejection?: Rejection;
  readonly silver?: StoredObject;
  readonly customers?: StoredObject;
  readonly quarantine?: StoredObject;
  readonly rejectionRecord?: StoredObject;
  /** See `SilverManifest.replacedOutputs`. */
  readonly replacedOutputs?: readonly ManifestObject[];
}

/** The outputs a manifest names: those the outcome holds, in the manifest's order. */
function manifestOutputsOf(outcome: SilverOutcome): SilverManifest['outputs'] {
  return {
    ...(outcome.silver ? { silver: manifestObjectOf(outcome.silver) } : {}),
    ...(outcome.customers ? { customers: manifestObjectOf(outcome.customers) } : {}),
    ...(outcome.quarantine ? { quarantine: manifestObjectOf(outcome.quarantine) } : {}),
    ...(outcome.rejectionRecord ? { rejection: manifestObjectOf(outcome.rejectionRecord) } : {}),
  };
}

/** The manifest of one bronze object's processing (its fields in the order they are written). */
function silverManifestOf(event: ObjectEvent, bronzeETag: string, outcome: SilverOutcome): SilverManifest {
  return {
    layer: 'silver',
    codeVersion: codeVersion(),
    source: { key: event.key, eTag: bronzeETag, eventTime: event.eventTime, sequencer: event.sequencer ?? '' },
    encoding: outcome.encoding,
    outcome: outcome.rejection ? 'rejected' : 'processed',
    ...(outcome.rejection ? { rejection: { rule: outcome.rejection.rule, reason: outcome.rejection.reason } } : {}),
    counts: outcome.counts,
    outputs: manifestOutputsOf(outcome),
    ...(outcome.replacedOutputs && outcome.replacedOutputs.length > 0
      ? { replacedOutputs: outcome.replacedOutputs }
      : {}),
  };
}

/**
 * Writes silver's commit record for one bronze object, last, after every output it names.
 *
 * @param env - S3 and logger.
 * @param event - the bronze event processed.
 * @param bronzeETag - the bronze ETag as read.
 * @param key - the manifest key.
 * @param outcome - what was written: counts and outputs, or a rejection.
 * @param condition - write only if the key holds no manifest, or the manifest of this ETag (S3
 *   conditional writes); unset, unconditionally.
 * @returns the manifest written, and its ETag (without quotes).
 * @throws the SDK's errors; a failed condition as an error that `isConditionFailed` recognizes.
 */
export async function writeSilverManifest(
  env: LayerEnvironment,
  event: ObjectEvent,
  bronzeETag: string,
  key: string,
  outcome: SilverOutcome,
  condition?: WriteCondition,
): Promise<StoredSilverManifest> {
  const manifest = silverManifestOf(event, bronzeETag, outcome);
  const written = await putObject(
    env.s3,
    { bucket: event.bucket, key, contentType: 'application/json' },
    `${JSON.stringify(manifest, null, 2)}\n`,
    condition,
  );
  return { manifest, eTag: written.eTag };
}
