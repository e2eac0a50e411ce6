import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetImmutableReads } from '../src/testing';
import { HEADER, regionsLayer } from './regions-layer';

let lake: TestLake;

beforeEach(async () => {
  lake = await startTestLake();
  forgetImmutableReads();
});

afterEach(async () => {
  await lake.close();
});

const commit = (name: string, rows: string, second: number, customerTable = true) =>
  commitSilverTable(lake, name, `${HEADER}${rows}`, {
    eventTime: `2026-11-29T12:00:${String(second).padStart(2, '0')}.000Z`,
    sequencer: String(second).padStart(4, '0'),
    customerTable,
  });

describe('a table its manifest names is gone (removed by hand, or a lake damaged)', () => {
  it('fails a rebuild with the missing customer table and its manifest named, writes nothing, and says how to repair it', async () => {
    const handler = createLayerHandler(regionsLayer(), { s3: lake.s3 });
    await commit('a', '1,A,Chile,Active,South America\n', 1);
    await handler(await commit('b', '2,B,Japan,Active,Asia\n', 2));
    const before = await lake.text('regions/counts.csv');
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver-customers/a.parquet' }));
    forgetImmutableReads();
    // A new version of b is a replaced commit: the rebuild must read a's table again.
    const replaced = await commit('b', '2,B,Japan,Cancelled,Asia\n', 3);
    await expect(handler(replaced)).rejects.toThrow(
      'regions: the checkpoint could not be brought up to date in 5 attempts (the last: customer table silver-customers/a.parquet is not the one its manifest ' +
        'silver/_manifests/a.csv.json names (rewritten or removed since); the recompute starts over); the next invocation tries again. ' +
        'A table that stays missing or different from its manifest is repaired by uploading its bronze object again',
    );
    expect(await lake.text('regions/counts.csv')).toBe(before);
  });

  it('names the missing wide silver table of a lake written before customer tables', async () => {
    const handler = createLayerHandler(regionsLayer(), { s3: lake.s3 });
    await commit('old', '1,A,Chile,Active,South America\n', 1, false);
    await handler(await commit('b', '2,B,Japan,Active,Asia\n', 2));
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver/old.csv' }));
    await expect(handler(await commit('b', '2,B,Japan,Cancelled,Asia\n', 3))).rejects.toThrow(
      "(the last: silver table silver/old.csv that its manifest names no longer exists (removed since); silver's retry or a new upload of its bronze object rewrites both)",
    );
  });
});

describe('outputs deleted or overwritten since (by hand, or an invocation that stopped between its writes)', () => {
  it('a redelivered event rewrites a deleted or overwritten table, and a missing manifest, with the same bytes, reading no customer table', async () => {
    const handler = createLayerHandler(regionsLayer(), { s3: lake.s3 });
    await commit('a', '1,A,Chile,Active,South America\n', 1);
    const event = await commit('b', '2,B,Japan,Cancelled,Asia\n', 2);
    await handler(event);
    const table = await lake.text('regions/counts.csv');
    const manifest = await lake.text('regions/_manifests/counts.json');
    expect(table).toBe('Region,Customers,Subscribed\nAsia,1,0\nSouth America,1,1\n');
    // Untouched outputs: the event is covered.
    expect((await handler(event)).results[0]).toMatchObject({ action: 'covered' });

    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'regions/counts.csv', Body: 'garbage' }));
    expect((await handler(event)).results[0]).toMatchObject({ action: 'unchanged', readCommits: 0 });
    expect(await lake.text('regions/counts.csv')).toBe(table);

    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'regions/counts.csv' }));
    expect((await handler(event)).results[0]).toMatchObject({ action: 'unchanged', readCommits: 0 });
    expect(await lake.text('regions/counts.csv')).toBe(table);

    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'regions/_manifests/counts.json' }));
    expect((await handler(event)).results[0]).toMatchObject({ action: 'unchanged', readCommits: 0 });
    expect(await lake.text('regions/_manifests/counts.json')).toBe(manifest);
    expect((await handler(event)).results[0]).toMatchObject({ action: 'covered' });
  });
});
