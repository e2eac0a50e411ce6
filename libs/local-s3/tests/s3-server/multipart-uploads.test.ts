import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect } from 'vitest';
import type { TestLake } from '../../src/testing';
import { lakeTest as it } from './lake-fixture';
import { failureOf } from './sdk-results';

const MiB = 1024 * 1024;

/** Bytes that differ at every position (a misplaced part changes them). */
function patterned(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + seed + (i >> 12)) & 0xff;
  return bytes;
}

/** S3's ETag of a multipart object: MD5 of the parts' binary MD5s, then `-<parts>`. */
function multipartETag(parts: readonly Buffer[]): string {
  const digests = parts.map((part) => createHash('md5').update(part).digest());
  return `"${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${parts.length}"`;
}

describe('multipart uploads of the embedded store', () => {
  const create = async (
    lake: TestLake,
    Key: string,
    extra: { ContentType?: string; Metadata?: Record<string, string> } = {},
  ): Promise<string> =>
    (await lake.s3.send(new CreateMultipartUploadCommand({ Bucket: lake.bucket, Key, ...extra }))).UploadId ?? '';
  const uploadPart = async (
    lake: TestLake,
    Key: string,
    UploadId: string,
    PartNumber: number,
    Body: Buffer,
  ): Promise<string> =>
    (await lake.s3.send(new UploadPartCommand({ Bucket: lake.bucket, Key, UploadId, PartNumber, Body }))).ETag ?? '';

  it('assembles parts in part-number order into one object with S3 multipart ETag, type and metadata', async ({
    lake,
    changes,
  }) => {
    const parts = [patterned(5 * MiB, 1), patterned(5 * MiB + 3, 2), patterned(1234, 3)];
    const uploadId = await create(lake, 'mp/object.bin', {
      ContentType: 'application/x-test',
      Metadata: { layer: 'silver' },
    });
    // Uploaded out of order, listed in order.
    const eTags = [
      await uploadPart(lake, 'mp/object.bin', uploadId, 3, parts[2]!),
      await uploadPart(lake, 'mp/object.bin', uploadId, 1, parts[0]!),
      await uploadPart(lake, 'mp/object.bin', uploadId, 2, parts[1]!),
    ];
    expect(eTags).toEqual([2, 0, 1].map((i) => `"${createHash('md5').update(parts[i]!).digest('hex')}"`));
    const listed = await lake.s3.send(
      new ListPartsCommand({ Bucket: lake.bucket, Key: 'mp/object.bin', UploadId: uploadId }),
    );
    expect(listed.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 5 * MiB],
      [2, 5 * MiB + 3],
      [3, 1234],
    ]);
    changes.length = 0;
    const completed = await lake.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: lake.bucket,
        Key: 'mp/object.bin',
        UploadId: uploadId,
        MultipartUpload: { Parts: [1, 2, 3].map((n) => ({ PartNumber: n, ETag: eTags[[1, 2, 0][n - 1]!] })) },
      }),
    );
    expect(completed.ETag).toBe(multipartETag(parts));
    const whole = Buffer.concat(parts);
    expect(Buffer.from((await lake.bytes('mp/object.bin'))!).equals(whole)).toBe(true);
    const head = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'mp/object.bin' }));
    expect([head.ETag, head.ContentLength, head.ContentType, head.Metadata]).toEqual([
      multipartETag(parts),
      whole.length,
      'application/x-test',
      { layer: 'silver' },
    ]);
    expect(changes).toEqual([
      {
        eventName: 'ObjectCreated:CompleteMultipartUpload',
        bucket: lake.bucket,
        key: 'mp/object.bin',
        size: whole.length,
        eTag: multipartETag(parts).replace(/"/g, ''),
      },
    ]);
  });

  it('round-trips a 9+ MB stream through @aws-sdk/lib-storage byte-identical', async ({ lake }) => {
    const body = patterned(9 * MiB + 321, 9);
    const result = await new Upload({
      client: lake.s3,
      params: {
        Bucket: lake.bucket,
        Key: 'mp/lib-storage.bin',
        Body: Readable.from([body.subarray(0, 4 * MiB), body.subarray(4 * MiB)]),
      },
      partSize: 5 * MiB,
    }).done();
    expect(result.ETag).toBe(multipartETag([body.subarray(0, 5 * MiB), body.subarray(5 * MiB)]));
    expect(Buffer.from((await lake.bytes('mp/lib-storage.bin'))!).equals(body)).toBe(true);
  });

  it('refuses a parts list out of order, an unknown part or ETag, and a part under 5 MiB but the last', async ({
    lake,
  }) => {
    const uploadId = await create(lake, 'mp/refused.bin');
    const small = await uploadPart(lake, 'mp/refused.bin', uploadId, 1, patterned(100, 4));
    const big = await uploadPart(lake, 'mp/refused.bin', uploadId, 2, patterned(5 * MiB, 5));
    const complete = (Parts: Array<{ PartNumber: number; ETag: string }>) =>
      lake.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: lake.bucket,
          Key: 'mp/refused.bin',
          UploadId: uploadId,
          MultipartUpload: { Parts },
        }),
      );
    expect(
      await failureOf(
        complete([
          { PartNumber: 2, ETag: big },
          { PartNumber: 1, ETag: small },
        ]),
      ),
    ).toEqual({ name: 'InvalidPartOrder', status: 400 });
    expect(
      await failureOf(
        complete([
          { PartNumber: 1, ETag: small },
          { PartNumber: 3, ETag: big },
        ]),
      ),
    ).toEqual({ name: 'InvalidPart', status: 400 });
    expect(await failureOf(complete([{ PartNumber: 1, ETag: big }]))).toEqual({ name: 'InvalidPart', status: 400 });
    expect(
      await failureOf(
        complete([
          { PartNumber: 1, ETag: small },
          { PartNumber: 2, ETag: big },
        ]),
      ),
    ).toEqual({ name: 'EntityTooSmall', status: 400 });
    expect(await lake.text('mp/refused.bin')).toBeUndefined();
    // The upload survives refusals: a single small part is a valid (last) part.
    await complete([{ PartNumber: 1, ETag: small }]);
    expect(Buffer.from((await lake.bytes('mp/refused.bin'))!).equals(patterned(100, 4))).toBe(true);
  });

  it('checks If-None-Match and If-Match on CompleteMultipartUpload against the key', async ({ lake }) => {
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'mp/conditional.bin', Body: 'existing' }));
    const uploadId = await create(lake, 'mp/conditional.bin');
    const eTag = await uploadPart(lake, 'mp/conditional.bin', uploadId, 1, Buffer.from('replacement'));
    const complete = (condition: { IfNoneMatch?: string; IfMatch?: string }) =>
      lake.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: lake.bucket,
          Key: 'mp/conditional.bin',
          UploadId: uploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: eTag }] },
          ...condition,
        }),
      );
    expect(await failureOf(complete({ IfNoneMatch: '*' }))).toEqual({ name: 'PreconditionFailed', status: 412 });
    expect(await failureOf(complete({ IfMatch: '"00000000000000000000000000000000"' }))).toEqual({
      name: 'PreconditionFailed',
      status: 412,
    });
    expect(await lake.text('mp/conditional.bin')).toBe('existing');
    await complete({ IfMatch: `"${createHash('md5').update('existing').digest('hex')}"` });
    expect(await lake.text('mp/conditional.bin')).toBe('replacement');
  });

  it('aborts an upload: no object, and its id is no longer known (NoSuchUpload)', async ({ lake }) => {
    const uploadId = await create(lake, 'mp/aborted.bin');
    await uploadPart(lake, 'mp/aborted.bin', uploadId, 1, Buffer.from('part'));
    await lake.s3.send(
      new AbortMultipartUploadCommand({ Bucket: lake.bucket, Key: 'mp/aborted.bin', UploadId: uploadId }),
    );
    expect(await failureOf(uploadPart(lake, 'mp/aborted.bin', uploadId, 2, Buffer.from('late')))).toEqual({
      name: 'NoSuchUpload',
      status: 404,
    });
    expect(
      await failureOf(
        lake.s3.send(new ListPartsCommand({ Bucket: lake.bucket, Key: 'mp/aborted.bin', UploadId: uploadId })),
      ),
    ).toEqual({ name: 'NoSuchUpload', status: 404 });
    expect(await lake.text('mp/aborted.bin')).toBeUndefined();
  });
});
