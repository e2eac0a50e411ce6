import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { describe, expect } from 'vitest';
import { lakeTest as it } from './lake-fixture';
import { failureOf } from './sdk-results';

describe('bucket requests of the embedded store', () => {
  it('deletes the keys DeleteObjects names, reports each as deleted, and announces one ObjectRemoved:Delete per object that existed', async ({
    lake,
    changes,
  }) => {
    const keys = ['del/a.csv', 'del/b & c.csv', 'del/<d>.csv'];
    for (const key of keys) await lake.put(key, key);
    await lake.put('del/kept.csv', 'kept');
    changes.length = 0;
    const result = await lake.s3.send(
      new DeleteObjectsCommand({
        Bucket: lake.bucket,
        Delete: { Objects: [...keys, 'del/never.csv'].map((Key) => ({ Key })) },
      }),
    );
    expect(result.Deleted?.map((deleted) => deleted.Key)).toEqual([...keys, 'del/never.csv']);
    expect(result.Errors).toBeUndefined();
    expect(await lake.keys('del/')).toEqual(['del/kept.csv']);
    expect(changes).toEqual(
      keys.map((key) => ({ eventName: 'ObjectRemoved:Delete', bucket: lake.bucket, key, size: 0, eTag: '' })),
    );
  });

  it('reports nothing in Quiet mode, and refuses an empty list with MalformedXML', async ({ lake }) => {
    await lake.put('quiet/a.csv', 'a');
    const quiet = await lake.s3.send(
      new DeleteObjectsCommand({ Bucket: lake.bucket, Delete: { Objects: [{ Key: 'quiet/a.csv' }], Quiet: true } }),
    );
    expect([quiet.Deleted, quiet.Errors, await lake.keys('quiet/')]).toEqual([undefined, undefined, []]);
    expect(
      await failureOf(lake.s3.send(new DeleteObjectsCommand({ Bucket: lake.bucket, Delete: { Objects: [] } }))),
    ).toEqual({ name: 'MalformedXML', status: 400 });
  });

  it('creates, lists, heads and deletes buckets; a bucket with objects is not deleted; a missing one is NoSuchBucket', async ({
    lake,
  }) => {
    await lake.s3.send(new CreateBucketCommand({ Bucket: 'second-bucket' }));
    await lake.s3.send(new CreateBucketCommand({ Bucket: 'second-bucket' }));
    const { Buckets } = await lake.s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((bucket) => bucket.Name)).toEqual(['medallion-lake', 'second-bucket']);
    expect((await lake.s3.send(new HeadBucketCommand({ Bucket: 'second-bucket' }))).$metadata.httpStatusCode).toBe(200);
    await lake.s3.send(new PutObjectCommand({ Bucket: 'second-bucket', Key: 'x', Body: 'x' }));
    expect(await failureOf(lake.s3.send(new DeleteBucketCommand({ Bucket: 'second-bucket' })))).toEqual({
      name: 'BucketNotEmpty',
      status: 409,
    });
    await lake.s3.send(new DeleteObjectsCommand({ Bucket: 'second-bucket', Delete: { Objects: [{ Key: 'x' }] } }));
    await lake.s3.send(new DeleteBucketCommand({ Bucket: 'second-bucket' }));
    expect(await failureOf(lake.s3.send(new HeadBucketCommand({ Bucket: 'second-bucket' })))).toEqual({
      name: 'NotFound',
      status: 404,
    });
    expect(await failureOf(lake.s3.send(new ListObjectsV2Command({ Bucket: 'second-bucket' })))).toEqual({
      name: 'NoSuchBucket',
      status: 404,
    });
    // (A name ending --x-s3 never reaches the store: the SDK takes it for a directory bucket.)
    for (const Bucket of ['Not_Valid', 'xn--reserved', 'two..dots', '10.0.0.1']) {
      expect(await failureOf(lake.s3.send(new CreateBucketCommand({ Bucket })))).toEqual({
        name: 'InvalidBucketName',
        status: 400,
      });
    }
  });
});
