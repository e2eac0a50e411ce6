import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { describe, expect } from 'vitest';
import type { TestLake } from '../../src/testing';
import { lakeTest as it } from './lake-fixture';
import { failureOf, md5ETag } from './sdk-results';

describe('object requests of the embedded store', () => {
  const get = (lake: TestLake, Key: string, options: { Range?: string; IfMatch?: string; IfNoneMatch?: string } = {}) =>
    lake.s3.send(new GetObjectCommand({ Bucket: lake.bucket, Key, ...options }));

  it('round-trips bytes, ETag, content type, user metadata and stored headers through PutObject, GetObject and HeadObject', async ({
    lake,
  }) => {
    const body = Buffer.from('Customer ID,Name\n001,Zoë\n', 'utf8');
    const put = await lake.s3.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: 'a/round trip.csv',
        Body: body,
        ContentType: 'text/csv',
        CacheControl: 'no-cache',
        ContentDisposition: 'attachment',
        Metadata: { 'Source-File': 'x.csv', rows: '1' },
      }),
    );
    expect(put.ETag).toBe(md5ETag(body));
    const got = await get(lake, 'a/round trip.csv');
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    const head = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'a/round trip.csv' }));
    for (const response of [got, head]) {
      expect([
        response.ETag,
        response.ContentLength,
        response.ContentType,
        response.CacheControl,
        response.ContentDisposition,
        response.Metadata,
      ]).toEqual([
        md5ETag(body),
        body.length,
        'text/csv',
        'no-cache',
        'attachment',
        { 'source-file': 'x.csv', rows: '1' },
      ]);
      expect(Math.abs(response.LastModified!.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('stores an empty object (a folder placeholder) and serves it with an empty body', async ({ lake }) => {
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'a/empty/', Body: '' }));
    const got = await get(lake, 'a/empty/');
    expect([got.ContentLength, got.ETag, (await got.Body!.transformToByteArray()).length]).toEqual([
      0,
      '"d41d8cd98f00b204e9800998ecf8427e"',
      0,
    ]);
  });

  it('answers a missing key with NoSuchKey (GET) and NotFound without a body (HEAD), both 404; a missing bucket with NoSuchBucket', async ({
    lake,
  }) => {
    expect(await failureOf(get(lake, 'a/missing'))).toEqual({ name: 'NoSuchKey', status: 404 });
    expect(await failureOf(lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'a/missing' })))).toEqual({
      name: 'NotFound',
      status: 404,
    });
    expect(await failureOf(lake.s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'a' })))).toEqual({
      name: 'NoSuchBucket',
      status: 404,
    });
  });

  it('serves byte ranges (a-b, a-, -n) with 206 and Content-Range, and refuses a range past the end with 416', async ({
    lake,
  }) => {
    const body = '0123456789abcdefghij';
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'a/range.txt', Body: body }));
    const cases: Array<[string, string, string]> = [
      ['bytes=2-5', '2345', 'bytes 2-5/20'],
      ['bytes=15-', 'fghij', 'bytes 15-19/20'],
      ['bytes=-3', 'hij', 'bytes 17-19/20'],
      ['bytes=18-400', 'ij', 'bytes 18-19/20'],
    ];
    for (const [range, text, contentRange] of cases) {
      const response = await get(lake, 'a/range.txt', { Range: range });
      expect([
        response.$metadata.httpStatusCode,
        await response.Body!.transformToString(),
        response.ContentRange,
        response.ContentLength,
      ]).toEqual([206, text, contentRange, text.length]);
    }
    expect(await failureOf(get(lake, 'a/range.txt', { Range: 'bytes=20-' }))).toEqual({
      name: 'InvalidRange',
      status: 416,
    });
  });

  it('streams a large object whole and in ranges, byte-identical', async ({ lake }) => {
    const body = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + (i >> 9)) & 0xff;
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'a/large.bin', Body: body }));
    expect(Buffer.from(await (await get(lake, 'a/large.bin')).Body!.transformToByteArray()).equals(body)).toBe(true);
    const middle = await get(lake, 'a/large.bin', { Range: 'bytes=1000000-2999999' });
    expect(Buffer.from(await middle.Body!.transformToByteArray()).equals(body.subarray(1_000_000, 3_000_000))).toBe(
      true,
    );
  });

  it('honours If-Match (412) and If-None-Match (304) on GetObject', async ({ lake }) => {
    const { ETag } = await lake.s3.send(
      new PutObjectCommand({ Bucket: lake.bucket, Key: 'a/conditional-read.txt', Body: 'v1' }),
    );
    expect(await (await get(lake, 'a/conditional-read.txt', { IfMatch: ETag })).Body!.transformToString()).toBe('v1');
    expect(await failureOf(get(lake, 'a/conditional-read.txt', { IfMatch: '"0123"' }))).toEqual({
      name: 'PreconditionFailed',
      status: 412,
    });
    expect((await failureOf(get(lake, 'a/conditional-read.txt', { IfNoneMatch: ETag }))).status).toBe(304);
  });

  it('deletes with 204 whether or not the key exists, and announces only the deletion of an existing object', async ({
    lake,
    changes,
  }) => {
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'a/doomed.txt', Body: 'x' }));
    changes.length = 0;
    const first = await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'a/doomed.txt' }));
    const second = await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'a/doomed.txt' }));
    expect([first.$metadata.httpStatusCode, second.$metadata.httpStatusCode]).toEqual([204, 204]);
    expect(changes).toEqual([
      { eventName: 'ObjectRemoved:Delete', bucket: lake.bucket, key: 'a/doomed.txt', size: 0, eTag: '' },
    ]);
    expect(await lake.text('a/doomed.txt')).toBeUndefined();
  });

  it('copies an object with its metadata (COPY) or new metadata (REPLACE), announcing ObjectCreated:Copy with the ETag', async ({
    lake,
    changes,
  }) => {
    await lake.s3.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: 'a/source é.txt',
        Body: 'copied bytes',
        ContentType: 'text/plain',
        Metadata: { origin: 'source' },
      }),
    );
    changes.length = 0;
    const copied = await lake.s3.send(
      new CopyObjectCommand({
        Bucket: lake.bucket,
        Key: 'a/copy.txt',
        CopySource: `${lake.bucket}/${encodeURIComponent('a/source é.txt')}`,
      }),
    );
    expect(copied.CopyObjectResult?.ETag).toBe(md5ETag('copied bytes'));
    const replaced = await lake.s3.send(
      new CopyObjectCommand({
        Bucket: lake.bucket,
        Key: 'a/replaced.txt',
        CopySource: `${lake.bucket}/a/source%20%C3%A9.txt`,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/csv',
        Metadata: { origin: 'replaced' },
      }),
    );
    expect(replaced.CopyObjectResult?.ETag).toBe(md5ETag('copied bytes'));
    const copy = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'a/copy.txt' }));
    const replacement = await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'a/replaced.txt' }));
    expect([copy.ContentType, copy.Metadata, replacement.ContentType, replacement.Metadata]).toEqual([
      'text/plain',
      { origin: 'source' },
      'text/csv',
      { origin: 'replaced' },
    ]);
    expect(await lake.text('a/replaced.txt')).toBe('copied bytes');
    const eTag = md5ETag('copied bytes').replace(/"/g, '');
    expect(changes).toEqual([
      { eventName: 'ObjectCreated:Copy', bucket: lake.bucket, key: 'a/copy.txt', size: 12, eTag },
      { eventName: 'ObjectCreated:Copy', bucket: lake.bucket, key: 'a/replaced.txt', size: 12, eTag },
    ]);
    expect(
      await failureOf(
        lake.s3.send(
          new CopyObjectCommand({ Bucket: lake.bucket, Key: 'a/copy.txt', CopySource: `${lake.bucket}/a/copy.txt` }),
        ),
      ),
    ).toEqual({ name: 'InvalidRequest', status: 400 });
    expect(
      await failureOf(
        lake.s3.send(
          new CopyObjectCommand({ Bucket: lake.bucket, Key: 'a/x.txt', CopySource: `${lake.bucket}/a/none.txt` }),
        ),
      ),
    ).toEqual({ name: 'NoSuchKey', status: 404 });
  });

  it('stores keys of up to 1,024 bytes (segments of any length) and refuses longer ones with KeyTooLongError', async ({
    lake,
  }) => {
    const long = `b/${'k'.repeat(995)}/${'é'.repeat(10)}.csv`;
    expect(Buffer.byteLength(long)).toBe(1022);
    const longest = `c/${'x'.repeat(1022)}`;
    for (const key of [long, longest]) {
      await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: key }));
      expect(await lake.text(key)).toBe(key);
    }
    expect(await lake.keys('b/')).toEqual([long]);
    expect(
      await failureOf(lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: `${longest}y`, Body: 'x' }))),
    ).toEqual({ name: 'KeyTooLongError', status: 400 });
  });

  it('keeps keys with spaces, +, &, %, <, quotes, unicode and dot segments as given', async ({ lake }) => {
    const keys = [
      'd/a b+c&d=e%20f.csv',
      'd/<tag> "q" \'a\'.txt',
      'd/naïve/日本語/😀.csv',
      'd/../up.txt',
      'd/./dot/./x',
      'd//double',
    ];
    for (const key of keys)
      await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: `body of ${key}` }));
    for (const key of keys) expect(await lake.text(key)).toBe(`body of ${key}`);
    expect(await lake.keys('d/')).toEqual([...keys].sort());
  });
});
