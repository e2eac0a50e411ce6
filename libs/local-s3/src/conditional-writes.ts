import S3Error from 's3rver/lib/models/error.js';
import type { S3rverContext, S3rverMiddleware } from 's3rver';

/** Query parameters that make a PUT or DELETE on a key something other than a write of the object itself. */
const SUBRESOURCES = ['uploadId', 'partNumber', 'acl', 'tagging', 'retention', 'legal-hold', 'torrent'];

/** The object a request writes: PutObject (or CopyObject), CompleteMultipartUpload, DeleteObject; else undefined. */
function objectWriteOf(ctx: S3rverContext): { bucket: string; key: string } | undefined {
  const [, bucket, ...rest] = ctx.path.split('/');
  if (!bucket || rest.join('') === '') return undefined;
  const subresource = SUBRESOURCES.some((name) => ctx.query[name] !== undefined);
  const isWrite = ((ctx.method === 'PUT' || ctx.method === 'DELETE') && !subresource) || (ctx.method === 'POST' && ctx.query['uploadId'] !== undefined);
  return isWrite ? { bucket: decodeURIComponent(bucket), key: decodeURIComponent(rest.join('/')) } : undefined;
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
 * The embedded server's missing conditional writes, as S3 has them since 2024 (s3rver ignores the
 * headers): a middleware in front of s3rver's routes that serializes the writes of each object key
 * (PutObject, CopyObject, CompleteMultipartUpload, DeleteObject) and checks `If-None-Match: *`
 * (412 PreconditionFailed when the key exists) and `If-Match: "<ETag>"` (404 NoSuchKey when it does
 * not, 412 when its ETag differs) before the write, atomically with it.
 *
 * @returns the Koa middleware; put it first in s3rver's chain.
 */
export function conditionalWrites(): S3rverMiddleware {
  const tails = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const write = objectWriteOf(ctx);
    if (!write) return next();
    const name = `${write.bucket}/${write.key}`;
    const previous = tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    tails.set(name, tail);
    await previous;
    try {
      await checkPreconditions(ctx, write.bucket, write.key);
      await next();
    } finally {
      release();
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}
