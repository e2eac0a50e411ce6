import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { localS3Environment, startLocalS3, type LocalObjectChange } from '../src';

const md5 = (bytes: string | Buffer): string => createHash('md5').update(bytes).digest('hex');

describe('startLocalS3', () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });
  const newFolder = async (): Promise<string> => {
    const folder = await mkdtemp(join(tmpdir(), 'medallion-local-s3-'));
    folders.push(folder);
    return folder;
  };

  it('serves the SDK on a free port and reports puts and multipart uploads once visible', async () => {
    const store = await startLocalS3({ directory: await newFolder(), buckets: ['lake'] });
    const changes: LocalObjectChange[] = [];
    store.onObjectChange((c) => changes.push(c));
    const s3 = store.createClient();
    try {
      expect(store.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'bronze/a b.csv', Body: 'abc' }));
      const big = Buffer.alloc(9 * 1024 * 1024, 'x');
      await new Upload({
        client: s3,
        params: { Bucket: 'lake', Key: 'bronze/big.csv', Body: Readable.from([big]) },
        partSize: 8 * 1024 * 1024,
      }).done();
      const partMd5s = Buffer.concat(
        [big.subarray(0, 8 * 1024 * 1024), big.subarray(8 * 1024 * 1024)].map((part) =>
          createHash('md5').update(part).digest(),
        ),
      );
      expect(changes).toEqual([
        {
          eventName: 'ObjectCreated:Put',
          bucket: 'lake',
          key: 'bronze/a b.csv',
          size: 3,
          eTag: '900150983cd24fb0d6963f7d28e17f72',
        },
        {
          eventName: 'ObjectCreated:CompleteMultipartUpload',
          bucket: 'lake',
          key: 'bronze/big.csv',
          size: big.byteLength,
          eTag: `${md5(partMd5s)}-2`,
        },
      ]);
    } finally {
      s3.destroy();
      await store.close();
    }
  });

  it('announces every kind of change in order, a read the announcement starts seeing it; a delete of an absent key announces nothing', async () => {
    const store = await startLocalS3({ directory: await newFolder(), buckets: ['lake'] });
    const s3 = store.createClient();
    const seen: Array<LocalObjectChange & { visible: string | undefined }> = [];
    const pending: Array<Promise<void>> = [];
    const unsubscribe = store.onObjectChange((change) => {
      // What a reader gets at the moment of the announcement.
      pending.push(
        s3
          .send(new GetObjectCommand({ Bucket: change.bucket, Key: change.key }))
          .then(async (response) => response.Body?.transformToString())
          .catch(() => undefined)
          .then((visible) => void seen.push({ ...change, visible })),
      );
    });
    try {
      await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'k/one.csv', Body: 'v1' }));
      await Promise.all(pending.splice(0));
      await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'k/one.csv', Body: 'v2' }));
      await Promise.all(pending.splice(0));
      await s3.send(new CopyObjectCommand({ Bucket: 'lake', Key: 'k/two.csv', CopySource: 'lake/k/one.csv' }));
      await Promise.all(pending.splice(0));
      await s3.send(new DeleteObjectCommand({ Bucket: 'lake', Key: 'k/one.csv' }));
      await s3.send(new DeleteObjectCommand({ Bucket: 'lake', Key: 'k/absent.csv' }));
      await s3.send(
        new DeleteObjectsCommand({
          Bucket: 'lake',
          Delete: { Objects: [{ Key: 'k/two.csv' }, { Key: 'k/absent.csv' }] },
        }),
      );
      await Promise.all(pending.splice(0));
      unsubscribe();
      await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'k/unheard.csv', Body: 'x' }));
      expect(seen).toEqual([
        { eventName: 'ObjectCreated:Put', bucket: 'lake', key: 'k/one.csv', size: 2, eTag: md5('v1'), visible: 'v1' },
        { eventName: 'ObjectCreated:Put', bucket: 'lake', key: 'k/one.csv', size: 2, eTag: md5('v2'), visible: 'v2' },
        { eventName: 'ObjectCreated:Copy', bucket: 'lake', key: 'k/two.csv', size: 2, eTag: md5('v2'), visible: 'v2' },
        { eventName: 'ObjectRemoved:Delete', bucket: 'lake', key: 'k/one.csv', size: 0, eTag: '', visible: undefined },
        { eventName: 'ObjectRemoved:Delete', bucket: 'lake', key: 'k/two.csv', size: 0, eTag: '', visible: undefined },
      ]);
    } finally {
      s3.destroy();
      await store.close();
    }
  });

  it('frees its port at once on close, even with a keep-alive connection open, and can start again on it', async () => {
    const directory = await newFolder();
    const store = await startLocalS3({ directory, buckets: ['lake'] });
    const s3 = store.createClient();
    await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'a.txt', Body: 'a' }));
    const started = performance.now();
    await store.close();
    expect(performance.now() - started).toBeLessThan(1000);
    const port = Number(new URL(store.endpoint).port);
    const again = await startLocalS3({ directory, buckets: ['lake'], port });
    const client = again.createClient();
    try {
      expect(again.endpoint).toBe(store.endpoint);
      expect(
        await (await client.send(new GetObjectCommand({ Bucket: 'lake', Key: 'a.txt' }))).Body!.transformToString(),
      ).toBe('a');
      expect(localS3Environment(again)).toEqual({
        MEDALLION_S3_ENDPOINT: store.endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
      });
    } finally {
      s3.destroy();
      client.destroy();
      await again.close();
    }
  });
});
