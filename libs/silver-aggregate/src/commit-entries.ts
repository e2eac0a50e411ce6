import type { S3Client } from '@aws-sdk/client-s3';
import { isObjectRemoved, type ObjectEvent } from '@medallion/s3-events';
import { headObject } from '@medallion/s3-io';
import type { CheckpointKeys } from './checkpoint-keys';
import { concurrently } from './concurrently';
import { writeIfNewer } from './write-if-newer';

/** How many small entry requests run at once. */
const ENTRY_CONCURRENCY = 16;

/** The user-metadata keys of a commit entry. */
const ENTRY_METADATA = { state: 'commit-state', manifestETag: 'manifest-etag' } as const;

/** What a checkpoint holds of one silver manifest key: that version of it, or no version (removed). */
export type CommitEntry = { readonly manifestKey: string; readonly state: 'live'; readonly manifestETag: string } | { readonly manifestKey: string; readonly state: 'removed' };

/**
 * Whether the checkpoint already covers an event, from the event's commit entry alone (one
 * HeadObject, whatever the size of the lake): a created manifest whose entry names its ETag, or a
 * removed one whose entry says removed. An entry is written after the checkpoint that made it true
 * and only over an entry of an older generation, so "covered" is never said of a change the
 * checkpoint misses; an entry that lags says "not covered", and the invocation then compares the
 * checkpoint with the listing.
 *
 * @param s3 - the S3 client.
 * @param bucket - the lake bucket.
 * @param keys - the layer's checkpoint keys.
 * @param event - a created or removed silver manifest.
 * @returns true when nothing needs to be merged for this event.
 */
export async function isCoveredByEntry(s3: S3Client, bucket: string, keys: CheckpointKeys, event: ObjectEvent): Promise<boolean> {
  const entry = await headObject(s3, bucket, keys.commitEntry(event.key));
  if (!entry) return false;
  if (isObjectRemoved(event)) return entry.metadata[ENTRY_METADATA.state] === 'removed';
  return entry.metadata[ENTRY_METADATA.state] === 'live' && event.eTag !== undefined && entry.metadata[ENTRY_METADATA.manifestETag] === event.eTag;
}

/**
 * Records, after a checkpoint of generation `generation` was written, what it holds of each changed
 * manifest key (see {@link isCoveredByEntry}): small objects whose metadata (and JSON body) say it.
 *
 * @param s3 - the S3 client.
 * @param bucket - the lake bucket.
 * @param keys - the layer's checkpoint keys.
 * @param entries - the manifest keys whose state the checkpoint changed (or confirmed).
 * @param generation - the checkpoint's generation.
 * @throws the SDK's errors.
 */
export async function writeCommitEntries(s3: S3Client, bucket: string, keys: CheckpointKeys, entries: readonly CommitEntry[], generation: number): Promise<void> {
  await concurrently(entries, ENTRY_CONCURRENCY, (entry) =>
    writeIfNewer(
      s3,
      {
        bucket,
        key: keys.commitEntry(entry.manifestKey),
        contentType: 'application/octet-stream',
        metadata: entry.state === 'live' ? { [ENTRY_METADATA.state]: 'live', [ENTRY_METADATA.manifestETag]: entry.manifestETag } : { [ENTRY_METADATA.state]: 'removed' },
      },
      // The same facts as the metadata, for a person who opens it (an empty body makes the SDK warn about streams).
      `${JSON.stringify({ ...entry, generation })}\n`,
      generation,
      { absentLikely: entry.state === 'live' },
    ),
  );
}
