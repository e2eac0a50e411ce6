import type { StoredObject } from './object-record';
import { S3Error } from '../errors';
import { etagListMatches } from './write-conditions';

/** A byte range of an object, both ends included. */
export interface ByteRange {
  /** First byte, 0-based. */
  readonly start: number;
  /** Last byte, included. */
  readonly end: number;
}

/**
 * The byte range a GetObject or HeadObject asks for with `Range: bytes=a-b`, `bytes=a-` or `bytes=-n`.
 * A header S3 would ignore (another unit, several ranges, `a` > `b`) asks for the whole object.
 *
 * @param header - the `Range` header, if any.
 * @param size - the object's size in bytes.
 * @returns the range (its end clipped to the object), or undefined for the whole object.
 * @throws S3Error `InvalidRange` (416) when the range starts past the end (or the object is empty).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = header === undefined ? null : /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  const unsatisfiable = (): S3Error =>
    new S3Error('InvalidRange', undefined, { RangeRequested: header ?? '', ActualObjectSize: String(size) });
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return undefined;
  if (start >= size) throw unsatisfiable();
  return { start, end: Math.min(end, size - 1) };
}

/** An HTTP date, or undefined when it is not one. */
function dateOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const time = Date.parse(header);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Checks a read's conditions (`If-Match`, `If-Unmodified-Since`, `If-None-Match`, `If-Modified-Since`)
 * against the object, in the order HTTP (RFC 9110) evaluates them; dates compare to the second.
 *
 * @param object - the object read.
 * @param headers - the request's condition headers.
 * @throws S3Error `PreconditionFailed` (412) or `NotModified` (304).
 */
export function checkReadConditions(
  object: StoredObject,
  headers: {
    readonly 'if-match'?: string;
    readonly 'if-none-match'?: string;
    readonly 'if-modified-since'?: string;
    readonly 'if-unmodified-since'?: string;
  },
): void {
  const modified = Math.floor(object.lastModified / 1000) * 1000;
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, object.eTag))
      throw new S3Error('PreconditionFailed', undefined, { Condition: 'If-Match' });
  } else {
    const since = dateOf(headers['if-unmodified-since']);
    if (since !== undefined && modified > since)
      throw new S3Error('PreconditionFailed', undefined, { Condition: 'If-Unmodified-Since' });
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (etagListMatches(ifNoneMatch, object.eTag)) throw new S3Error('NotModified');
  } else {
    const since = dateOf(headers['if-modified-since']);
    if (since !== undefined && modified <= since) throw new S3Error('NotModified');
  }
}
