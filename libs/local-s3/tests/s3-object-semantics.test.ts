import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLake, type TestLake } from '../src/testing';

/** A PutObject through the SDK, optionally conditional; the ETag written (without quotes). */
async function putObject(
  lake: TestLake,
  key: string,
  body: string,
  condition: { IfMatch?: string; IfNoneMatch?: string } = {},
): Promise<string> {
  const written = await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body, ...condition }));
  return (written.ETag ?? '').replace(/"/g, '');
}

const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

describe('object semantics of the embedded store: conditional writes and whole-version reads', () => {
  let lake: TestLake;
  beforeAll(async () => {
    lake = await startTestLake();
  });
  afterAll(async () => {
    await lake.close();
  });

  it('writes with If-None-Match: * only while the key is absent (412 after)', async () => {
    expect(await putObject(lake, 'c/new.txt', 'one', { IfNoneMatch: '*' })).toBe('f97c5d29941bfb1b2fdab0874906ab82');
    const refused = await putObject(lake, 'c/new.txt', 'two', { IfNoneMatch: '*' }).catch((error: unknown) => error);
    expect([(refused as Error).name, statusOf(refused)]).toEqual(['PreconditionFailed', 412]);
    expect(await lake.text('c/new.txt')).toBe('one');
  });

  it('writes with If-Match only over the ETag given: 412 for another, 404 for a missing key', async () => {
    const first = await putObject(lake, 'c/cas.txt', 'v1');
    const second = await putObject(lake, 'c/cas.txt', 'v2', { IfMatch: `"${first}"` });
    expect(await lake.text('c/cas.txt')).toBe('v2');
    const stale = await putObject(lake, 'c/cas.txt', 'v3', { IfMatch: `"${first}"` }).catch((error: unknown) => error);
    expect([(stale as Error).name, statusOf(stale)]).toEqual(['PreconditionFailed', 412]);
    const missing = await putObject(lake, 'c/none.txt', 'v1', { IfMatch: `"${second}"` }).catch(
      (error: unknown) => error,
    );
    expect([(missing as Error).name, statusOf(missing)]).toEqual(['NoSuchKey', 404]);
    expect(await lake.text('c/cas.txt')).toBe('v2');
  });

  it('deletes with If-Match only the object of the ETag given: 412 for another, 404 for a missing key (S3 conditional delete)', async () => {
    const first = await putObject(lake, 'c/del.txt', 'v1');
    const second = await putObject(lake, 'c/del.txt', 'v2');
    const stale = await lake.s3
      .send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'c/del.txt', IfMatch: `"${first}"` }))
      .catch((error: unknown) => error);
    expect([(stale as Error).name, statusOf(stale)]).toEqual(['PreconditionFailed', 412]);
    expect(await lake.text('c/del.txt')).toBe('v2');
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'c/del.txt', IfMatch: `"${second}"` }));
    expect(await lake.text('c/del.txt')).toBeUndefined();
    const missing = await lake.s3
      .send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'c/del.txt', IfMatch: `"${second}"` }))
      .catch((error: unknown) => error);
    expect([(missing as Error).name, statusOf(missing)]).toEqual(['NoSuchKey', 404]);
  });

  it('lets exactly one of 12 writers racing on one ETag win, the others told (compare-and-swap)', async () => {
    const base = await putObject(lake, 'c/race.txt', 'base');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => putObject(lake, 'c/race.txt', `writer ${i}`, { IfMatch: `"${base}"` })),
    );
    const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome.status === 'rejected' && statusOf(outcome.reason) === 412),
    ).toHaveLength(11);
    const body = await (
      await lake.s3.send(new GetObjectCommand({ Bucket: 'medallion-lake', Key: 'c/race.txt' }))
    ).Body!.transformToString();
    expect(body).toBe(`writer ${winners[0]}`);
  });

  it('never lets a read see a write of the same key half done: each GET gets one whole version, with its own ETag', async () => {
    const bodies = ['a', 'b', 'c', 'd'].map((letter) => letter.repeat(2 * 1024 * 1024));
    const eTagOf = new Map(bodies.map((body) => [createHash('md5').update(body).digest('hex'), body.length]));
    await putObject(lake, 'c/big.txt', bodies[0]!);
    const writes = bodies.map((body) => putObject(lake, 'c/big.txt', body));
    const reads = Array.from({ length: 12 }, async () => {
      const response = await lake.s3.send(new GetObjectCommand({ Bucket: lake.bucket, Key: 'c/big.txt' }));
      const body = await response.Body!.transformToString();
      return { eTag: (response.ETag ?? '').replace(/"/g, ''), body };
    });
    await Promise.all(writes);
    for (const { eTag, body } of await Promise.all(reads)) {
      expect(eTagOf.get(eTag)).toBe(body.length);
      expect(createHash('md5').update(body).digest('hex')).toBe(eTag);
    }
  });

  it('leaves writes without a condition as they were', async () => {
    await putObject(lake, 'c/plain.txt', 'a');
    await putObject(lake, 'c/plain.txt', 'b');
    expect(await lake.text('c/plain.txt')).toBe('b');
  });
});
