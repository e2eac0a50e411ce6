import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ObjectAttributes, StoredObject } from './object-record';
import type { ObjectStore } from './object-store';
import { writeNewFile, type ReceivedBody } from './request-body';
import { S3Error } from '../errors';
import { unquoteETag } from './s3-xml';
import { checkWriteCondition, type WriteCondition } from './write-conditions';

/** One uploaded part of a multipart upload. */
export interface UploadedPart {
  /** 1-10,000. */
  readonly partNumber: number;
  /** Bytes. */
  readonly size: number;
  /** MD5 hex of the part's bytes, without quotes. */
  readonly eTag: string;
  /** ms since 1970. */
  readonly lastModified: number;
  readonly md5: Buffer;
  readonly path: string;
}

/** One multipart upload in progress. */
export interface MultipartUpload {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly attributes: ObjectAttributes;
  /** ms since 1970. */
  readonly initiated: number;
  readonly parts: Map<number, UploadedPart>;
}

/** A part named in a CompleteMultipartUpload request. */
export interface CompletedPart {
  readonly partNumber: number;
  /** As the client sent it (quoted or not). */
  readonly eTag: string;
}

/** S3's smallest part, in bytes, for every part but the last. */
const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PART_NUMBER = 10_000;

/** Concatenates the parts' files, in order. */
async function* partBytes(parts: readonly UploadedPart[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield* createReadStream(part.path) as AsyncIterable<Buffer>;
}

/**
 * The multipart uploads in progress (in memory, their parts' bytes in files under `tmp/`; they do
 * not survive a restart): CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
 * AbortMultipartUpload, ListParts, ListMultipartUploads.
 */
export class MultipartUploads {
  private readonly uploads = new Map<string, MultipartUpload>();

  /** @param store - the store the completed objects go to. */
  constructor(private readonly store: ObjectStore) {}

  /**
   * Starts an upload (CreateMultipartUpload).
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @param attributes - the future object's attributes (from the request's headers).
   * @returns the new upload.
   * @throws S3Error `NoSuchBucket`.
   */
  create(bucket: string, key: string, attributes: ObjectAttributes): MultipartUpload {
    this.store.bucket(bucket);
    const uploadId = randomBytes(24).toString('base64url');
    const upload: MultipartUpload = { uploadId, bucket, key, attributes, initiated: Date.now(), parts: new Map() };
    this.uploads.set(uploadId, upload);
    return upload;
  }

  /**
   * The upload of an id, checked against the request's bucket and key.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @param uploadId - from {@link MultipartUploads.create}.
   * @returns the upload.
   * @throws S3Error `NoSuchUpload` (404).
   */
  get(bucket: string, key: string, uploadId: string): MultipartUpload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key)
      throw new S3Error('NoSuchUpload', undefined, { UploadId: uploadId });
    return upload;
  }

  /**
   * The uploads in progress of a bucket, by key then initiation.
   *
   * @param bucket - bucket name.
   * @param prefix - only keys starting with it.
   * @returns the uploads.
   */
  list(bucket: string, prefix: string): MultipartUpload[] {
    return [...this.uploads.values()]
      .filter((upload) => upload.bucket === bucket && upload.key.startsWith(prefix))
      .sort((a, b) => (a.key === b.key ? a.initiated - b.initiated : a.key < b.key ? -1 : 1));
  }

  /**
   * Stores one part (UploadPart): its bytes written by `receive` into an empty file; a part uploaded
   * again under the same number replaces the earlier one.
   *
   * @param upload - the upload.
   * @param partNumberText - the `partNumber` query parameter.
   * @param receive - writes the request body into the given empty file.
   * @returns the part.
   * @throws S3Error `InvalidArgument` for a part number outside 1-10,000; `NoSuchUpload` when the
   *   upload ended meanwhile; the receiver's errors.
   */
  async uploadPart(
    upload: MultipartUpload,
    partNumberText: string,
    receive: (path: string) => Promise<ReceivedBody>,
  ): Promise<UploadedPart> {
    const partNumber = Number(partNumberText);
    if (!/^\d+$/.test(partNumberText) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new S3Error('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
        ArgumentName: 'partNumber',
        ArgumentValue: partNumberText,
      });
    }
    const path = this.store.spares.take();
    let body: ReceivedBody;
    try {
      body = await receive(path);
    } catch (error) {
      this.store.discard(path);
      throw error;
    }
    if (this.uploads.get(upload.uploadId) !== upload) {
      this.store.discard(path);
      throw new S3Error('NoSuchUpload', undefined, { UploadId: upload.uploadId });
    }
    const part: UploadedPart = {
      partNumber,
      size: body.size,
      eTag: body.md5.toString('hex'),
      md5: body.md5,
      lastModified: Date.now(),
      path,
    };
    const replaced = upload.parts.get(partNumber);
    upload.parts.set(partNumber, part);
    if (replaced) this.store.discard(replaced.path);
    return part;
  }

  /**
   * Completes an upload (CompleteMultipartUpload): checks the parts list, assembles the parts in
   * order into a new version of the object and commits it if the conditions hold. Its ETag is the MD5
   * of the parts' binary MD5s, then `-<number of parts>`, as S3's.
   *
   * @param upload - the upload.
   * @param listed - the parts the request names, in its order.
   * @param condition - `If-Match` / `If-None-Match` of the request.
   * @returns the object.
   * @throws S3Error `MalformedXML` (no parts), `InvalidPartOrder`, `InvalidPart` (a part not uploaded or
   *   of another ETag), `EntityTooSmall` (a part but the last under 5 MiB), `PreconditionFailed`, `NoSuchKey`.
   */
  async complete(
    upload: MultipartUpload,
    listed: readonly CompletedPart[],
    condition: WriteCondition,
  ): Promise<StoredObject> {
    if (listed.length === 0) throw new S3Error('MalformedXML');
    const parts = listed.map(({ partNumber, eTag }, index) => {
      if (index > 0 && partNumber <= (listed[index - 1]?.partNumber ?? 0)) throw new S3Error('InvalidPartOrder');
      const part = upload.parts.get(partNumber);
      if (!part || part.eTag !== unquoteETag(eTag))
        throw new S3Error('InvalidPart', undefined, { PartNumber: String(partNumber), ETag: eTag });
      return part;
    });
    const small = parts.slice(0, -1).find((part) => part.size < MIN_PART_BYTES);
    if (small)
      throw new S3Error('EntityTooSmall', undefined, {
        ProposedSize: String(small.size),
        MinSizeAllowed: String(MIN_PART_BYTES),
        PartNumber: String(small.partNumber),
      });
    const { bucket, key } = upload;
    checkWriteCondition(this.store.head(bucket, key)?.eTag, condition, key);
    const pending = await this.store.newObjectFile(bucket, key);
    const eTag = `${createHash('md5')
      .update(Buffer.concat(parts.map((part) => part.md5)))
      .digest('hex')}-${parts.length}`;
    try {
      await writeNewFile(pending.path, partBytes(parts), {
        trailer: (written) => pending.seal(written.size, eTag, upload.attributes),
      });
    } catch (error) {
      this.store.discard(pending.path);
      throw error;
    }
    const object = this.store.commit(pending, condition, 'ObjectCreated:CompleteMultipartUpload');
    this.end(upload);
    return object;
  }

  /**
   * Ends an upload without an object (AbortMultipartUpload) and removes its parts.
   *
   * @param upload - the upload.
   */
  abort(upload: MultipartUpload): void {
    this.end(upload);
  }

  private end(upload: MultipartUpload): void {
    this.uploads.delete(upload.uploadId);
    for (const part of upload.parts.values()) this.store.discard(part.path);
  }
}
