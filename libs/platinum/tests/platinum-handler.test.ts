import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatinumAggregator, platinumLayer, type PlatinumResult } from '../src';

const HEADER = 'Customer ID,Customer Name,Note\n';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<PlatinumResult>>;

beforeEach(async () => {
  await lake?.close();
  lake = await startTestLake();
  handler = createLayerHandler(platinumLayer, { s3: lake.s3 });
});

afterAll(async () => {
  await lake.close();
});

describe('platinum aggregator', () => {
  it('passes every row through under the first header, and refuses another header', () => {
    const aggregator = new PlatinumAggregator();
    expect(aggregator.toRecords()).toEqual([]);
    expect(aggregator.startObject(['ID', 'Note'])).toBe(true);
    aggregator.addRow(['1', 'a']);
    expect(aggregator.startObject(['ID', 'Other'])).toBe(false);
    expect(aggregator.startObject(['ID', 'Note'])).toBe(true);
    aggregator.addRow(['2', 'b']);
    expect(aggregator.toRecords()).toEqual([['ID', 'Note'], ['1', 'a'], ['2', 'b']]);
  });
});

describe('platinum handler', () => {
  it('recomputes platinum/platinum.csv from every input object in key order, rows unchanged, header once', async () => {
    const event = await lake.put('silver/_manifests/b.json', `${HEADER}003,Cy,"two\nlines"\n`);
    await lake.put('silver/_manifests/a.json', `${HEADER}001,Ada,"Hello, world"\n002,Bo,"She said ""hi"""\n`);
    await lake.put('silver/_manifests/other-header.json', 'Something,Else\nx,y\n');
    await lake.put('silver/_manifests/empty.json', '');
    await lake.put('silver/_manifests/not-an-input.txt', `${HEADER}999,Zed,ignored\n`);
    const report = await handler(event);
    expect(report.results).toEqual([{ outputKey: 'platinum/platinum.csv', inputObjects: 2, skippedObjects: 2, rows: 3 }]);
    const table = `${HEADER}001,Ada,"Hello, world"\n002,Bo,"She said ""hi"""\n003,Cy,"two\nlines"\n`;
    expect(await lake.text('platinum/platinum.csv')).toBe(table);
    await handler(event);
    expect(await lake.text('platinum/platinum.csv')).toBe(table);
  });

  it('recomputes without a removed input object, down to an empty table', async () => {
    const removal = (key: string) => buildS3NotificationEvent({ eventName: 'ObjectRemoved:Delete', eventTime: '2026-11-30T00:00:00.000Z', bucket: lake.bucket, key, size: 0, eTag: '', sequencer: 'FF' });
    await lake.put('silver/_manifests/a.json', `${HEADER}001,Ada,x\n`);
    await handler(await lake.put('silver/_manifests/b.json', `${HEADER}002,Bo,y\n`));
    expect(await lake.text('platinum/platinum.csv')).toBe(`${HEADER}001,Ada,x\n002,Bo,y\n`);
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver/_manifests/b.json' }));
    expect((await handler(removal('silver/_manifests/b.json'))).results).toEqual([{ outputKey: 'platinum/platinum.csv', inputObjects: 1, skippedObjects: 0, rows: 1 }]);
    expect(await lake.text('platinum/platinum.csv')).toBe(`${HEADER}001,Ada,x\n`);
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver/_manifests/a.json' }));
    expect((await handler(removal('silver/_manifests/a.json'))).results).toEqual([{ outputKey: 'platinum/platinum.csv', inputObjects: 0, skippedObjects: 0, rows: 0 }]);
    expect(await lake.text('platinum/platinum.csv')).toBe('');
  });
});
