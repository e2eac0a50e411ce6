import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startLocalS3, type LocalObjectChange } from '../src';

describe('startLocalS3', () => {
  it('serves the SDK on a free port and reports puts and multipart uploads once visible', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'medallion-local-s3-'));
    const store = await startLocalS3({ directory, buckets: ['lake'] });
    const changes: LocalObjectChange[] = [];
    store.onObjectChange((c) => changes.push(c));
    const s3 = store.createClient();
    try {
      expect(store.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'bronze/a b.csv', Body: 'abc' }));
      const big = Buffer.alloc(9 * 1024 * 1024, 'x');
      await new Upload({ client: s3, params: { Bucket: 'lake', Key: 'bronze/big.csv', Body: Readable.from([big]) }, partSize: 8 * 1024 * 1024 }).done();
      expect(changes).toEqual([
        { eventName: 'ObjectCreated:Put', bucket: 'lake', key: 'bronze/a b.csv', size: 3, eTag: '900150983cd24fb0d6963f7d28e17f72' },
        { eventName: 'ObjectCreated:CompleteMultipartUpload', bucket: 'lake', key: 'bronze/big.csv', size: big.byteLength, eTag: expect.stringMatching(/^[0-9a-f]{32}/) },
      ]);
    } finally {
      s3.destroy();
      await store.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
