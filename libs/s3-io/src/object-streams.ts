import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { DeleteFailedError, MissingBodyError } from './errors';

/** An S3 object opened for reading. */
export interface OpenedObject {
  /** The object's bytes, streamed. */
  readonly body: Readable;
  /** The object's ETag, without quotes. */
  readonly eTag: string;
  /** Size in bytes. */
  readonly contentLength: number;
}

/** A stored object version, as a write returns it. */
export interface StoredObject {
  readonly key: string;
  /** ETag without quotes. */
  readonly eTag: string;
  /** The version S3 gave the object; undefined when the bucket is not versioned (or the store has no versions). */
  readonly versionId: string | undefined;
}

/** Removes the quotes S3 puts around ETags. */
export function unquoteETag(eTag: string | undefined): string {
  return (eTag ?? '').replace(/^"|"$/g, '');
}

/**
 * Opens an object for streaming (GetObject).
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key, decoded (as stored).
 * @param versionId - a specific version to read; by default the current one.
 * @returns the body stream and the object's ETag and size (bytes).
 * @throws S3ServiceException (e.g. `NoSuchKey`) from the SDK; MissingBodyError when the response has no stream.
 */
export async function openObject(
  client: S3Client,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<OpenedObject> {
  const response = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
  );
  if (!(response.Body instanceof Readable)) throw new MissingBodyError(`s3://${bucket}/${key}`, 'no Node.js stream');
  return {
    body: response.Body,
    eTag: unquoteETag(response.ETag),
    contentLength: response.ContentLength ?? 0,
  };
}

/** What to write with {@link uploadStream} or {@link putObject}. */
export interface ObjectWrite {
  readonly bucket: string;
  readonly key: string;
  /** MIME type, e.g. `text/csv; charset=utf-8`. */
  readonly contentType: string;
  /** User metadata, stored as `x-amz-meta-*`. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** Streamed uploads: about how many bytes the body will hold, to size the parts (see {@link uploadPartBytes}). */
  readonly expectedBytes?: number;
}

/** S3's smallest multipart part (bytes), and medallion's usual one. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
/** Parts uploaded at once: an upload holds about three parts (the one being filled and two in flight). */
const UPLOAD_QUEUE_SIZE = 2;

/**
 * The multipart part size for a body of about `expectedBytes`: S3's minimum, 5 MiB (objects up to
 * 48.8 GiB in S3's 10,000 parts), or for larger bodies the size that fits them in 9,000 parts, with
 * room for the estimate to be 10% short.
 *
 * @param expectedBytes - the body's expected size in bytes; unknown: 5 MiB.
 * @returns the part size in bytes, e.g. 5,242,880 for 1 GB, 12,222,222 for 100 GB.
 */
export function uploadPartBytes(expectedBytes = 0): number {
  return Math.max(MIN_PART_BYTES, Math.ceil((expectedBytes * 1.1) / 9000));
}

/**
 * Streams a body into one object with a multipart upload (`@aws-sdk/lib-storage`): parts of
 * 5 MiB (larger for a body expected above ~43 GB, see {@link uploadPartBytes}), 2 in flight (memory
 * stays flat: ~15 MiB an upload), a single PutObject for bodies under one part. The object appears
 * only when the upload completes; an aborted or failed upload leaves no object.
 *
 * @param client - the S3 client.
 * @param write - target and headers.
 * @param body - the bytes to store; read with back-pressure.
 * @param signal - aborts the upload (its parts are discarded).
 * @returns the stored object: key, ETag (without quotes), version.
 * @throws the SDK's error when a part or the completion fails after the SDK's retries.
 */
export async function uploadStream(
  client: S3Client,
  write: ObjectWrite,
  body: Readable,
  signal?: AbortSignal,
): Promise<StoredObject> {
  const upload = new Upload({
    client,
    params: {
      Bucket: write.bucket,
      Key: write.key,
      Body: body,
      ContentType: write.contentType,
      Metadata: { ...write.metadata },
    },
    partSize: uploadPartBytes(write.expectedBytes),
    queueSize: UPLOAD_QUEUE_SIZE,
    ...(signal ? { abortController: abortControllerFor(signal) } : {}),
  });
  const result = await upload.done();
  return { key: write.key, eTag: unquoteETag(result.ETag), versionId: result.VersionId };
}

function abortControllerFor(signal: AbortSignal): AbortController {
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller;
}

/**
 * A condition on a write, as S3's conditional writes take it: the key must not exist yet
 * (`{ ifNoneMatch: '*' }`), or must hold the object of this ETag (`{ ifMatch: eTag }`).
 */
export type WriteCondition = { readonly ifNoneMatch: '*' } | { readonly ifMatch: string };

/**
 * Writes a small object in one PutObject, optionally only if a condition holds (S3 conditional
 * writes: the check and the write are atomic, so two writers cannot both replace one version).
 *
 * @param client - the S3 client.
 * @param write - target and headers.
 * @param body - the whole content (text is stored as UTF-8).
 * @param condition - write only if the key is absent, or holds this ETag (without quotes).
 * @returns the stored object: key, ETag (without quotes), version.
 * @throws the SDK's error after its retries; a failed condition as an error that
 *   {@link isConditionFailed} recognizes (412 PreconditionFailed, 409 ConditionalRequestConflict,
 *   404 NoSuchKey for `ifMatch` on a missing key).
 */
export async function putObject(
  client: S3Client,
  write: ObjectWrite,
  body: string | Uint8Array,
  condition?: WriteCondition,
): Promise<StoredObject> {
  const result = await client.send(
    new PutObjectCommand({
      Bucket: write.bucket,
      Key: write.key,
      Body: body,
      ContentType: write.contentType,
      Metadata: { ...write.metadata },
      ...(condition && 'ifMatch' in condition ? { IfMatch: `"${condition.ifMatch}"` } : {}),
      ...(condition && 'ifNoneMatch' in condition ? { IfNoneMatch: condition.ifNoneMatch } : {}),
    }),
  );
  return { key: write.key, eTag: unquoteETag(result.ETag), versionId: result.VersionId };
}

/**
 * Whether a conditional write failed because its condition did not hold: another writer got there
 * first (412 PreconditionFailed, 409 ConditionalRequestConflict) or the object it expected is gone
 * (404 NoSuchKey). The caller re-reads and tries again.
 *
 * @param error - what the write threw.
 * @returns true for those three.
 */
export function isConditionFailed(error: unknown): boolean {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = failure?.$metadata?.httpStatusCode;
  return (
    failure?.name === 'PreconditionFailed' ||
    failure?.name === 'ConditionalRequestConflict' ||
    failure?.name === 'NoSuchKey' ||
    status === 412 ||
    status === 409
  );
}

/**
 * Deletes an object (DeleteObject). Deleting a key that does not exist succeeds, as in S3.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @throws the SDK's error after its retries.
 */
export async function deleteObject(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

/**
 * Deletes an object only if the key still holds this ETag (S3's conditional delete, `If-Match`): for
 * removing objects known to be garbage without touching what another writer has put there since.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @param eTag - the ETag (without quotes) the object must have.
 * @returns true when it was deleted; false when the key holds another object or none.
 * @throws the SDK's other errors after its retries.
 */
export async function deleteObjectIfMatch(
  client: S3Client,
  bucket: string,
  key: string,
  eTag: string,
): Promise<boolean> {
  try {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: `"${eTag}"` }));
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Keys one DeleteObjects request takes at most (S3's limit). */
const DELETE_OBJECTS_LIMIT = 1000;

/**
 * Deletes several objects with one DeleteObjects request per 1,000 keys (quiet mode: S3 answers only
 * with the keys it could not delete). Keys that do not exist are deleted successfully, as in S3.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param keys - object keys (duplicates are sent once).
 * @throws DeleteFailedError naming the first key S3 could not delete, with its code and message; the SDK's errors after its retries.
 */
export async function deleteObjects(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += DELETE_OBJECTS_LIMIT) {
    const chunk = unique.slice(start, start + DELETE_OBJECTS_LIMIT);
    const response = await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }),
    );
    const [failed] = response.Errors ?? [];
    if (failed)
      throw new DeleteFailedError(`s3://${bucket}/${failed.Key ?? '?'}`, failed.Code ?? 'error', failed.Message ?? '');
  }
}

/**
 * Reads a small JSON object, or undefined when the key does not exist.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @returns the parsed JSON, or undefined for `NoSuchKey`.
 * @throws SyntaxError for invalid JSON; MissingBodyError for a response without a body; the SDK's other errors.
 */
export async function readJsonObject(client: S3Client, bucket: string, key: string): Promise<unknown> {
  let response;
  try {
    response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
  if (!response.Body) throw new MissingBodyError(`s3://${bucket}/${key}`, 'no body');
  return JSON.parse(await response.Body.transformToString('utf8'));
}

/** A small object read whole: its bytes and what S3 says of its version. */
export interface ObjectBytes {
  readonly bytes: Uint8Array;
  /** ETag without quotes. */
  readonly eTag: string;
  /** The version read; undefined in a bucket without versions. */
  readonly versionId: string | undefined;
  /** User metadata (`x-amz-meta-*`), keys lower-case. */
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Reads a whole object into memory (GetObject): for objects that are read whole anyway (Parquet
 * files, checkpoints), up to a few hundred MB.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @param versionId - a specific version; by default the current one.
 * @returns the bytes, ETag, version and metadata, or undefined when the key (or version) does not exist.
 * @throws the SDK's other errors after its retries.
 */
export async function readObjectBytes(
  client: S3Client,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<ObjectBytes | undefined> {
  const read = await readObjectBytesUnlessMatch(client, bucket, key, undefined, versionId);
  return read === 'not-modified' ? undefined : read;
}

/**
 * Reads a whole object unless it still has the ETag the caller holds (GetObject with
 * `If-None-Match`: S3 answers 304 without the body).
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @param heldETag - the ETag of the copy the caller has (without quotes); undefined reads it anyway.
 * @param versionId - a specific version; by default the current one.
 * @returns `not-modified` when the object still has `heldETag`; else as {@link readObjectBytes}.
 * @throws the SDK's other errors after its retries.
 */
export async function readObjectBytesUnlessMatch(
  client: S3Client,
  bucket: string,
  key: string,
  heldETag: string | undefined,
  versionId?: string,
): Promise<ObjectBytes | 'not-modified' | undefined> {
  let response;
  try {
    response = await client.send(
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        ...(heldETag ? { IfNoneMatch: `"${heldETag}"` } : {}),
      }),
    );
  } catch (error) {
    if (heldETag && (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 304)
      return 'not-modified';
    if (isMissingObject(error)) return undefined;
    throw error;
  }
  const bytes = response.Body ? await response.Body.transformToByteArray() : new Uint8Array(0);
  return { bytes, eTag: unquoteETag(response.ETag), versionId: response.VersionId, metadata: response.Metadata ?? {} };
}

/** What HeadObject tells of an object. */
export interface ObjectHead {
  /** ETag without quotes. */
  readonly eTag: string;
  /** The current version; undefined in a bucket without versions. */
  readonly versionId: string | undefined;
  /** User metadata (`x-amz-meta-*`), keys lower-case. */
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * An object's ETag, version and metadata (HeadObject), without its body.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @returns the head, or undefined when the key does not exist.
 * @throws the SDK's other errors after its retries.
 */
export async function headObject(client: S3Client, bucket: string, key: string): Promise<ObjectHead | undefined> {
  try {
    const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { eTag: unquoteETag(response.ETag), versionId: response.VersionId, metadata: response.Metadata ?? {} };
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

/**
 * The current ETag of an object (HeadObject), or undefined when it does not exist.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @returns the ETag without quotes, or undefined for a missing object.
 * @throws the SDK's other errors.
 */
export async function currentETag(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    return unquoteETag((await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag);
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

/** Whether an SDK error says the object, or the version of it asked for, does not exist. */
export function isMissingObject(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchVersion';
}
