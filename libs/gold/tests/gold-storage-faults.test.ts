import { createLayerHandler } from '@medallion/layer-runtime';
import { injectS3Faults, startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goldLayer } from '../src';
import { forgetImmutableReads } from '@medallion/silver-aggregate/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';

let lake: TestLake;

beforeEach(async () => {
  lake = await startTestLake();
  // Reads kept from an earlier test (same bytes, same ETag) would spare the faulted reads.
  forgetImmutableReads();
});

afterEach(async () => {
  await lake.close();
});

function commit(name: string, body: string, sequencer: string): Promise<unknown> {
  return commitSilverTable(lake, name, body, { eventTime: `2026-11-29T12:00:0${sequencer}.000Z`, sequencer });
}

describe('gold under storage faults', () => {
  it('surfaces a persistent read failure (so Lambda retries), keeps the previous gold, and a re-run completes', async () => {
    const handler = createLayerHandler(goldLayer, { s3: lake.s3 });
    await handler(await commit('a', 'Customer ID,Country,Region\n1,Chile,South America\n', '1'));
    const before = await lake.text('gold/customers_by_region.csv');
    const event = await commit('b', 'Customer ID,Country,Region\n2,Japan,Asia\n', '2');
    const faults = injectS3Faults(lake.s3, [
      {
        command: 'GetObjectCommand',
        key: (key) => key === 'silver-customers/b.parquet',
        kind: 'internal-error',
        times: Infinity,
      },
    ]);
    await expect(handler(event)).rejects.toMatchObject({ name: 'InternalError' });
    faults.remove();
    expect(faults.injected['GetObjectCommand']).toBe(3);
    expect(await lake.text('gold/customers_by_region.csv')).toBe(before);
    await handler(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe(
      'Region,Subscribed Customers,Customer IDs\nAsia,1,[2]\nSouth America,1,[1]\n',
    );
  });

  it('retries a throttled listing page and a throttled read, and completes', async () => {
    const handler = createLayerHandler(goldLayer, { s3: lake.s3 });
    const event = await commit('a', 'Customer ID,Country,Region\n1,Chile,South America\n', '1');
    const faults = injectS3Faults(lake.s3, [
      { command: 'ListObjectsV2Command', kind: 'slow-down', times: 1 },
      { command: 'GetObjectCommand', key: (key) => key === 'silver-customers/a.parquet', kind: 'slow-down', times: 2 },
    ]);
    await handler(event);
    faults.remove();
    expect(faults.injected).toEqual({ ListObjectsV2Command: 1, GetObjectCommand: 2 });
    expect(await lake.text('gold/customers_by_region.csv')).toBe(
      'Region,Subscribed Customers,Customer IDs\nSouth America,1,[1]\n',
    );
  });
});
