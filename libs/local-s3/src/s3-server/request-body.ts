import { createHash, type Hash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { AwsChunkedDecoder, isAwsChunked } from './aws-chunked-decoder';
import { S3Error } from '../errors';

/** A request body as stored: its size and MD5. */
export interface ReceivedBody {
  /** Bytes of payload (without any aws-chunked framing). */
  readonly size: number;
  /** The MD5 digest (16 bytes) of the payload. */
  readonly md5: Buffer;
}

/** Bytes gathered before a write to the file: few large writes rather than one per network chunk. */
const WRITE_BATCH_BYTES = 1024 * 1024;
/** Largest XML request body accepted (a CompleteMultipartUpload of 10,000 parts is ~1 MB). */
const MAX_XML_BYTES = 8 * 1024 * 1024;

/** A running checksum of the payload, as the `x-amz-checksum-<algorithm>` header or trailer gives it (base64). */
interface Checksum {
  update(chunk: Buffer): void;
  base64(): string;
}

function hashChecksum(hash: Hash): Checksum {
  return { update: (chunk) => void hash.update(chunk), base64: () => hash.digest('base64') };
}

function crc32Checksum(): Checksum {
  let value = 0;
  return {
    update: (chunk) => void (value = crc32(chunk, value)),
    base64: () => {
      const bytes = Buffer.alloc(4);
      bytes.writeUInt32BE(value >>> 0);
      return bytes.toString('base64');
    },
  };
}

/** The checksums this server verifies; others (CRC32C, CRC64NVME) are accepted unchecked. */
const CHECKSUMS: Readonly<Record<string, () => Checksum>> = {
  'x-amz-checksum-crc32': crc32Checksum,
  'x-amz-checksum-sha1': () => hashChecksum(createHash('sha1')),
  'x-amz-checksum-sha256': () => hashChecksum(createHash('sha256')),
};

/** The checksum the request announces, as a header or as an `x-amz-trailer`, when this server can verify it. */
function announcedChecksum(
  request: IncomingMessage,
): { readonly name: string; readonly checksum: Checksum } | undefined {
  const trailer = request.headers['x-amz-trailer'];
  const names = [
    ...Object.keys(CHECKSUMS).filter((name) => request.headers[name] !== undefined),
    ...(typeof trailer === 'string' ? trailer.split(',').map((name) => name.trim().toLowerCase()) : []),
  ];
  for (const name of names) {
    const make = CHECKSUMS[name];
    if (make) return { name, checksum: make() };
  }
  return undefined;
}

/** Checks `Content-MD5` and the announced checksum against what was received. */
function verifyDigests(
  request: IncomingMessage,
  md5: Buffer,
  announced: ReturnType<typeof announcedChecksum>,
  trailers: Record<string, string>,
): void {
  const contentMd5 = request.headers['content-md5'];
  if (typeof contentMd5 === 'string') {
    if (Buffer.from(contentMd5, 'base64').length !== 16) throw new S3Error('InvalidDigest');
    if (contentMd5 !== md5.toString('base64'))
      throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  if (!announced) return;
  const header = request.headers[announced.name];
  const expected = typeof header === 'string' ? header : trailers[announced.name];
  if (expected !== undefined && expected !== announced.checksum.base64()) {
    throw new S3Error(
      'BadDigest',
      `The ${announced.name.slice('x-amz-checksum-'.length).toUpperCase()} you specified did not match the calculated checksum.`,
    );
  }
}

/** Options of {@link writeNewFile}. */
export interface WriteOptions {
  /** Sees each chunk as it is written. */
  readonly observe?: (chunk: Buffer) => void;
  /** The bytes to append after the stream's, given their size and MD5. */
  readonly trailer?: (written: ReceivedBody) => Buffer;
}

/**
 * Writes a stream of bytes into an empty file (a spare, see `SpareFiles`), computing their size and
 * MD5 on the way. A body of up to 1 MiB is written in one synchronous call once complete (a small
 * file costs less that way than through the thread pool's open, write and close); a larger one is
 * streamed in writes of about 1 MiB, with back-pressure on the source.
 *
 * @param path - the empty file to fill (it exists).
 * @param chunks - the bytes.
 * @param options - `observe` also sees each chunk (e.g. a checksum); `trailer` gives bytes to append
 *   after the stream's (an object's record), from its size and MD5.
 * @returns size (bytes) and MD5 of the stream's bytes (without the trailer).
 * @throws the source's or the file system's error (the file may be left behind: the caller removes it).
 */
export async function writeNewFile(
  path: string,
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: WriteOptions = {},
): Promise<ReceivedBody> {
  const { observe, trailer } = options;
  const md5 = createHash('md5');
  let file: FileHandle | undefined;
  let size = 0;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    const buffers = batch;
    batch = [];
    batchBytes = 0;
    file ??= await open(path, 'r+');
    await file.writev(buffers);
  };
  try {
    for await (const chunk of chunks) {
      md5.update(chunk);
      observe?.(chunk);
      size += chunk.length;
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    }
    const written = { size, md5: md5.digest() };
    if (trailer) batch.push(trailer(written));
    if (!file) writeFileSync(path, batch.length === 1 && batch[0] ? batch[0] : Buffer.concat(batch), { flag: 'r+' });
    else await flush();
    return written;
  } finally {
    await file?.close();
  }
}

/**
 * Receives a PutObject or UploadPart body into a file, computing its MD5 while it streams in (and the
 * `x-amz-checksum-*` the client announced: CRC32, SHA-1, SHA-256). An `aws-chunked` body is decoded:
 * only the payload is stored.
 *
 * @param request - the HTTP request, body unread.
 * @param path - the empty file to fill (it exists).
 * @param trailer - bytes to append after the payload (see {@link writeNewFile}).
 * @returns size (bytes) and MD5 of the payload.
 * @throws S3Error `IncompleteBody` (a body shorter than announced), `BadDigest` (a checksum or
 *   `Content-MD5` that does not match), `InvalidDigest`, `InvalidRequest` (bad aws-chunked framing);
 *   the stream's error when the client goes away. The file may be left behind on error: the caller removes it.
 */
export async function receiveBody(
  request: IncomingMessage,
  path: string,
  trailer?: (written: ReceivedBody) => Buffer,
): Promise<ReceivedBody> {
  const announced = announcedChecksum(request);
  let received: ReceivedBody = { size: 0, md5: Buffer.alloc(0) };
  const observe = announced ? (chunk: Buffer): void => announced.checksum.update(chunk) : undefined;
  const store = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    received = await writeNewFile(path, chunks, { observe, trailer });
  };
  const decoder = isAwsChunked(request.headers) ? new AwsChunkedDecoder() : undefined;
  if (decoder) await pipeline(request, decoder, store);
  else await pipeline(request, store);
  const decodedLength = request.headers['x-amz-decoded-content-length'];
  if (decoder && decodedLength !== undefined && Number(decodedLength) !== received.size) {
    throw new S3Error(
      'IncompleteBody',
      `The aws-chunked body holds ${received.size} bytes where x-amz-decoded-content-length says ${decodedLength}.`,
    );
  }
  verifyDigests(request, received.md5, announced, decoder?.trailers ?? {});
  return received;
}

/**
 * Reads an XML request body (DeleteObjects, CompleteMultipartUpload) as text.
 *
 * @param request - the HTTP request, body unread.
 * @returns the body as UTF-8 text.
 * @throws S3Error `MalformedXML` for a body over 8 MiB; the stream's error when the client goes away.
 */
export async function receiveText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_XML_BYTES) throw new S3Error('MalformedXML', 'The XML request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
