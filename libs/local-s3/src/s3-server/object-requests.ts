import type { FileHandle } from 'node:fs/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import { pipeline } from 'node:stream/promises';
import {
  attributesFromHeaders,
  objectResponseHeaders,
  type ObjectAttributes,
  type StoredObject,
} from './object-record';
import type { PendingObject } from './pending-object';
import type { ObjectStore } from './object-store';
import { checkReadConditions, parseRange } from './read-conditions';
import { receiveBody, writeNewFile } from './request-body';
import { S3Error } from '../errors';
import { headerOf, sendEmpty, sendXml, type S3Request } from './s3-request';
import { quoteETag, xmlDocument, xmlElement } from './s3-xml';
import { checkWriteCondition, type WriteCondition } from './write-conditions';

/** Objects up to this size (bytes) are read into memory at once and sent in one write; larger ones are streamed. */
const SMALL_OBJECT_BYTES = 256 * 1024;

/** GetObject's `response-*` query parameters: headers of the response the caller overrides. */
const RESPONSE_OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** The conditions of a write request (`If-Match`, `If-None-Match`). */
function writeConditionOf(request: S3Request): WriteCondition {
  return { ifMatch: headerOf(request, 'if-match'), ifNoneMatch: headerOf(request, 'if-none-match') };
}

/** Status, headers and byte range of a GetObject or HeadObject response, after its conditions. */
function readResponse(
  request: S3Request,
  object: StoredObject,
): { status: number; headers: OutgoingHttpHeaders; start: number; length: number } {
  checkReadConditions(object, request.headers);
  const range = parseRange(headerOf(request, 'range'), object.size);
  const headers = objectResponseHeaders(object);
  for (const [parameter, header] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = request.query.get(parameter);
    if (value !== undefined) headers[header] = value;
  }
  headers['x-amz-request-id'] = request.requestId;
  const start = range?.start ?? 0;
  const length = range ? range.end - range.start + 1 : object.size;
  headers['Content-Length'] = length;
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${object.size}`;
  return { status: range ? 206 : 200, headers, start, length };
}

/**
 * HeadObject: the object's headers from memory, no body.
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @param key - object key.
 * @throws S3Error `NoSuchKey` (404, sent without a body), `PreconditionFailed`, `NotModified`, `InvalidRange`, `NoSuchBucket`.
 */
export function headObject(store: ObjectStore, request: S3Request, bucket: string, key: string): void {
  const object = store.head(bucket, key);
  if (!object) throw new S3Error('NoSuchKey', undefined, { Key: key });
  const { status, headers } = readResponse(request, object);
  request.response.writeHead(status, headers);
  request.response.end();
}

/**
 * GetObject: the object's bytes (or a range of them) from its file.
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @param key - object key.
 * @throws S3Error `NoSuchKey`, `PreconditionFailed`, `NotModified`, `InvalidRange`, `NoSuchBucket`.
 */
export async function getObject(store: ObjectStore, request: S3Request, bucket: string, key: string): Promise<void> {
  const small = (store.head(bucket, key)?.size ?? 0) <= SMALL_OBJECT_BYTES;
  if (small) {
    const read = store.readObject(bucket, key);
    if (!read) throw new S3Error('NoSuchKey', undefined, { Key: key });
    const { status, headers, start, length } = readResponse(request, read.object);
    request.response.writeHead(status, headers);
    request.response.end(read.bytes.subarray(start, start + length));
    return;
  }
  const opened = await store.openObject(bucket, key);
  if (!opened) throw new S3Error('NoSuchKey', undefined, { Key: key });
  const { object, file } = opened;
  let streaming = false;
  try {
    const { status, headers, start, length } = readResponse(request, object);
    request.response.writeHead(status, headers);
    streaming = length > 0;
    if (!streaming) request.response.end();
    else await pipeline(file.createReadStream({ start, end: start + length - 1, autoClose: true }), request.response);
  } finally {
    if (!streaming) await file.close();
  }
}

/**
 * PutObject: receives the body into a new version file and commits it if the conditions hold
 * (checked before the body is read, to fail fast, and again atomically with the commit).
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @param key - object key.
 * @throws S3Error `PreconditionFailed`, `NoSuchKey` (conditional writes), `BadDigest`, `IncompleteBody`, `NoSuchBucket`.
 */
export async function putObject(store: ObjectStore, request: S3Request, bucket: string, key: string): Promise<void> {
  const condition = writeConditionOf(request);
  checkWriteCondition(store.head(bucket, key)?.eTag, condition, key);
  const pending = await store.newObjectFile(bucket, key);
  const attributes = attributesFromHeaders(request.headers);
  try {
    await receiveBody(request.http, pending.path, (body) =>
      pending.seal(body.size, body.md5.toString('hex'), attributes),
    );
  } catch (error) {
    store.discard(pending.path);
    throw error;
  }
  const object = store.commit(pending, condition, 'ObjectCreated:Put');
  sendEmpty(request, 200, { ETag: quoteETag(object.eTag) });
}

/**
 * DeleteObject: 204 whether or not the key held an object; with `If-Match`, 412 when the key holds
 * another ETag and 404 when it holds nothing (S3's conditional delete).
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - bucket name.
 * @param key - object key.
 * @throws S3Error `NoSuchBucket`.
 */
export function deleteObject(store: ObjectStore, request: S3Request, bucket: string, key: string): void {
  store.delete(bucket, key, headerOf(request, 'if-match'));
  sendEmpty(request, 204);
}

/** The bucket and key of an `x-amz-copy-source` header (`[/]<bucket>/<key>[?versionId=…]`, URL-encoded). */
function parseCopySource(header: string): { bucket: string; key: string } {
  const path = header.replace(/^\//, '').replace(/\?versionId=.*$/, '');
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1)
    throw new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey', {
      ArgumentName: 'x-amz-copy-source',
    });
  try {
    return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
  } catch {
    throw new S3Error('InvalidArgument', 'Copy Source is not URL-encoded correctly', {
      ArgumentName: 'x-amz-copy-source',
    });
  }
}

/**
 * The copy's `x-amz-metadata-directive`: `COPY` (the default) or `REPLACE`.
 *
 * @throws S3Error `InvalidArgument` for another directive; `InvalidRequest` for a copy onto itself that changes nothing.
 */
function metadataDirectiveOf(
  request: S3Request,
  source: { readonly bucket: string; readonly key: string },
  bucket: string,
  key: string,
): 'COPY' | 'REPLACE' {
  const directive = headerOf(request, 'x-amz-metadata-directive') ?? 'COPY';
  if (directive !== 'COPY' && directive !== 'REPLACE')
    throw new S3Error('InvalidArgument', 'Unknown metadata directive.', { ArgumentName: 'x-amz-metadata-directive' });
  if (source.bucket === bucket && source.key === key && directive === 'COPY') {
    throw new S3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  return directive;
}

/**
 * CopyObject: copies the source object's bytes into a new version of the target key, with the source's
 * attributes (`x-amz-metadata-directive: COPY`, the default) or the request's (`REPLACE`). The copy's
 * ETag is the MD5 of its bytes (a copy of a multipart object gets a plain one, as in S3). Honours
 * `x-amz-copy-source-if-*` on the source and `If-Match` / `If-None-Match` on the target.
 *
 * @param store - the store.
 * @param request - the request.
 * @param bucket - target bucket.
 * @param key - target key.
 * @param copySource - the `x-amz-copy-source` header.
 * @throws S3Error `NoSuchKey` (no source), `PreconditionFailed`, `InvalidRequest` (a copy onto itself
 *   that changes nothing), `InvalidArgument`, `NoSuchBucket`.
 */
export async function copyObject(
  store: ObjectStore,
  request: S3Request,
  bucket: string,
  key: string,
  copySource: string,
): Promise<void> {
  const source = parseCopySource(copySource);
  const directive = metadataDirectiveOf(request, source, bucket, key);
  const condition = writeConditionOf(request);
  checkWriteCondition(store.head(bucket, key)?.eTag, condition, key);
  const opened = await store.openObject(source.bucket, source.key);
  if (!opened) throw new S3Error('NoSuchKey', undefined, { Key: source.key });
  let pending: PendingObject;
  try {
    checkCopySourceConditions(request, opened.object);
    pending = await copyInto(
      store,
      opened,
      bucket,
      key,
      directive === 'REPLACE' ? attributesFromHeaders(request.headers) : opened.object,
    );
  } finally {
    await opened.file.close();
  }
  const object = store.commit(pending, condition, 'ObjectCreated:Copy');
  sendXml(
    request,
    200,
    xmlDocument(
      'CopyObjectResult',
      xmlElement('LastModified', new Date(object.lastModified).toISOString()) +
        xmlElement('ETag', quoteETag(object.eTag)),
    ),
  );
}

/** Checks `x-amz-copy-source-if-*` against the source; a copy answers every failed one with 412. */
function checkCopySourceConditions(request: S3Request, source: StoredObject): void {
  const condition = (name: string): string | undefined => headerOf(request, `x-amz-copy-source-${name}`);
  try {
    checkReadConditions(source, {
      'if-match': condition('if-match'),
      'if-none-match': condition('if-none-match'),
      'if-modified-since': condition('if-modified-since'),
      'if-unmodified-since': condition('if-unmodified-since'),
    });
  } catch (error) {
    throw error instanceof S3Error && error.code === 'NotModified'
      ? new S3Error('PreconditionFailed', undefined, { Condition: 'x-amz-copy-source-if-none-match' })
      : error;
  }
}

/** Writes the source's bytes into a new version of the target, sealed with the given attributes and the bytes' own MD5. */
async function copyInto(
  store: ObjectStore,
  source: { object: StoredObject; file: FileHandle },
  bucket: string,
  key: string,
  attributes: ObjectAttributes,
): Promise<PendingObject> {
  const pending = await store.newObjectFile(bucket, key);
  // Only the object's bytes: the file's record follows them (and a read stream with `end: -1` would read it all).
  const bytes =
    source.object.size === 0
      ? []
      : source.file.createReadStream({ start: 0, end: source.object.size - 1, autoClose: false });
  try {
    await writeNewFile(pending.path, bytes, {
      trailer: (copied) => pending.seal(copied.size, copied.md5.toString('hex'), attributes),
    });
  } catch (error) {
    store.discard(pending.path);
    throw error;
  }
  return pending;
}
