import { PutObjectCommand, S3Client, UploadPartCommand, CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../../src/testing';
import { failureOf } from './sdk-results';

describe('request bodies: digests checked as they stream in', () => {
  let lake: TestLake;
  let defaults: S3Client;
  beforeAll(async () => {
    lake = await startTestLake();
    defaults = new S3Client({
      endpoint: lake.store.endpoint,
      region: 'us-east-1',
      credentials: lake.store.credentials,
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    defaults.destroy();
    await lake.close();
  });

  it('accepts a matching Content-MD5 and refuses another with BadDigest, storing nothing', async () => {
    const body = 'checked bytes';
    const md5 = createHash('md5').update(body).digest('base64');
    await lake.s3.send(
      new PutObjectCommand({ Bucket: lake.bucket, Key: 'digest/md5.txt', Body: body, ContentMD5: md5 }),
    );
    expect(await lake.text('digest/md5.txt')).toBe(body);
    const other = createHash('md5').update('other').digest('base64');
    expect(
      await failureOf(
        lake.s3.send(
          new PutObjectCommand({ Bucket: lake.bucket, Key: 'digest/bad-md5.txt', Body: body, ContentMD5: other }),
        ),
      ),
    ).toEqual({ name: 'BadDigest', status: 400 });
    expect(
      await failureOf(
        lake.s3.send(
          new PutObjectCommand({ Bucket: lake.bucket, Key: 'digest/bad-md5.txt', Body: body, ContentMD5: 'short' }),
        ),
      ),
    ).toEqual({ name: 'InvalidDigest', status: 400 });
    expect(await lake.text('digest/bad-md5.txt')).toBeUndefined();
  });

  it('checks x-amz-checksum-crc32, -sha1 and -sha256 headers the client gives', async () => {
    const body = Buffer.from('checksummed bytes');
    const sha256 = createHash('sha256').update(body).digest('base64');
    await lake.s3.send(
      new PutObjectCommand({ Bucket: lake.bucket, Key: 'digest/sha256.txt', Body: body, ChecksumSHA256: sha256 }),
    );
    await lake.s3.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: 'digest/sha1.txt',
        Body: body,
        ChecksumSHA1: createHash('sha1').update(body).digest('base64'),
      }),
    );
    expect([await lake.text('digest/sha256.txt'), await lake.text('digest/sha1.txt')]).toEqual([
      'checksummed bytes',
      'checksummed bytes',
    ]);
    const wrong = createHash('sha256').update('other').digest('base64');
    expect(
      await failureOf(
        lake.s3.send(
          new PutObjectCommand({ Bucket: lake.bucket, Key: 'digest/bad.txt', Body: body, ChecksumSHA256: wrong }),
        ),
      ),
    ).toEqual({ name: 'BadDigest', status: 400 });
    expect(
      await failureOf(
        lake.s3.send(
          new PutObjectCommand({ Bucket: lake.bucket, Key: 'digest/bad.txt', Body: body, ChecksumCRC32: 'AAAAAA==' }),
        ),
      ),
    ).toEqual({ name: 'BadDigest', status: 400 });
    expect(await lake.text('digest/bad.txt')).toBeUndefined();
  });

  it('stores nothing for a body cut short by the client (the connection closes before Content-Length bytes)', async () => {
    await new Promise<void>((resolve) => {
      const put = request(`${lake.store.endpoint}/${lake.bucket}/digest/cut.txt`, {
        method: 'PUT',
        headers: { 'content-length': '1000' },
      });
      put.on('error', () => resolve());
      put.write(Buffer.alloc(500, 'x'), () => setTimeout(() => put.destroy(), 50));
    });
    // Let the server see the connection close.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lake.text('digest/cut.txt')).toBeUndefined();
    expect(await lake.keys('digest/')).not.toContain('digest/cut.txt');
  });

  it('checks the part checksum of an UploadPart the SDK computes by default', async () => {
    const { UploadId } = await defaults.send(
      new CreateMultipartUploadCommand({ Bucket: lake.bucket, Key: 'digest/part.bin' }),
    );
    const part = await defaults.send(
      new UploadPartCommand({
        Bucket: lake.bucket,
        Key: 'digest/part.bin',
        UploadId,
        PartNumber: 1,
        Body: Buffer.from('part bytes'),
      }),
    );
    expect(part.ETag).toBe(`"${createHash('md5').update('part bytes').digest('hex')}"`);
    const refused = defaults.send(
      new UploadPartCommand({
        Bucket: lake.bucket,
        Key: 'digest/part.bin',
        UploadId,
        PartNumber: 2,
        Body: Buffer.from('part bytes'),
        ChecksumCRC32: 'AAAAAA==',
      }),
    );
    expect(await failureOf(refused)).toEqual({ name: 'BadDigest', status: 400 });
  });
});
