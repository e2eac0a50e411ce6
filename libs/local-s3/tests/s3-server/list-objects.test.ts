import {
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../../src/testing';
import { failureOf, md5ETag } from './sdk-results';

/** The keys of `page.Contents`. */
const keysOf = (page: ListObjectsV2CommandOutput): string[] => (page.Contents ?? []).map((item) => item.Key ?? '');

/** The object keys in S3's listing order: the binary order of their UTF-8 bytes. */
const utf8Sorted = (keys: readonly string[]): string[] =>
  [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('ListObjectsV2 and ListObjects of the embedded store', () => {
  let lake: TestLake;
  /** 1,003 keys under many/, in three "folders". */
  const many = Array.from(
    { length: 1003 },
    (_, i) => `many/${['x', 'y', 'z'][i % 3]}/${String(i).padStart(4, '0')}.csv`,
  );
  const odd = [
    'odd/a b.csv',
    'odd/a+b.csv',
    'odd/a&b<c>.csv',
    'odd/\uFF5E wide',
    'odd/😀 emoji',
    'odd/é',
    'odd/e',
    'odd/Z',
    'odd/quote"\'.csv',
  ];
  beforeAll(async () => {
    lake = await startTestLake();
    for (let i = 0; i < many.length; i += 50)
      await Promise.all(
        many
          .slice(i, i + 50)
          .map((key) => lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: key }))),
      );
    for (const key of odd) await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: 'abc' }));
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'top.txt', Body: 'top' }));
  });
  afterAll(async () => {
    await lake.close();
  });
  const list = (input: {
    Prefix?: string;
    Delimiter?: string;
    MaxKeys?: number;
    StartAfter?: string;
    ContinuationToken?: string;
  }) => lake.s3.send(new ListObjectsV2Command({ Bucket: lake.bucket, ...input }));

  it('lists every key under a prefix with its size, ETag, last-modified and storage class', async () => {
    const page = await list({ Prefix: 'odd/' });
    expect(keysOf(page)).toEqual(utf8Sorted(odd));
    expect([page.KeyCount, page.IsTruncated, page.NextContinuationToken, page.MaxKeys, page.Prefix]).toEqual([
      odd.length,
      false,
      undefined,
      1000,
      'odd/',
    ]);
    const [first] = page.Contents ?? [];
    expect([first?.Size, first?.ETag, first?.StorageClass]).toEqual([3, md5ETag('abc'), 'STANDARD']);
    expect(Math.abs((first?.LastModified?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('orders keys by their UTF-8 bytes (U+FF5E before an emoji, unlike UTF-16 order) and XML-escapes them', async () => {
    const keys = keysOf(await list({ Prefix: 'odd/' }));
    expect(keys.indexOf('odd/\uFF5E wide')).toBeLessThan(keys.indexOf('odd/😀 emoji'));
    expect(keys.slice(0, 6)).toEqual([
      'odd/Z',
      'odd/a b.csv',
      'odd/a&b<c>.csv',
      'odd/a+b.csv',
      'odd/e',
      'odd/quote"\'.csv',
    ]);
  });

  it('rolls keys up into common prefixes with a delimiter, counting each as one entry', async () => {
    const top = await list({ Delimiter: '/' });
    expect([keysOf(top), top.CommonPrefixes?.map((p) => p.Prefix), top.KeyCount]).toEqual([
      ['top.txt'],
      ['many/', 'odd/'],
      3,
    ]);
    const folders = await list({ Prefix: 'many/', Delimiter: '/', MaxKeys: 2 });
    expect([folders.CommonPrefixes?.map((p) => p.Prefix), folders.KeyCount, folders.IsTruncated]).toEqual([
      ['many/x/', 'many/y/'],
      2,
      true,
    ]);
    const rest = await list({
      Prefix: 'many/',
      Delimiter: '/',
      MaxKeys: 2,
      ContinuationToken: folders.NextContinuationToken,
    });
    expect([rest.CommonPrefixes?.map((p) => p.Prefix), keysOf(rest), rest.IsTruncated]).toEqual([
      ['many/z/'],
      [],
      false,
    ]);
  });

  it('pages through 1,003 keys with max-keys 1000 and continuation tokens, each key once and in order', async () => {
    const first = await list({ Prefix: 'many/' });
    expect([first.KeyCount, first.IsTruncated, typeof first.NextContinuationToken]).toEqual([1000, true, 'string']);
    const second = await list({ Prefix: 'many/', ContinuationToken: first.NextContinuationToken });
    expect([second.KeyCount, second.IsTruncated, second.ContinuationToken]).toEqual([
      3,
      false,
      first.NextContinuationToken,
    ]);
    expect([...keysOf(first), ...keysOf(second)]).toEqual(utf8Sorted(many));
    expect(await lake.keys('many/')).toEqual(utf8Sorted(many));
  });

  it('starts after a key (start-after), whether or not it exists', async () => {
    const sorted = utf8Sorted(many);
    expect(keysOf(await list({ Prefix: 'many/', StartAfter: sorted[997], MaxKeys: 3 }))).toEqual(
      sorted.slice(998, 1001),
    );
    expect(keysOf(await list({ Prefix: 'many/', StartAfter: 'many/y/0', MaxKeys: 1 }))).toEqual(['many/y/0001.csv']);
    expect(keysOf(await list({ StartAfter: 'odd/😀 emoji' }))).toEqual(['top.txt']);
  });

  it('returns an empty listing for a prefix without keys, and refuses a forged continuation token', async () => {
    const empty = await list({ Prefix: 'nothing/' });
    expect([empty.KeyCount, empty.Contents, empty.IsTruncated]).toEqual([0, undefined, false]);
    expect(await failureOf(list({ ContinuationToken: 'not a token!' }))).toEqual({
      name: 'InvalidArgument',
      status: 400,
    });
  });

  it('answers ListObjects (version 1) with markers, and NextMarker when a delimiter is given', async () => {
    const sorted = utf8Sorted(many);
    const first = await lake.s3.send(
      new ListObjectsCommand({ Bucket: lake.bucket, Prefix: 'many/', MaxKeys: 2, Marker: sorted[10] }),
    );
    expect([(first.Contents ?? []).map((item) => item.Key), first.IsTruncated, first.NextMarker]).toEqual([
      sorted.slice(11, 13),
      true,
      undefined,
    ]);
    const folders = await lake.s3.send(
      new ListObjectsCommand({ Bucket: lake.bucket, Prefix: 'many/', Delimiter: '/', MaxKeys: 1 }),
    );
    expect([folders.CommonPrefixes?.map((p) => p.Prefix), folders.NextMarker]).toEqual([['many/x/'], 'many/x/']);
    const next = await lake.s3.send(
      new ListObjectsCommand({
        Bucket: lake.bucket,
        Prefix: 'many/',
        Delimiter: '/',
        MaxKeys: 5,
        Marker: folders.NextMarker,
      }),
    );
    expect([next.CommonPrefixes?.map((p) => p.Prefix), next.IsTruncated]).toEqual([['many/y/', 'many/z/'], false]);
  });
});
