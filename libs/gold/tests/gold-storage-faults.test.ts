import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler } from '@medallion/layer-runtime';
import { injectS3Faults, startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goldLayer } from '../src';

let lake: TestLake;

beforeEach(async () => {
  lake = await startTestLake();
});

afterEach(async () => {
  await lake.close();
});

async function commit(name: string, body: string, sequencer: string): Promise<unknown> {
  const key = `silver/${name}.csv`;
  const stored = await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body }));
  const manifest = {
    layer: 'silver',
    codeVersion: 'test',
    source: { key: `bronze/${name}.csv`, eTag: 'b', eventTime: `2026-11-29T12:00:0${sequencer}.000Z`, sequencer },
    encoding: 'utf-8',
    outcome: 'processed',
    counts: { dataRecords: 1, silverRows: 1, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures: {} },
    outputs: { silver: { key, eTag: (stored.ETag ?? '').replace(/"/g, '') } },
  };
  return lake.put(`silver/_manifests/${name}.csv.json`, JSON.stringify(manifest));
}

describe('gold under storage faults', () => {
  it('surfaces a persistent read failure (so Lambda retries), keeps the previous gold, and a re-run completes', async () => {
    const handler = createLayerHandler(goldLayer, { s3: lake.s3 });
    await handler(await commit('a', 'Customer ID,Country,Region\n1,Chile,South America\n', '1'));
    const before = await lake.text('gold/customers_by_region.csv');
    const event = await commit('b', 'Customer ID,Country,Region\n2,Japan,Asia\n', '2');
    const faults = injectS3Faults(lake.s3, [{ command: 'GetObjectCommand', key: (key) => key === 'silver/b.csv', kind: 'internal-error', times: Infinity }]);
    await expect(handler(event)).rejects.toMatchObject({ name: 'InternalError' });
    faults.remove();
    expect(faults.injected['GetObjectCommand']).toBe(3);
    expect(await lake.text('gold/customers_by_region.csv')).toBe(before);
    await handler(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe('Region,Subscribed Customers,Customer IDs\nAsia,1,[2]\nSouth America,1,[1]\n');
  });

  it('retries a throttled listing page and a throttled read, and completes', async () => {
    const handler = createLayerHandler(goldLayer, { s3: lake.s3 });
    const event = await commit('a', 'Customer ID,Country,Region\n1,Chile,South America\n', '1');
    const faults = injectS3Faults(lake.s3, [
      { command: 'ListObjectsV2Command', kind: 'slow-down', times: 1 },
      { command: 'GetObjectCommand', key: (key) => key === 'silver/a.csv', kind: 'slow-down', times: 2 },
    ]);
    await handler(event);
    faults.remove();
    expect(faults.injected).toEqual({ ListObjectsV2Command: 1, GetObjectCommand: 2 });
    expect(await lake.text('gold/customers_by_region.csv')).toBe('Region,Subscribed Customers,Customer IDs\nSouth America,1,[1]\n');
  });
});
