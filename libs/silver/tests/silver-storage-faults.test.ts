import { createLayerHandler, LayerInvocationError, type LayerInvocationReport } from '@medallion/layer-runtime';
import { injectS3Faults, startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { uploadStream } from '@medallion/s3-io';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silverLayer, type SilverResult } from '../src';
import { countsOf } from '../src/silver-result';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;

beforeEach(async () => {
  lake = await startTestLake();
  handler = createLayerHandler(silverLayer, { s3: lake.s3 });
});

afterEach(async () => {
  await lake.close();
});

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';
const MISSING_ID_SILVER = `${HEADER}331,Eve,Ghana,Active,Africa\n332,Fay,Nepal,Active,Asia\n`;
const isBronze = (key: string) => key.startsWith('bronze/');

describe('silver under storage faults', () => {
  it('retries throttling and server errors (GetObject 503 twice, PutObject 500 once) and completes', async () => {
    const event = await lake.put('bronze/f.csv', bronzeFixtureBytes('missing-id.csv'));
    const faults = injectS3Faults(lake.s3, [
      { command: 'GetObjectCommand', key: isBronze, kind: 'slow-down', times: 2 },
      { command: 'PutObjectCommand', key: (key) => key.startsWith('silver/'), kind: 'internal-error', times: 1 },
    ]);
    const report = await handler(event);
    faults.remove();
    expect(faults.injected).toEqual({ GetObjectCommand: 2, PutObjectCommand: 1 });
    expect(countsOf(report.results[0]!).silverRows).toBe(2);
    expect(await lake.text('silver/f.csv')).toBe(MISSING_ID_SILVER);
    expect(await lake.text('silver/_manifests/f.csv.json')).toContain('"outcome": "processed"');
  });

  it('retries a multipart part that failed with SlowDown and a reset connection, and stores every byte', async () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `${String(i).padStart(6, '0')},Customer Number ${i} With A Rather Long Display Name Here,Fiji,Active\n`,
    );
    const body = Buffer.from(`Customer ID,Customer Name,Customer Country,Subscription Status\n${rows.join('')}`);
    const { eTag } = await uploadStream(
      lake.s3,
      { bucket: lake.bucket, key: 'bronze/big.csv', contentType: 'text/csv' },
      Readable.from([body]),
    );
    const faults = injectS3Faults(lake.s3, [
      { command: 'UploadPartCommand', kind: 'slow-down', times: 1 },
      { command: 'UploadPartCommand', kind: 'connection-reset', times: 1 },
    ]);
    const event = buildS3NotificationEvent({
      eventName: 'ObjectCreated:CompleteMultipartUpload',
      eventTime: '2026-11-29T13:00:00.000Z',
      bucket: lake.bucket,
      key: 'bronze/big.csv',
      size: body.byteLength,
      eTag,
      sequencer: '0F',
    });
    const report = await handler(event);
    faults.remove();
    expect(faults.injected).toEqual({ UploadPartCommand: 2 });
    expect(countsOf(report.results[0]!).silverRows).toBe(100_000);
    expect((await lake.text('silver/big.csv'))?.length).toBe(
      body.byteLength + 100_000 * ',Oceania'.length + ',Region'.length,
    );
  });

  it('fails the invocation on a connection reset mid-body, leaves no silver table, and a re-run completes', async () => {
    const event = await lake.put('bronze/r.csv', bronzeFixtureBytes('missing-id.csv'));
    const faults = injectS3Faults(lake.s3, [
      { command: 'GetObjectCommand', key: isBronze, kind: 'reset-mid-body', afterBytes: 80, times: 1 },
    ]);
    const error = await handler(event).catch((e: unknown) => e);
    faults.remove();
    expect(error).toBeInstanceOf(LayerInvocationError);
    expect((error as LayerInvocationError).failures).toEqual([{ key: 'bronze/r.csv', message: 'read ECONNRESET' }]);
    expect(await lake.keys('silver/')).toEqual([]);
    expect(await lake.keys('quarantine/')).toEqual([]);
    await handler(event);
    expect(await lake.text('silver/r.csv')).toBe(MISSING_ID_SILVER);
  });

  it('fails the invocation when the manifest cannot be written, takes the uncommitted outputs back, and a re-run commits', async () => {
    const event = await lake.put('bronze/m.csv', bronzeFixtureBytes('missing-id.csv'));
    const faults = injectS3Faults(lake.s3, [
      {
        command: 'PutObjectCommand',
        key: (key) => key.startsWith('silver/_manifests/'),
        kind: 'internal-error',
        times: Infinity,
      },
    ]);
    await expect(handler(event)).rejects.toBeInstanceOf(LayerInvocationError);
    faults.remove();
    expect(faults.injected['PutObjectCommand']).toBe(3);
    expect(await lake.keys('silver/')).toEqual([]);
    expect(await lake.keys('quarantine/')).toEqual([]);
    await handler(event);
    expect(await lake.keys('silver/')).toEqual(['silver/_manifests/m.csv.json', 'silver/m.csv']);
  });
});
