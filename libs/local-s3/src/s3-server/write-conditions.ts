import { S3Error } from '../errors';
import { unquoteETag } from './s3-xml';

/** The conditions of a conditional write, as its request headers give them. */
export interface WriteCondition {
  /** `If-Match`: one or more ETags (comma-separated, quoted), or `*`. */
  readonly ifMatch?: string;
  /** `If-None-Match`: only `*` is accepted on a write. */
  readonly ifNoneMatch?: string;
}

/**
 * Checks a write's conditions against the object the key holds now, as S3 does for PutObject,
 * CompleteMultipartUpload and CopyObject.
 *
 * @param current - the ETag (without quotes) the key holds, or undefined when it is absent.
 * @param condition - the request's conditions.
 * @param key - object key, for the error.
 * @throws S3Error `PreconditionFailed` (412) when `If-None-Match: *` meets an existing key or `If-Match`
 *   another ETag; `NoSuchKey` (404) for `If-Match` on an absent key; `NotImplemented` (501) for
 *   `If-None-Match` with an ETag (S3 accepts only `*` on writes).
 */
export function checkWriteCondition(current: string | undefined, condition: WriteCondition, key: string): void {
  const { ifMatch, ifNoneMatch } = condition;
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*')
      throw new S3Error('NotImplemented', 'If-None-Match on a write accepts only *', { Header: 'If-None-Match' });
    if (current !== undefined) throw new S3Error('PreconditionFailed', undefined, { Condition: 'If-None-Match' });
  }
  if (ifMatch === undefined) return;
  if (current === undefined) throw new S3Error('NoSuchKey', undefined, { Key: key });
  if (!etagListMatches(ifMatch, current)) throw new S3Error('PreconditionFailed', undefined, { Condition: 'If-Match' });
}

/**
 * Whether an `If-Match` / `If-None-Match` header value names an ETag.
 *
 * @param header - e.g. `"abc"`, `"abc", "def"`, `*`.
 * @param eTag - without quotes.
 * @returns true when the list holds `eTag` or is `*`.
 */
export function etagListMatches(header: string, eTag: string): boolean {
  return header.split(',').some((tag) => tag.trim() === '*' || unquoteETag(tag) === eTag);
}
