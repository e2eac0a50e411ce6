import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { bronzeFixtureBytes } from '@medallion/schemas/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silverLayer } from '../src';
import { hookFirst, staleReason } from './silver-commit-checks';

let lake: TestLake;

beforeEach(async () => {
  lake = await startTestLake();
});

afterEach(async () => {
  await lake.close();
});

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';

describe('silver when events for one key run at the same time (as on AWS)', () => {
  it('does not commit a version whose bronze object was deleted while it was processed', async () => {
    const slow = lake.store.createClient();
    const creation = await lake.put('bronze/race.csv', bronzeFixtureBytes('bom-crlf.csv'));
    hookFirst(slow, 'PutObjectCommand', 'silver/race.csv', async () => {
      await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'bronze/race.csv' }));
      const removal = buildS3NotificationEvent({
        eventName: 'ObjectRemoved:Delete',
        eventTime: '2026-11-29T18:00:00.000Z',
        bucket: lake.bucket,
        key: 'bronze/race.csv',
        size: 0,
        eTag: '',
        sequencer: 'FFFFFFFFFFFFFFFFFF',
      });
      await createLayerHandler(silverLayer, { s3: lake.s3 })(removal);
    });
    const report = await createLayerHandler(silverLayer, { s3: slow })(creation);
    expect(report.results.map(staleReason)[0]).toBe('the bronze object was deleted while it was being processed');
    expect(await lake.keys('silver/')).toEqual([]);
    slow.destroy();
  });

  it('an older version finishing after a newer one committed neither commits nor leaves its rows in silver', async () => {
    const slow = lake.store.createClient();
    const older = await lake.put('bronze/k.csv', bronzeFixtureBytes('missing-id.csv'));
    let newer: unknown;
    hookFirst(slow, 'PutObjectCommand', 'silver/k.csv', async () => {
      newer = await lake.put('bronze/k.csv', bronzeFixtureBytes('leading-zero-ids.csv'));
      await createLayerHandler(silverLayer, { s3: lake.s3 })(newer);
    });
    const report = await createLayerHandler(silverLayer, { s3: slow })(older);
    const newerSequencer = (newer as { Records: Array<{ s3: { object: { sequencer: string } } }> }).Records[0]!.s3
      .object.sequencer;
    // The newer version committed first: the older one's conditional manifest write fails on it.
    expect(report.results.map(staleReason)[0]).toBe(
      `a newer event (sequencer ${newerSequencer}) was committed while this one was being processed`,
    );
    expect(JSON.parse((await lake.text('silver/_manifests/k.csv.json'))!).source.sequencer).toBe(newerSequencer);
    expect(await lake.text('silver/k.csv')).toBe(
      `${HEADER}01,Ida,USA,Active,North America\n0002,Jo,Canada,Active,North America\n00003,Kim,Mexico,Active,North America\n`,
    );
    expect(await lake.text('quarantine/k.csv')).toBeUndefined();
    slow.destroy();
  });

  it('a quarantine upload that fails on a new version keeps the committed manifest, fails the invocation, and the retry commits', async () => {
    const v1 = (await lake.put('bronze/q.csv', bronzeFixtureBytes('bom-crlf.csv'))) as {
      Records: Array<{ s3: { object: { eTag: string } } }>;
    };
    await createLayerHandler(silverLayer, { s3: lake.s3 })(v1);
    const failing = lake.store.createClient();
    failing.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutObjectCommand' && (args.input as { Key?: string }).Key === 'quarantine/q.csv')
          throw Object.assign(new Error('boom'), { name: 'InternalError', $metadata: { httpStatusCode: 500 } });
        return next(args);
      },
      { step: 'initialize', name: 'failQuarantine' },
    );
    const event = await lake.put('bronze/q.csv', bronzeFixtureBytes('missing-id.csv'));
    await expect(createLayerHandler(silverLayer, { s3: failing })(event)).rejects.toThrow('boom');
    expect(JSON.parse((await lake.text('silver/_manifests/q.csv.json'))!).source.eTag).toBe(
      v1.Records[0]!.s3.object.eTag,
    );
    failing.destroy();
    await createLayerHandler(silverLayer, { s3: lake.s3 })(event);
    const manifest = JSON.parse((await lake.text('silver/_manifests/q.csv.json'))!);
    expect(manifest.counts).toMatchObject({ silverRows: 2, quarantinedRows: 2 });
    expect(await lake.text('silver/q.csv')).toBe(`${HEADER}331,Eve,Ghana,Active,Africa\n332,Fay,Nepal,Active,Asia\n`);
    expect(await lake.text('quarantine/q.csv')).toContain('customer-id-present');
  });
  it('a later event committed between the checks and the commit (the same bytes uploaded again) fails the conditional manifest write: the earlier one is stale', async () => {
    const slow = lake.store.createClient();
    const earlier = await lake.put('bronze/same.csv', bronzeFixtureBytes('bom-crlf.csv'));
    let later: unknown;
    hookFirst(slow, 'PutObjectCommand', 'silver/_manifests/same.csv.json', async () => {
      later = await lake.put('bronze/same.csv', bronzeFixtureBytes('bom-crlf.csv'));
      expect(
        (await createLayerHandler(silverLayer, { s3: lake.s3 })(later)).results.map(staleReason)[0],
      ).toBeUndefined();
    });
    const report = await createLayerHandler(silverLayer, { s3: slow })(earlier);
    const laterSequencer = (later as { Records: Array<{ s3: { object: { sequencer: string } } }> }).Records[0]!.s3
      .object.sequencer;
    expect(report.results.map(staleReason)[0]).toBe(
      `a newer event (sequencer ${laterSequencer}) was committed while this one was being processed`,
    );
    expect(JSON.parse((await lake.text('silver/_manifests/same.csv.json'))!).source.sequencer).toBe(laterSequencer);
    slow.destroy();
  });

  it('an earlier event that commits while a later one is committing is written over: the later one commits, conditionally on the earlier manifest', async () => {
    const slow = lake.store.createClient();
    const earlier = await lake.put('bronze/pair.csv', bronzeFixtureBytes('missing-id.csv'));
    const later = await lake.put('bronze/pair.csv', bronzeFixtureBytes('missing-id.csv'));
    hookFirst(slow, 'PutObjectCommand', 'silver/_manifests/pair.csv.json', async () => {
      expect(
        (await createLayerHandler(silverLayer, { s3: lake.s3 })(earlier)).results.map(staleReason)[0],
      ).toBeUndefined();
    });
    const manifestWrites: string[] = [];
    slow.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: string; IfMatch?: string; IfNoneMatch?: string };
        if (context.commandName === 'PutObjectCommand' && input.Key === 'silver/_manifests/pair.csv.json')
          manifestWrites.push(input.IfMatch ? 'If-Match' : `If-None-Match ${input.IfNoneMatch}`);
        return next(args);
      },
      { step: 'initialize', name: 'recordManifestWrites' },
    );
    const report = await createLayerHandler(silverLayer, { s3: slow })(later);
    expect(report.results[0]).toMatchObject({ kind: 'processed', counts: { silverRows: 2, quarantinedRows: 2 } });
    expect(manifestWrites).toEqual(['If-None-Match *', 'If-Match']);
    const laterSequencer = (later as { Records: Array<{ s3: { object: { sequencer: string } } }> }).Records[0]!.s3
      .object.sequencer;
    expect(JSON.parse((await lake.text('silver/_manifests/pair.csv.json'))!).source.sequencer).toBe(laterSequencer);
    expect(await lake.text('quarantine/pair.csv')).toContain('customer-id-present');
    slow.destroy();
  });
});
