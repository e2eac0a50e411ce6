import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { goldLayer, type GoldResult } from '../src';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<GoldResult>>;

beforeEach(async () => {
  await lake?.close();
  lake = await startTestLake();
  handler = createLayerHandler(goldLayer, { s3: lake.s3 });
});

afterAll(async () => {
  await lake.close();
});

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';
/** Commits a silver table as silver does: the table, then its manifest; returns the manifest's real event. */
function commitSilver(name: string, body: string, eventTime: string, sequencer: string, outcome: 'processed' | 'rejected' = 'processed'): Promise<unknown> {
  return commitSilverTable(lake, name, body, { eventTime, sequencer, outcome });
}

describe('gold handler', () => {
  it('recomputes gold from all committed silver, the later bronze event winning across files, and writes its manifest', async () => {
    // The newer file sorts first by key, so listing order is not ingest order.
    const event = await commitSilver('a-second', `${HEADER}060,Quan,Brazil,Active,South America\n061,Wen,United Kingdom,Cancelled,Europe\n`, '2026-11-29T12:00:02.000Z', '02');
    await commitSilver('z-first', `${HEADER}060,Quan,Germany,Active,Europe\n061,Wen,United Kingdom,Active,Europe\n062,Ola,Norway,Active,Europe\n`, '2026-11-29T12:00:01.000Z', '01');
    const report = await handler(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe('Region,Subscribed Customers,Customer IDs\nEurope,1,[062]\nSouth America,1,[060]\n');
    expect(report.results).toEqual([
      {
        goldKey: 'gold/customers_by_region.csv',
        silverObjects: 2,
        skippedObjects: 0,
        silverRows: 5,
        customers: 3,
        rows: [
          { region: 'Europe', subscribedCustomers: 1, customerIds: ['062'] },
          { region: 'South America', subscribedCustomers: 1, customerIds: ['060'] },
        ],
      },
    ]);
    const manifest = JSON.parse((await lake.text('gold/_manifests/customers_by_region.json'))!);
    expect(manifest).toMatchObject({
      layer: 'gold',
      codeVersion: 'local',
      counts: { silverObjects: 2, silverRows: 5, customers: 3, regions: 2 },
      output: { key: 'gold/customers_by_region.csv', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expect(manifest.sources.map((s: { key: string; manifestKey: string }) => [s.key, s.manifestKey])).toEqual([
      ['silver/a-second.csv', 'silver/_manifests/a-second.csv.json'],
      ['silver/z-first.csv', 'silver/_manifests/z-first.csv.json'],
    ]);
  });

  it('reads only committed silver: no table without a processed manifest', async () => {
    const event = await commitSilver('good', `${HEADER}1,A,Chile,Active,South America\n`, '2026-11-29T12:00:01.000Z', '01');
    await commitSilver('refused', `${HEADER}2,B,Peru,Active,South America\n`, '2026-11-29T12:00:02.000Z', '02', 'rejected');
    await lake.s3.send(new PutObjectCommand({ Bucket: lake.bucket, Key: 'silver/orphan.csv', Body: `${HEADER}3,C,Fiji,Active,Oceania\n` }));
    const report = await handler(event);
    expect(report.results[0]).toMatchObject({ silverObjects: 1, silverRows: 1, rows: [{ region: 'South America', subscribedCustomers: 1, customerIds: ['1'] }] });
  });

  it('counts a committed object that is not a silver table as skipped', async () => {
    const event = await commitSilver('good', `${HEADER}1,A,Chile,Active,South America\n`, '2026-11-29T12:00:01.000Z', '01');
    await commitSilver('stray', 'just,some,columns\n1,2,3\n', '2026-11-29T12:00:02.000Z', '02');
    expect((await handler(event)).results[0]).toMatchObject({ silverObjects: 1, skippedObjects: 1, silverRows: 1 });
  });

  it('is a pure function of silver: duplicated events give the same bytes, and one invocation recomputes once', async () => {
    const event = (await commitSilver('x', `${HEADER}1,A,France,Active,Europe\n`, '2026-11-29T12:00:01.000Z', '01')) as { Records: unknown[] };
    const report = await handler({ Records: [...event.Records, ...event.Records] });
    expect(report.results).toHaveLength(1);
    const first = await lake.text('gold/customers_by_region.csv');
    await handler(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe(first);
    expect(first).toBe('Region,Subscribed Customers,Customer IDs\nEurope,1,[1]\n');
  });

  it('ignores events outside the silver manifests (a silver table, gold) and writes nothing', async () => {
    const event = (key: string) => buildS3NotificationEvent({ eventName: 'ObjectCreated:Put', eventTime: 't', bucket: lake.bucket, key, size: 1, eTag: 'e', sequencer: '1' }).Records;
    const report = await handler({ Records: [...event('silver/x.csv'), ...event('gold/customers_by_region.csv')] });
    expect(report).toEqual({
      layer: 'gold',
      results: [],
      skipped: [
        { key: 'silver/x.csv', reason: 'outside the input prefix silver/_manifests/' },
        { key: 'gold/customers_by_region.csv', reason: 'outside the input prefix silver/_manifests/' },
      ],
    });
    expect(await lake.keys()).toEqual([]);
  });

  it('reads every page of a listing: 1,001 silver manifests', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => String(i).padStart(4, '0'));
    let last: unknown;
    for (let start = 0; start < ids.length; start += 50) {
      const events = await Promise.all(ids.slice(start, start + 50).map((id) => commitSilver(`part-${id}`, `${HEADER}${id},N,Fiji,Active,Oceania\n`, '2026-11-29T12:00:01.000Z', id)));
      last = events[events.length - 1];
    }
    const report = await handler(last);
    expect(report.results[0]).toMatchObject({ silverObjects: 1001, silverRows: 1001, customers: 1001 });
    expect(report.results[0]?.rows).toEqual([{ region: 'Oceania', subscribedCustomers: 1001, customerIds: ids }]);
  });
});
