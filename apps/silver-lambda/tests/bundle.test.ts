import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLayerHandler } from '@medallion/layer-runtime';
import { bundleNodeVersion, invokeBundle, LAMBDA_NODE_MAJOR } from '@medallion/layer-runtime/testing';
import { createSilverLayer } from '@medallion/silver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The deployable bundle, built by this project's `build` target (the test target depends on it). */
const BUNDLE = fileURLToPath(new URL('../../../dist/apps/silver-lambda/index.mjs', import.meta.url));

/** The Node.js the bundle runs on here: Lambda's (24) wherever `npm ci` installed its binary. */
const NODE = bundleNodeVersion();

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

type SilverReport = { results: Array<{ outputKeys: string[]; counts: { silverRows: number } }> };

describe(`the silver Lambda bundle on Node ${NODE} (Lambda: nodejs${LAMBDA_NODE_MAJOR}.x)`, () => {
  it('is one ESM file that exports handler and runs on a real S3 event', async () => {
    expect(statSync(BUNDLE).size).toBeGreaterThan(0);
    const event = await lake.put('bronze/bundle check.csv', bronzeFixtureBytes('missing-id.csv'));
    const [answer] = await invokeBundle<SilverReport>(BUNDLE, [event], localS3Environment(lake.store));
    expect(answer!.node).toBe(NODE);
    expect(answer).toMatchObject({ response: { layer: 'silver', results: 1, skipped: 0 } });
    expect('result' in answer! && answer.result.results.map((r) => r.outputKeys)).toEqual([
      [
        'silver/bundle check.csv',
        'silver-customers/bundle check.parquet',
        'quarantine/bundle check.csv',
        'silver/_manifests/bundle check.csv.json',
      ],
    ]);
    expect(await lake.text('silver/bundle check.csv')).toBe(
      'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n331,Eve,Ghana,Active,Africa\n332,Fay,Nepal,Active,Asia\n',
    );
  });

  it('keeps error class names in the minified bundle (keepNames), so a failure names its class', async () => {
    const [notAnEvent] = await invokeBundle(BUNDLE, [{ not: 'an S3 event' }], localS3Environment(lake.store));
    const event = await lake.put('bronze/bad setting.csv', bronzeFixtureBytes('missing-id.csv'));
    const [badSetting] = await invokeBundle(BUNDLE, [event], {
      ...localS3Environment(lake.store),
      MEDALLION_MAX_QUARANTINED_PERCENT: '10%',
    });
    expect([notAnEvent, badSetting].map((answer) => ('error' in answer! ? answer.error.name : 'no error'))).toEqual([
      'UnsupportedEventError',
      'InvalidSettingError',
    ]);
  });

  it('runs a 9 MB object on two worker threads that load the bundle itself, with the same bytes as inline', async () => {
    const rows = Array.from(
      { length: 50_000 },
      (_, i) =>
        `${i},"Name ${i}, Jr.",${['Brazil', 'Japan', 'Kenya', 'Atlantis'][i % 4]},${i % 3 ? 'Active' : 'Inactive'},${'x'.repeat(150)}`,
    );
    const bytes = Buffer.from(
      `Customer ID,Customer Name,Customer Country,Subscription Status,Note\n${rows.join('\n')}\n`,
    );
    expect(bytes.byteLength).toBeGreaterThan(8 * 1024 * 1024);
    const [answer] = await invokeBundle<SilverReport>(BUNDLE, [await lake.put('bronze/threads/big.csv', bytes)], {
      ...localS3Environment(lake.store),
      MEDALLION_WORKER_THREADS: '2',
    });
    expect(answer!.node).toBe(NODE);
    expect(answer).not.toHaveProperty('error');
    expect('result' in answer! && answer.result.results[0]!.counts.silverRows).toBe(50_000);
    const inline = createLayerHandler(createSilverLayer({ threads: 0 }), { s3: lake.s3 });
    await inline(await lake.put('bronze/inline/big.csv', bytes));
    const silver = await lake.text('silver/threads/big.csv');
    expect(silver).toBe(await lake.text('silver/inline/big.csv'));
    expect(silver!.split('\n')[2]).toBe(`1,"Name 1, Jr.",Japan,Active,${'x'.repeat(150)},Asia`);
  });
});
