import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The deployable bundle, built by this project's `build` target (the test target depends on it). */
const BUNDLE = fileURLToPath(new URL('../../../dist/apps/silver-lambda/index.mjs', import.meta.url));

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
  Object.assign(process.env, localS3Environment(lake.store));
});

afterAll(async () => {
  await lake.close();
});

describe('the silver Lambda bundle', () => {
  it('is one ESM file that exports handler and runs on a real S3 event', async () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(0);
    const { handler } = (await import(BUNDLE)) as { handler: (event: unknown, context?: unknown) => Promise<{ results: Array<{ outputKeys: string[] }> }> };
    const event = await lake.put('bronze/bundle check.csv', bronzeFixtureBytes('missing-id.csv'));
    const report = await handler(event);
    expect(report.results.map((r) => r.outputKeys)).toEqual([['silver/bundle check.csv', 'quarantine/bundle check.csv', 'silver/_manifests/bundle check.csv.json']]);
    expect(await lake.text('silver/bundle check.csv')).toBe(
      'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n331,Eve,Ghana,Active,Africa\n332,Fay,Nepal,Active,Asia\n',
    );
  });
});
