import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createS3Client,
  deleteObject,
  deleteObjects,
  headObject,
  isConditionFailed,
  listObjects,
  openObject,
  putObject,
  readJsonObject,
  readObjectBytes,
  readObjectBytesUnlessMatch,
  uploadPartBytes,
  uploadStream,
} from '../src';

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

describe('createS3Client', () => {
  it('uses path style and computes checksums only when required for a custom endpoint', async () => {
    const client = createS3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await client.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
    expect(await client.config.region()).toBe('eu-west-1');
  });

  it('keeps the SDK defaults for Amazon S3', async () => {
    const client = createS3Client({ endpoint: undefined, region: 'us-east-1' });
    expect(client.config.forcePathStyle).toBe(false);
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_SUPPORTED');
  });
});

describe('object streams', () => {
  it('uploads a stream and reads back the same bytes, ETag and metadata', async () => {
    const bytes = Buffer.from('Customer ID,Country\n001,Brazil\n', 'utf8');
    const { eTag, key } = await uploadStream(
      lake.s3,
      { bucket: lake.bucket, key: 'silver/a.csv', contentType: 'text/csv', metadata: { 'bronze-sequencer': '01' } },
      Readable.from([bytes]),
    );
    expect(key).toBe('silver/a.csv');
    const opened = await openObject(lake.s3, lake.bucket, 'silver/a.csv');
    expect(await text(opened.body)).toBe(bytes.toString('utf8'));
    expect(opened).toMatchObject({ eTag, contentLength: bytes.byteLength });
    expect((await headObject(lake.s3, lake.bucket, 'silver/a.csv'))?.metadata).toEqual({ 'bronze-sequencer': '01' });
    expect(eTag).toMatch(/^[0-9a-f]{32}$/);
  });

  it('creates no object when the upload is aborted', async () => {
    const controller = new AbortController();
    const body = new Readable({ read: () => undefined });
    body.push('partial,');
    const upload = uploadStream(
      lake.s3,
      { bucket: lake.bucket, key: 'silver/aborted.csv', contentType: 'text/csv' },
      body,
      controller.signal,
    );
    controller.abort();
    await expect(upload).rejects.toThrow();
    expect(await lake.text('silver/aborted.csv')).toBeUndefined();
  });

  it('puts a small object in one request, reads JSON back and deletes it', async () => {
    await putObject(lake.s3, { bucket: lake.bucket, key: 'gold/x.csv', contentType: 'text/csv' }, 'Region\n');
    expect(await lake.text('gold/x.csv')).toBe('Region\n');
    await putObject(lake.s3, { bucket: lake.bucket, key: 'm/x.json', contentType: 'application/json' }, '{"a":[1]}');
    expect(await readJsonObject(lake.s3, lake.bucket, 'm/x.json')).toEqual({ a: [1] });
    expect(await readJsonObject(lake.s3, lake.bucket, 'm/none.json')).toBeUndefined();
    await deleteObject(lake.s3, lake.bucket, 'm/x.json');
    await deleteObject(lake.s3, lake.bucket, 'm/never-there.json');
    expect(await lake.text('m/x.json')).toBeUndefined();
  });

  it('deletes several objects in one DeleteObjects request, missing keys and duplicates included', async () => {
    for (const key of ['d/a.csv', 'd/b.csv', 'd/keep.csv'])
      await putObject(lake.s3, { bucket: lake.bucket, key, contentType: 'text/csv' }, key);
    await deleteObjects(lake.s3, lake.bucket, ['d/a.csv', 'd/b.csv', 'd/never-there.csv', 'd/a.csv']);
    expect([await lake.text('d/a.csv'), await lake.text('d/b.csv'), await lake.text('d/keep.csv')]).toEqual([
      undefined,
      undefined,
      'd/keep.csv',
    ]);
    await deleteObjects(lake.s3, lake.bucket, []);
  });

  it('throws NoSuchKey for a missing object', async () => {
    await expect(openObject(lake.s3, lake.bucket, 'nope.csv')).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});

describe('listObjects', () => {
  it('lists every object under a prefix across pages, in key order', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `page/${String(i).padStart(4, '0')}.csv`);
    for (let start = 0; start < keys.length; start += 100) {
      await Promise.all(
        keys
          .slice(start, start + 100)
          .map((key) => putObject(lake.s3, { bucket: lake.bucket, key, contentType: 'text/csv' }, 'x')),
      );
    }
    const listed = [];
    for await (const item of listObjects(lake.s3, lake.bucket, 'page/')) listed.push(item);
    expect(listed.map((item) => item.key)).toEqual(keys);
    expect(listed[0]).toEqual({ key: 'page/0000.csv', eTag: '9dd4e461268c8034f5c8564e155c67a6', size: 1 });
  }, 30_000);
});

describe('uploadPartBytes', () => {
  it('keeps 5 MiB parts up to ~43 GB, then fits the body in 9,000 parts', () => {
    expect([0, 1e9, 42e9, 100e9, 500e9].map(uploadPartBytes)).toEqual([
      5_242_880, 5_242_880, 5_242_880, 12_222_223, 61_111_112,
    ]);
  });
});

describe('conditional writes, whole reads and heads', () => {
  const write = (key: string, metadata?: Record<string, string>) => ({
    bucket: lake.bucket,
    key,
    contentType: 'text/plain',
    ...(metadata ? { metadata } : {}),
  });

  it('writes only when the condition holds, and tells a failed condition from other errors', async () => {
    const created = await putObject(lake.s3, write('cond/a.txt'), 'one', { ifNoneMatch: '*' });
    const again = await putObject(lake.s3, write('cond/a.txt'), 'two', { ifNoneMatch: '*' }).catch(
      (error: unknown) => error,
    );
    expect(isConditionFailed(again)).toBe(true);
    const replaced = await putObject(lake.s3, write('cond/a.txt'), 'two', { ifMatch: created.eTag });
    expect(
      isConditionFailed(
        await putObject(lake.s3, write('cond/a.txt'), 'three', { ifMatch: created.eTag }).catch(
          (error: unknown) => error,
        ),
      ),
    ).toBe(true);
    expect(
      isConditionFailed(
        await putObject(lake.s3, write('cond/none.txt'), 'x', { ifMatch: replaced.eTag }).catch(
          (error: unknown) => error,
        ),
      ),
    ).toBe(true);
    expect(isConditionFailed(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(false);
    expect((await readObjectBytes(lake.s3, lake.bucket, 'cond/a.txt'))?.bytes).toEqual(
      new Uint8Array(Buffer.from('two')),
    );
  });

  it('reads an object whole with its ETag and metadata, heads it, and says undefined for a missing key', async () => {
    const stored = await putObject(lake.s3, write('cond/m.txt', { 'checkpoint-generation': '7' }), 'body');
    expect(await readObjectBytes(lake.s3, lake.bucket, 'cond/m.txt')).toEqual({
      bytes: new Uint8Array(Buffer.from('body')),
      eTag: stored.eTag,
      versionId: undefined,
      metadata: { 'checkpoint-generation': '7' },
    });
    expect(await headObject(lake.s3, lake.bucket, 'cond/m.txt')).toEqual({
      eTag: stored.eTag,
      versionId: undefined,
      metadata: { 'checkpoint-generation': '7' },
    });
    expect(await readObjectBytes(lake.s3, lake.bucket, 'cond/missing.txt')).toBeUndefined();
    expect(await headObject(lake.s3, lake.bucket, 'cond/missing.txt')).toBeUndefined();
  });
});

describe('readObjectBytesUnlessMatch', () => {
  it('answers not-modified for the ETag held, and reads the object when it changed', async () => {
    const first = await putObject(
      lake.s3,
      { bucket: lake.bucket, key: 'held/a.txt', contentType: 'text/plain' },
      'one',
    );
    expect(await readObjectBytesUnlessMatch(lake.s3, lake.bucket, 'held/a.txt', first.eTag)).toBe('not-modified');
    const second = await putObject(
      lake.s3,
      { bucket: lake.bucket, key: 'held/a.txt', contentType: 'text/plain' },
      'two',
    );
    expect(await readObjectBytesUnlessMatch(lake.s3, lake.bucket, 'held/a.txt', first.eTag)).toMatchObject({
      eTag: second.eTag,
      bytes: new Uint8Array(Buffer.from('two')),
    });
    expect(await readObjectBytesUnlessMatch(lake.s3, lake.bucket, 'held/missing.txt', first.eTag)).toBeUndefined();
  });
});
