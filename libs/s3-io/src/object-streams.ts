import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';

/** An S3 object opened for reading. */
export interface OpenedObject {
  /** The object's bytes, streamed. */
  readonly body: Readable;
  /** The object's ETag, without quotes. */
  readonly eTag: string;
  /** Size in bytes. */
  readonly contentLength: number;
  /** User metadata (`x-amz-meta-*`), keys lower-case. */
  readonly metadata: Readonly<Record<string, string>>;
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
 * @returns the body stream and the object's ETag, size and metadata.
 * @throws S3ServiceException (e.g. `NoSuchKey`) from the SDK.
 */
export async function openObject(client: S3Client, bucket: string, key: string, versionId?: string): Promise<OpenedObject> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
  if (!(response.Body instanceof Readable)) throw new Error(`s3://${bucket}/${key}: the SDK returned no Node.js stream`);
  return {
    body: response.Body,
    eTag: unquoteETag(response.ETag),
    contentLength: response.ContentLength ?? 0,
    metadata: response.Metadata ?? {},
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
}

/** Multipart part size (bytes): S3's minimum, 5 MiB, so at most 10,000 parts make objects up to 48.8 GiB. */
const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
/** Parts uploaded at once. With {@link UPLOAD_PART_BYTES}, an upload holds about 15 MiB (the part being filled and two in flight). */
const UPLOAD_QUEUE_SIZE = 2;

/**
 * Streams a body into one object with a multipart upload (`@aws-sdk/lib-storage`): parts of
 * 5 MiB, 2 in flight (memory stays flat: ~15 MiB an upload), a single PutObject for bodies under one part. The object appears
 * only when the upload completes; an aborted or failed upload leaves no object.
 *
 * @param client - the S3 client.
 * @param write - target and headers.
 * @param body - the bytes to store; read with back-pressure.
 * @param signal - aborts the upload (its parts are discarded).
 * @returns the stored object: key, ETag (without quotes), version.
 * @throws the SDK's error when a part or the completion fails after the SDK's retries.
 */
export async function uploadStream(client: S3Client, write: ObjectWrite, body: Readable, signal?: AbortSignal): Promise<StoredObject> {
  const upload = new Upload({
    client,
    params: { Bucket: write.bucket, Key: write.key, Body: body, ContentType: write.contentType, Metadata: { ...write.metadata } },
    partSize: UPLOAD_PART_BYTES,
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
 * Writes a small object in one PutObject.
 *
 * @param client - the S3 client.
 * @param write - target and headers.
 * @param body - the whole content (text is stored as UTF-8).
 * @returns the stored object: key, ETag (without quotes), version.
 * @throws the SDK's error after its retries.
 */
export async function putObject(client: S3Client, write: ObjectWrite, body: string | Uint8Array): Promise<StoredObject> {
  const result = await client.send(
    new PutObjectCommand({ Bucket: write.bucket, Key: write.key, Body: body, ContentType: write.contentType, Metadata: { ...write.metadata } }),
  );
  return { key: write.key, eTag: unquoteETag(result.ETag), versionId: result.VersionId };
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
 * Reads a small JSON object, or undefined when the key does not exist.
 *
 * @param client - the S3 client.
 * @param bucket - bucket name.
 * @param key - object key.
 * @returns the parsed JSON, or undefined for `NoSuchKey`.
 * @throws SyntaxError for invalid JSON; the SDK's other errors.
 */
export async function readJsonObject(client: S3Client, bucket: string, key: string): Promise<unknown> {
  let response;
  try {
    response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
  return JSON.parse(await response.Body!.transformToString('utf8'));
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
    const name = (error as { name?: string }).name;
    if (name === 'NotFound' || name === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Whether an SDK error says the object does not exist. */
export function isMissingObject(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}
