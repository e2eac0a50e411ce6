import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PLATINUM_SUBSCRIPTION_RATE_TABLE } from '@medallion/lake-catalog';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { commitSilverTable } from '@medallion/silver-tables/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { platinumLayer, type PlatinumResult } from '../src';

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

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';
/** Commits a silver table as silver does: the table, then its manifest; returns the manifest's real event. */
function commitSilver(
  name: string,
  body: string,
  eventTime: string,
  sequencer: string,
  outcome: 'processed' | 'rejected' = 'processed',
): Promise<unknown> {
  return commitSilverTable(lake, name, body, { eventTime, sequencer, outcome });
}

/**
 * Two committed tables, the later one (b) listed second. By latest record: 001 Europe (cancelled by its
 * later row), 002 Europe subscribed, 009 Europe subscribed; 003 moved to South America by b, subscribed;
 * 004, 006 (`yes`) and -8 (escaped `'-8`) Africa subscribed, 007 Africa not (`No`); 005 Asia cancelled.
 * Hence Africa 4 customers / 3 subscribed = 75.0; Asia 1 / 0 = 0.0; Europe 3 / 2 = 66.7 (66.66… rounded
 * up); South America 1 / 1 = 100.0. 11 silver rows, 9 customers. A rejected file and a silver table
 * without a manifest are not counted.
 */
async function commitFixture(): Promise<unknown> {
  await commitSilver(
    'a',
    `${HEADER}001,Ana,France,Active,Europe\n002,Bo,Spain,Active,Europe\n003,Cy,Italy,Active,Europe\n004,Di,Kenya,Active,Africa\n005,Ed,Japan,Cancelled,Asia\n001,Ana,France,Cancelled,Europe\n`,
    '2026-11-29T12:00:01.000Z',
    '01',
  );
  const event = await commitSilver(
    'b',
    `${HEADER}003,Cy,Brazil,Active,South America\n006,Fay,Ghana,yes,Africa\n007,Gus,Nigeria,No,Africa\n'-8,Hal,Egypt,Active,Africa\n009,Ida,Norway,Active,Europe\n`,
    '2026-11-29T12:00:02.000Z',
    '02',
  );
  await commitSilver(
    'refused',
    `${HEADER}010,Jo,Chile,Active,South America\n`,
    '2026-11-29T12:00:03.000Z',
    '03',
    'rejected',
  );
  await lake.s3.send(
    new PutObjectCommand({
      Bucket: lake.bucket,
      Key: 'silver/orphan.csv',
      Body: `${HEADER}011,Kai,Fiji,Active,Oceania\n`,
    }),
  );
  return event;
}

const TABLE =
  'Region,Customers,Subscribed Customers,Subscription Rate\nAfrica,4,3,75.0\nAsia,1,0,0.0\nEurope,3,2,66.7\nSouth America,1,1,100.0\n';

describe('platinum handler', () => {
  it('writes platinum/subscription_rate_by_region.csv from all committed silver, each customer once by its latest record', async () => {
    const report = await handler(await commitFixture());
    expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(TABLE);
    expect(report.results).toEqual([
      {
        outputKey: 'platinum/subscription_rate_by_region.csv',
        action: 'rebuilt',
        events: 1,
        readCommits: 2,
        readSegments: 0,
        generation: expect.any(Number),
        silverObjects: 2,
        skippedObjects: 0,
        silverRows: 11,
        customers: 9,
        rows: [
          { region: 'Africa', customers: 4, subscribedCustomers: 3, subscriptionRate: '75.0' },
          { region: 'Asia', customers: 1, subscribedCustomers: 0, subscriptionRate: '0.0' },
          { region: 'Europe', customers: 3, subscribedCustomers: 2, subscriptionRate: '66.7' },
          { region: 'South America', customers: 1, subscribedCustomers: 1, subscriptionRate: '100.0' },
        ],
      },
    ]);
    const manifest = JSON.parse((await lake.text('platinum/_manifests/subscription_rate_by_region.json'))!);
    expect(manifest).toEqual({
      layer: 'platinum',
      codeVersion: 'local',
      generation: report.results[0]!.generation,
      checkpoint: { key: 'platinum/_checkpoint/state.parquet', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      counts: { silverObjects: 2, skippedObjects: 0, silverRows: 11, customers: 9, tableRows: 4 },
      output: { key: 'platinum/subscription_rate_by_region.csv', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      catalogOutput: {
        key: 'platinum/subscription_rate_by_region/subscription_rate_by_region.csv',
        eTag: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    // The catalogued copy is the table, byte for byte, alone under its prefix.
    expect(await lake.keys('platinum/subscription_rate_by_region/')).toEqual([
      'platinum/subscription_rate_by_region/subscription_rate_by_region.csv',
    ]);
    expect(await lake.text('platinum/subscription_rate_by_region/subscription_rate_by_region.csv')).toBe(
      await lake.text('platinum/subscription_rate_by_region.csv'),
    );
    // As the catalog reads it (LazySimpleSerDe: split on commas, header skipped): its columns by
    // position, each value of the catalogued type; no field quoted.
    const [header, ...lines] = TABLE.trimEnd().split('\n');
    expect(header!.split(',').map((name) => name.toLowerCase().replaceAll(' ', '_'))).toEqual(
      PLATINUM_SUBSCRIPTION_RATE_TABLE.columns.map((column) => column.name),
    );
    expect(TABLE).not.toContain('"');
    const typeOf = (value: string) => (/^\d+$/.test(value) ? 'bigint' : /^\d+\.\d$/.test(value) ? 'double' : 'string');
    for (const line of lines)
      expect(line.split(',').map(typeOf)).toEqual(
        PLATINUM_SUBSCRIPTION_RATE_TABLE.columns.map((column) => column.type),
      );
  });

  it('repairs a deleted catalogued copy on the next event, though it holds the checkpoint', async () => {
    const event = await commitFixture();
    await handler(event);
    const copy = 'platinum/subscription_rate_by_region/subscription_rate_by_region.csv';
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: copy }));
    expect((await handler(event)).results[0]).toMatchObject({ action: 'unchanged' });
    expect(await lake.text(copy)).toBe(TABLE);
  });

  it('gives the same bytes for the same event twice, and recomputes without a removed manifest', async () => {
    const event = await commitFixture();
    await handler(event);
    expect((await handler(event)).results[0]).toMatchObject({ action: 'covered' });
    expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(TABLE);
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver/_manifests/b.csv.json' }));
    const removal = buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      eventTime: '2026-11-29T13:00:00.000Z',
      bucket: lake.bucket,
      key: 'silver/_manifests/b.csv.json',
      size: 0,
      eTag: '',
      sequencer: 'FF',
    });
    expect((await handler(removal)).results[0]).toMatchObject({ action: 'rebuilt', silverObjects: 1 });
    // a alone: 001 cancelled, 002 and 003 subscribed in Europe; 004 Africa; 005 Asia cancelled.
    expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(
      'Region,Customers,Subscribed Customers,Subscription Rate\nAfrica,1,1,100.0\nAsia,1,0,0.0\nEurope,3,2,66.7\n',
    );
  });

  it('writes a header-only table when silver holds no committed table', async () => {
    const event = await commitSilver(
      'refused',
      `${HEADER}010,Jo,Chile,Active,South America\n`,
      '2026-11-29T12:00:03.000Z',
      '03',
      'rejected',
    );
    expect((await handler(event)).results[0]).toMatchObject({ silverObjects: 0, customers: 0, rows: [] });
    expect(await lake.text('platinum/subscription_rate_by_region.csv')).toBe(
      'Region,Customers,Subscribed Customers,Subscription Rate\n',
    );
  });
});
