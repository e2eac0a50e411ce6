import type { S3Client } from '@aws-sdk/client-s3';
import { readObjectBytes, type ObjectBytes } from '@medallion/s3-io';

/** The most bytes of small objects a process keeps (see {@link readImmutable}): 32 MiB. */
export const IMMUTABLE_CACHE_BYTES = 32 * 2 ** 20;

/** Objects larger than this are read each time, never kept: 1 MiB. */
const LARGEST_KEPT_BYTES = 2 ** 20;

interface Entry {
  readonly read: Promise<ObjectBytes | undefined>;
  bytes: number;
}

/** Least recently used first (a Map keeps insertion order; a hit moves the entry to the end). */
const entries = new Map<string, Entry>();
let keptBytes = 0;

function forget(id: string): void {
  const entry = entries.get(id);
  if (!entry) return;
  entries.delete(id);
  keptBytes -= entry.bytes;
}

/**
 * Reads one version of an object that never changes under that name: a silver manifest by the
 * ETag its listing gave, a customer table by the version (or ETag) its manifest names. Such reads
 * are shared by every invocation of the process (a warm Lambda environment, and the local runner
 * where gold and platinum run side by side, the second reading what the first just read), and
 * concurrent reads of one version become one GetObject. Small objects (up to 1 MiB) are kept, up to
 * {@link IMMUTABLE_CACHE_BYTES} in all, least recently used evicted first. A read whose ETag is not
 * the one asked for (the object changed between the listing and the read) is returned but not kept.
 *
 * @param s3 - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @param expected - the ETag the caller knows the object by (without quotes), and the version to read if the store has versions.
 * @returns the object as read, or undefined when it (or that version) does not exist.
 * @throws the SDK's errors after its retries (and the failed read is not kept).
 */
export function readImmutable(
  s3: S3Client,
  bucket: string,
  key: string,
  expected: { readonly eTag: string; readonly versionId?: string },
): Promise<ObjectBytes | undefined> {
  const id = `${bucket}\u0000${key}\u0000${expected.versionId ?? ''}\u0000${expected.eTag}`;
  const held = entries.get(id);
  if (held) {
    entries.delete(id);
    entries.set(id, held);
    return held.read;
  }
  const entry: Entry = { read: readObjectBytes(s3, bucket, key, expected.versionId), bytes: 0 };
  entries.set(id, entry);
  entry.read.then(
    (object) => {
      if (entries.get(id) !== entry) return;
      if (!object || object.eTag !== expected.eTag || object.bytes.byteLength > LARGEST_KEPT_BYTES) return forget(id);
      entry.bytes = object.bytes.byteLength;
      keptBytes += entry.bytes;
      for (const [oldest] of entries) {
        if (keptBytes <= IMMUTABLE_CACHE_BYTES) break;
        forget(oldest);
      }
    },
    () => forget(id),
  );
  return entry.read;
}

/**
 * Reads the object a manifest, checkpoint or segment reference names, through {@link readImmutable}:
 * by its version where the store has versions, else by key with its ETag checked.
 *
 * @param ref - the object's key, ETag and version (if any).
 * @returns the object, or undefined when it is gone or (without a version) was rewritten since.
 * @throws the SDK's errors after its retries.
 */
export async function readNamedObject(
  s3: S3Client,
  bucket: string,
  ref: { readonly key: string; readonly eTag: string; readonly versionId?: string },
): Promise<ObjectBytes | undefined> {
  const object = await readImmutable(s3, bucket, ref.key, {
    eTag: ref.eTag,
    ...(ref.versionId ? { versionId: ref.versionId } : {}),
  });
  return !object || (!ref.versionId && object.eTag !== ref.eTag) ? undefined : object;
}

/** Forgets every object kept by {@link readImmutable} (tests that count or fault reads start from nothing). */
export function forgetImmutableReads(): void {
  entries.clear();
  keptBytes = 0;
}
