import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { putObject } from '@medallion/s3-io';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readImmutable } from '../src/immutable-reads';
import { forgetImmutableReads } from '../src/testing';

let lake: TestLake;
/** GetObject requests sent, by key. */
const gets: string[] = [];

beforeAll(async () => {
  lake = await startTestLake();
  lake.s3.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetObjectCommand') gets.push(String((args.input as { Key?: string }).Key));
      return next(args);
    },
    { step: 'initialize', name: 'recordGets' },
  );
});

beforeEach(() => {
  forgetImmutableReads();
  gets.length = 0;
});

afterAll(async () => {
  await lake.close();
});

const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

describe('readImmutable', () => {
  it('reads one version once: concurrent and later reads of the same ETag share one GetObject', async () => {
    const { eTag } = await putObject(
      lake.s3,
      { bucket: lake.bucket, key: 'm/a.json', contentType: 'application/json' },
      '{"a":1}',
    );
    const [first, second] = await Promise.all([
      readImmutable(lake.s3, lake.bucket, 'm/a.json', { eTag }),
      readImmutable(lake.s3, lake.bucket, 'm/a.json', { eTag }),
    ]);
    const third = await readImmutable(lake.s3, lake.bucket, 'm/a.json', { eTag });
    expect([text(first?.bytes), text(second?.bytes), text(third?.bytes)]).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(gets).toEqual(['m/a.json']);
  });

  it('does not keep a read whose ETag is not the one asked for (the object changed since it was listed), nor a missing object', async () => {
    const { eTag: old } = await putObject(
      lake.s3,
      { bucket: lake.bucket, key: 'm/b.json', contentType: 'application/json' },
      '{"v":1}',
    );
    const { eTag: current } = await putObject(
      lake.s3,
      { bucket: lake.bucket, key: 'm/b.json', contentType: 'application/json' },
      '{"v":2}',
    );
    expect(text((await readImmutable(lake.s3, lake.bucket, 'm/b.json', { eTag: old }))?.bytes)).toBe('{"v":2}');
    expect(text((await readImmutable(lake.s3, lake.bucket, 'm/b.json', { eTag: old }))?.bytes)).toBe('{"v":2}');
    expect(text((await readImmutable(lake.s3, lake.bucket, 'm/b.json', { eTag: current }))?.bytes)).toBe('{"v":2}');
    expect(text((await readImmutable(lake.s3, lake.bucket, 'm/b.json', { eTag: current }))?.bytes)).toBe('{"v":2}');
    expect(await readImmutable(lake.s3, lake.bucket, 'm/none.json', { eTag: old })).toBeUndefined();
    expect(await readImmutable(lake.s3, lake.bucket, 'm/none.json', { eTag: old })).toBeUndefined();
    expect(gets).toEqual(['m/b.json', 'm/b.json', 'm/b.json', 'm/none.json', 'm/none.json']);
  });
});
