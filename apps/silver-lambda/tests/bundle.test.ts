import { localS3Environment } from '@medallion/local-s3';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLayerHandler } from '@medallion/layer-runtime';
import { createSilverLayer } from '@medallion/silver';
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
    const { handler } = (await import(BUNDLE)) as {
      handler: (event: unknown, context?: unknown) => Promise<{ results: Array<{ outputKeys: string[] }> }>;
    };
    const event = await lake.put('bronze/bundle check.csv', bronzeFixtureBytes('missing-id.csv'));
    const report = await handler(event);
    expect(report.results.map((r) => r.outputKeys)).toEqual([
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
    const { handler } = (await import(BUNDLE)) as { handler: (event: unknown) => Promise<unknown> };
    await expect(handler({ not: 'an S3 event' })).rejects.toMatchObject({ name: 'UnsupportedEventError' });
    process.env['MEDALLION_MAX_QUARANTINED_PERCENT'] = '10%';
    try {
      const event = await lake.put('bronze/bad setting.csv', bronzeFixtureBytes('missing-id.csv'));
      await expect(handler(event)).rejects.toMatchObject({ name: 'InvalidSettingError' });
    } finally {
      delete process.env['MEDALLION_MAX_QUARANTINED_PERCENT'];
    }
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
    const { handler } = (await import(BUNDLE)) as {
      handler: (event: unknown) => Promise<{ results: Array<{ counts: { silverRows: number } }> }>;
    };
    process.env['MEDALLION_WORKER_THREADS'] = '2';
    try {
      const report = await handler(await lake.put('bronze/threads/big.csv', bytes));
      expect(report.results[0]!.counts.silverRows).toBe(50_000);
    } finally {
      delete process.env['MEDALLION_WORKER_THREADS'];
    }
    const inline = createLayerHandler(createSilverLayer({ threads: 0 }), { s3: lake.s3 });
    await inline(await lake.put('bronze/inline/big.csv', bytes));
    const silver = await lake.text('silver/threads/big.csv');
    expect(silver).toBe(await lake.text('silver/inline/big.csv'));
    expect(silver!.split('\n')[2]).toBe(`1,"Name 1, Jr.",Japan,Active,${'x'.repeat(150)},Asia`);
  });
});
