import S3Error from 's3rver/lib/models/error.js';
import type { S3rverContext, S3rverMiddleware } from 's3rver';
import { KeyLocks } from './key-locks';

/** Query parameters that make a PUT or DELETE on a key something other than a write of the object itself. */
const SUBRESOURCES = ['uploadId', 'partNumber', 'acl', 'tagging', 'retention', 'legal-hold', 'torrent'];

/**
 * The object a request reads or writes: a write is PutObject (or CopyObject), CompleteMultipartUpload
 * or DeleteObject; a read GetObject or HeadObject. Undefined for anything else (listings, parts,
 * buckets, subresources).
 */
function objectAccessOf(ctx: S3rverContext): { bucket: string; key: string; write: boolean } | undefined {
  const [, bucket, ...rest] = ctx.path.split('/');
  if (!bucket || rest.join('') === '') return undefined;
  const subresource = SUBRESOURCES.some((name) => ctx.query[name] !== undefined);
  const write = ((ctx.method === 'PUT' || ctx.method === 'DELETE') && !subresource) || (ctx.method === 'POST' && ctx.query['uploadId'] !== undefined);
  const read = (ctx.method === 'GET' || ctx.method === 'HEAD') && !subresource;
  return write || read ? { bucket: decodeURIComponent(bucket), key: decodeURIComponent(rest.join('/')), write } : undefined;
}

const unquote = (eTag: string): string => eTag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');

/** Checks a write's `If-Match` / `If-None-Match` against the object as stored, as S3 does. */
async function checkPreconditions(ctx: S3rverContext, bucket: string, key: string): Promise<void> {
  const ifMatch = ctx.get('if-match');
  const ifNoneMatch = ctx.get('if-none-match');
  if (!ifMatch && !ifNoneMatch) return;
  if (ifNoneMatch && ifNoneMatch.trim() !== '*') throw new S3Error('NotImplemented', 'If-None-Match on a write accepts only *', { Header: 'If-None-Match' });
  const current = (await ctx.store.existsObject(bucket, key)) ? unquote(String((await ctx.store.getMetadata(bucket, key)).etag)) : undefined;
  if (ifNoneMatch && current !== undefined) {
    throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
  }
  if (ifMatch && current === undefined) throw new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });
  if (ifMatch && !ifMatch.split(',').some((tag) => unquote(tag) === current)) {
    throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-Match' });
  }
}

/**
 * What S3 guarantees of each object and s3rver does not, as a middleware in front of s3rver's
 * routes:
 * - a read never sees a write half done: s3rver writes an object's bytes, ETag and metadata as three
 *   files, in place, so a GetObject during a PutObject of the same key could read a truncated body
 *   or the old metadata; here reads of a key (until their response is sent) and writes of it
 *   (PutObject, CopyObject, CompleteMultipartUpload, DeleteObject) hold a reader-writer lock of the key;
 * - conditional writes (s3rver ignores the headers): `If-None-Match: *` fails with 412
 *   PreconditionFailed when the key exists, `If-Match: "<ETag>"` with 404 NoSuchKey when it does not
 *   and 412 when its ETag differs, checked under the write's lock, so atomically with it.
 *
 * @returns the Koa middleware; put it first in s3rver's chain.
 */
export function s3ObjectSemantics(): S3rverMiddleware {
  const locks = new KeyLocks();
  return async (ctx, next) => {
    const access = objectAccessOf(ctx);
    if (!access) return next();
    const release = await locks.acquire(`${access.bucket}/${access.key}`, access.write);
    if (!access.write) {
      // A read holds the key until its body is sent (s3rver streams it after the routes return).
      ctx.res.once('close', release);
      try {
        await next();
      } catch (error) {
        release();
        throw error;
      }
      return;
    }
    try {
      await checkPreconditions(ctx, access.bucket, access.key);
      await next();
    } finally {
      release();
    }
  };
}
