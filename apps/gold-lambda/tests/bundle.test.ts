import { PutObjectCommand } from '@aws-sdk/client-s3';
import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The deployable bundle, built by this project's `build` target (the test target depends on it). */
const BUNDLE = fileURLToPath(new URL('../../../dist/apps/gold-lambda/index.mjs', import.meta.url));

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
  Object.assign(process.env, localS3Environment(lake.store));
});

afterAll(async () => {
  await lake.close();
});

describe('the gold Lambda bundle', () => {
  it("is one ESM file that exports handler and recomputes gold on a silver manifest's real EventBridge event", async () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(0);
    const { handler } = (await import(BUNDLE)) as { handler: (event: unknown, context?: unknown) => Promise<unknown> };
    const body = 'Customer Id,Country,Subscription Status,Region\n001,Peru,Active,South America\n002,Peru,Inactive,South America\n';
    const stored = await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'silver/one.csv', Body: body }));
    const manifest = {
      layer: 'silver',
      codeVersion: 'test',
      source: { key: 'bronze/one.csv', eTag: 'b', eventTime: '2026-11-29T12:00:00.000Z', sequencer: '01' },
      encoding: 'utf-8',
      outcome: 'processed',
      counts: { dataRecords: 2, silverRows: 2, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures: {} },
      outputs: { silver: { key: 'silver/one.csv', eTag: (stored.ETag ?? '').replace(/"/g, '') } },
    };
    const event = await lake.put('silver/_manifests/one.csv.json', JSON.stringify(manifest), { shape: 'eventbridge' });
    await handler(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe('Region,Subscribed Customers,Customer IDs\nSouth America,1,[001]\n');
  });
});
