import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
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

/** Writes a silver object as silver would: with its bronze event time and sequencer as metadata. */
async function putSilver(key: string, body: string, eventTime: string, sequencer: string): Promise<void> {
  await lake.s3.send(
    new PutObjectCommand({ Bucket: lake.bucket, Key: key, Body: body, Metadata: { 'bronze-event-time': eventTime, 'bronze-sequencer': sequencer } }),
  );
}

function silverEvent(key: string) {
  return buildS3NotificationEvent({ eventName: 'ObjectCreated:Put', eventTime: '2026-11-29T12:00:09.000Z', bucket: lake.bucket, key, size: 1, eTag: 'e', sequencer: '09' });
}

describe('gold handler', () => {
  it('recomputes gold from all of silver, the later bronze event winning across files', async () => {
    // The newer file sorts first by key, so listing order is not ingest order.
    await putSilver('silver/a-second.csv', `${HEADER}060,Quan,Brazil,Active,South America\n061,Wen,United Kingdom,Cancelled,Europe\n`, '2026-11-29T12:00:02.000Z', '02');
    await putSilver('silver/z-first.csv', `${HEADER}060,Quan,Germany,Active,Europe\n061,Wen,United Kingdom,Active,Europe\n062,Ola,Norway,Active,Europe\n`, '2026-11-29T12:00:01.000Z', '01');
    const report = await handler(silverEvent('silver/a-second.csv'));
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
  });

  it('is a pure function of silver: duplicated events give the same bytes, and one invocation recomputes once', async () => {
    await putSilver('silver/x.csv', `${HEADER}1,A,France,Active,Europe\n`, '2026-11-29T12:00:01.000Z', '01');
    const event = silverEvent('silver/x.csv');
    const twice = { Records: [...event.Records, ...event.Records] };
    const report = await handler(twice);
    expect(report.results).toHaveLength(1);
    const first = await lake.text('gold/customers_by_region.csv');
    await handler(event);
    expect(await lake.text('gold/customers_by_region.csv')).toBe(first);
    expect(first).toBe('Region,Subscribed Customers,Customer IDs\nEurope,1,[1]\n');
  });

  it('skips an object under silver/ that is not a silver table, and counts it', async () => {
    await putSilver('silver/good.csv', `${HEADER}1,A,Chile,Active,South America\n`, '2026-11-29T12:00:01.000Z', '01');
    await putSilver('silver/stray.csv', 'just,some,columns\n1,2,3\n', '', '');
    const report = await handler(silverEvent('silver/good.csv'));
    expect(report.results[0]).toMatchObject({ silverObjects: 1, skippedObjects: 1, silverRows: 1 });
  });

  it('ignores events outside silver/ and writes nothing', async () => {
    const report = await handler(buildS3NotificationEvent({ eventName: 'ObjectCreated:Put', eventTime: 't', bucket: lake.bucket, key: 'gold/customers_by_region.csv', size: 1, eTag: 'e', sequencer: '1' }));
    expect(report).toEqual({ layer: 'gold', results: [], skipped: [{ key: 'gold/customers_by_region.csv', reason: 'outside the input prefix silver/' }] });
    expect(await lake.keys()).toEqual([]);
  });

  it('reads every page of a listing: 1,001 silver objects', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => String(i).padStart(4, '0'));
    for (let start = 0; start < ids.length; start += 50) {
      await Promise.all(
        ids.slice(start, start + 50).map((id) => putSilver(`silver/part-${id}.csv`, `${HEADER}${id},N,Fiji,Active,Oceania\n`, '2026-11-29T12:00:01.000Z', id)),
      );
    }
    const report = await handler(silverEvent('silver/part-0000.csv'));
    expect(report.results[0]).toMatchObject({ silverObjects: 1001, silverRows: 1001, customers: 1001 });
    expect(report.results[0]?.rows).toEqual([{ region: 'Oceania', subscribedCustomers: 1001, customerIds: ids }]);
  });
});
