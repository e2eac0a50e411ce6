import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The deployable bundle, built by this project's `build` target (the test target depends on it). */
const BUNDLE = fileURLToPath(new URL('../../../dist/apps/platinum-lambda/index.mjs', import.meta.url));

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
  Object.assign(process.env, localS3Environment(lake.store));
});

afterAll(async () => {
  await lake.close();
});

describe('the platinum Lambda bundle', () => {
  it("is one ESM file that exports handler and recomputes platinum on a silver manifest's real EventBridge event", async () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(0);
    const { handler } = (await import(BUNDLE)) as { handler: (event: unknown, context?: unknown) => Promise<unknown> };
    const body =
      'Customer Id,Country,Subscription Status,Region\n001,Peru,Active,South America\n002,Peru,Inactive,South America\n003,Chile,Active,South America\n';
    const event = await commitSilverTable(lake, 'one', body, { shape: 'eventbridge' });
    await handler(event);
    expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(
      'Region,Customers,Subscribed Customers,Subscription Rate\nSouth America,3,2,66.7\n',
    );
  });
});
