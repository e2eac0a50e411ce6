import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleNodeVersion, invokeBundle, LAMBDA_NODE_MAJOR } from '@medallion/layer-runtime/testing';
import { createGoldLayer } from '@medallion/gold';
import { createLayerHandler } from '@medallion/layer-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The deployable bundle, built by this project's `build` target (the test target depends on it). */
const BUNDLE = fileURLToPath(new URL('../../../dist/apps/gold-lambda/index.mjs', import.meta.url));

/** The Node.js the bundle runs on here: Lambda's (24) wherever `npm ci` installed its binary. */
const NODE = bundleNodeVersion();

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

describe(`the gold Lambda bundle on Node ${NODE} (Lambda: nodejs${LAMBDA_NODE_MAJOR}.x)`, () => {
  it("is one ESM file that exports handler and recomputes gold on a silver manifest's real EventBridge event", async () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(0);
    const body =
      'Customer Id,Country,Subscription Status,Region\n001,Peru,Active,South America\n002,Peru,Inactive,South America\n';
    const event = await commitSilverTable(lake, 'one', body, { shape: 'eventbridge' });
    const [answer] = await invokeBundle(BUNDLE, [event], localS3Environment(lake.store));
    expect(answer).toMatchObject({ node: NODE, response: { layer: 'gold', results: 1 } });
    expect(await lake.text('gold/customers_by_region.csv')).toBe(
      'Region,Subscribed Customers,Customer IDs\nSouth America,1,[001]\n',
    );
  });

  it('reads a 2 MB silver table on two worker threads that load the bundle itself, with the same gold as inline', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `${String(i % 7000).padStart(5, '0')},Someone ${i},${i % 4 ? 'Active' : 'Cancelled'},${['Europe', 'Asia', 'Africa'][i % 3]},${'x'.repeat(60)}`,
    );
    const body = `Customer Id,Name,Subscription Status,Region,Note\n${rows.join('\n')}\n`;
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const event = await commitSilverTable(lake, 'big', body, {
      eventTime: '2026-11-29T13:00:00.000Z',
      sequencer: '02',
    });
    const [answer] = await invokeBundle(BUNDLE, [event], {
      ...localS3Environment(lake.store),
      MEDALLION_WORKER_THREADS: '2',
    });
    expect(answer).toMatchObject({ node: NODE, response: { layer: 'gold', results: 1 } });
    const threaded = await lake.text('gold/customers_by_region.csv');
    await createLayerHandler(createGoldLayer({ threads: 0 }), { s3: lake.s3 })(event);
    expect(threaded).toBe(await lake.text('gold/customers_by_region.csv'));
    expect(threaded!.split('\n').map((line) => line.split(',')[0])).toEqual([
      'Region',
      'Africa',
      'Asia',
      'Europe',
      'South America',
      '',
    ]);
  });
});
