import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from '../errors';

/** Longest chunk-size or trailer line accepted (a chunk signature is 64 hex digits). */
const MAX_LINE_BYTES = 8 * 1024;

type State = 'size-line' | 'data' | 'data-end' | 'trailer' | 'done';

/**
 * Decodes an `aws-chunked` request body (what the AWS SDKs send for streamed uploads with
 * `x-amz-content-sha256: STREAMING-…`, `Content-Encoding: aws-chunked`) into the object's bytes:
 *
 * ```
 * <hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n   … repeated …
 * 0[;chunk-signature=<sig>]\r\n[<trailer>:<value>\r\n …]\r\n
 * ```
 *
 * Signatures are not checked (the store accepts any credentials). Trailers (e.g.
 * `x-amz-checksum-crc32`) are collected in {@link AwsChunkedDecoder.trailers} for the caller to check.
 *
 * @throws (as a stream error) S3Error `IncompleteBody` when the body ends before its last chunk,
 *   `InvalidRequest` for bad framing.
 */
export class AwsChunkedDecoder extends Transform {
  /** Trailing headers after the last chunk, by lower-case name. */
  readonly trailers: Record<string, string> = {};
  private state: State = 'size-line';
  private line: Buffer[] = [];
  private lineBytes = 0;
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decode(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    // A body may stop after the trailers without the final empty line; before the last chunk it is cut.
    if (this.state === 'done' || (this.state === 'trailer' && this.lineBytes === 0)) callback();
    else callback(new S3Error('IncompleteBody', 'The aws-chunked body ended before its final chunk.'));
  }

  private decode(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.push(chunk.subarray(offset, offset + take));
        offset += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      if (this.state === 'done') return;
      const end = chunk.indexOf(0x0a, offset);
      const piece = chunk.subarray(offset, end < 0 ? chunk.length : end + 1);
      offset += piece.length;
      this.lineBytes += piece.length;
      if (this.lineBytes > MAX_LINE_BYTES)
        throw new S3Error('InvalidRequest', 'An aws-chunked framing line is too long.');
      this.line.push(piece);
      if (end >= 0)
        this.endLine(
          Buffer.concat(this.line)
            .toString('latin1')
            .replace(/\r?\n$/, ''),
        );
    }
  }

  private endLine(text: string): void {
    this.line = [];
    this.lineBytes = 0;
    if (this.state === 'data-end') {
      if (text !== '') throw new S3Error('InvalidRequest', 'An aws-chunked chunk is longer than its size says.');
      this.state = 'size-line';
    } else if (this.state === 'size-line') {
      const size = /^([0-9a-fA-F]{1,12})(;.*)?$/.exec(text);
      if (!size?.[1]) throw new S3Error('InvalidRequest', 'An aws-chunked chunk size line is malformed.');
      this.remaining = parseInt(size[1], 16);
      this.state = this.remaining === 0 ? 'trailer' : 'data';
    } else if (text === '') {
      this.state = 'done';
    } else {
      const colon = text.indexOf(':');
      if (colon <= 0) throw new S3Error('InvalidRequest', 'An aws-chunked trailer is malformed.');
      this.trailers[text.slice(0, colon).trim().toLowerCase()] = text.slice(colon + 1).trim();
    }
  }
}

/**
 * Whether a request body is `aws-chunked` framed.
 *
 * @param headers - the request's `x-amz-content-sha256` and `content-encoding`.
 * @returns true for `STREAMING-…` payloads or an `aws-chunked` content encoding.
 */
export function isAwsChunked(headers: {
  readonly 'x-amz-content-sha256'?: string | string[];
  readonly 'content-encoding'?: string;
}): boolean {
  const sha = headers['x-amz-content-sha256'];
  return (
    (typeof sha === 'string' && sha.startsWith('STREAMING-')) ||
    (headers['content-encoding']?.split(',').some((token) => token.trim() === 'aws-chunked') ?? false)
  );
}
