import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleNodeVersion, invokeBundle, LAMBDA_NODE_MAJOR } from '@medallion/layer-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The deployable bundle, built by this project's `build` target (the test target depends on it). */
const BUNDLE = fileURLToPath(new URL('../../../dist/apps/platinum-lambda/index.mjs', import.meta.url));

/** The Node.js the bundle runs on here: Lambda's (24) wherever `npm ci` installed its binary. */
const NODE = bundleNodeVersion();

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

describe(`the platinum Lambda bundle on Node ${NODE} (Lambda: nodejs${LAMBDA_NODE_MAJOR}.x)`, () => {
  it("is one ESM file that exports handler and recomputes platinum on a silver manifest's real EventBridge event", async () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(0);
    const body =
      'Customer Id,Country,Subscription Status,Region\n001,Peru,Active,South America\n002,Peru,Inactive,South America\n003,Chile,Active,South America\n';
    const event = await commitSilverTable(lake, 'one', body, { shape: 'eventbridge' });
    const [answer] = await invokeBundle(BUNDLE, [event], localS3Environment(lake.store));
    expect(answer).toMatchObject({ node: NODE, response: { layer: 'platinum', results: 1 } });
    expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(
      'Region,Customers,Subscribed Customers,Subscription Rate\nSouth America,3,2,66.7\n',
    );
  });
});
