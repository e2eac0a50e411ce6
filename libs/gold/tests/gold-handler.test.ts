import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GOLD_REGION_CUSTOMERS_TABLE } from '@medallion/lake-catalog';
import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { forgetProcessCache } from '@medallion/silver-aggregate/testing';
import { commitSilverTable, type SilverCommitOptions } from '@medallion/silver-tables/testing';
import { parquetReadObjects, parquetSchema, parquetMetadata } from 'hyparquet';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { goldLayer, type GoldResult } from '../src';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<GoldResult>>;
/** The S3 commands gold sent (with their keys), since the last `commands.length = 0`. */
const commands: string[] = [];

beforeEach(async () => {
  await lake?.close();
  lake = await startTestLake();
  lake.s3.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(
        `${context.commandName} ${String((args.input as { Key?: string; Prefix?: string }).Key ?? (args.input as { Prefix?: string }).Prefix ?? '')}`,
      );
      return next(args);
    },
    { step: 'initialize', name: 'recordGoldCommands' },
  );
  handler = createLayerHandler(goldLayer, { s3: lake.s3 });
});

afterAll(async () => {
  await lake.close();
});

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';
/** Commits a silver table as silver does (the table, its customer table, then its manifest); returns the manifest's real event. */
function commitSilver(
  name: string,
  body: string,
  eventTime: string,
  sequencer: string,
  options: SilverCommitOptions = {},
): Promise<unknown> {
  return commitSilverTable(lake, name, body, { eventTime, sequencer, ...options });
}
const gold = () => lake.text('gold/customers_by_region.csv');

describe('gold handler', () => {
  it('computes gold from all committed silver, the later bronze event winning across files, and writes its manifest and checkpoint', async () => {
    // The newer file sorts first by key, so listing order is not ingest order.
    const event = await commitSilver(
      'a-second',
      `${HEADER}060,Quan,Brazil,Active,South America\n061,Wen,United Kingdom,Cancelled,Europe\n`,
      '2026-11-29T12:00:02.000Z',
      '02',
    );
    await commitSilver(
      'z-first',
      `${HEADER}060,Quan,Germany,Active,Europe\n061,Wen,United Kingdom,Active,Europe\n062,Ola,Norway,Active,Europe\n`,
      '2026-11-29T12:00:01.000Z',
      '01',
    );
    const report = await handler(event);
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nEurope,1,[062]\nSouth America,1,[060]\n');
    expect(report.results).toMatchObject([
      {
        outputKey: 'gold/customers_by_region.csv',
        action: 'rebuilt',
        events: 1,
        readCommits: 2,
        silverObjects: 2,
        skippedObjects: 0,
        silverRows: 5,
        customers: 3,
        rows: [
          { region: 'Europe', subscribedCustomers: 1, customerIds: ['062'], customerIdList: '[062]' },
          { region: 'South America', subscribedCustomers: 1, customerIds: ['060'], customerIdList: '[060]' },
        ],
      },
    ]);
    const generation = report.results[0]!.generation!;
    const manifest = JSON.parse((await lake.text('gold/_manifests/customers_by_region.json'))!);
    expect(manifest).toEqual({
      layer: 'gold',
      codeVersion: 'local',
      generation,
      checkpoint: { key: 'gold/_checkpoint/state.parquet', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      counts: { silverObjects: 2, skippedObjects: 0, silverRows: 5, customers: 3, tableRows: 2 },
      output: { key: 'gold/customers_by_region.csv', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      catalogOutput: {
        key: 'gold/region_customers/region_customers.parquet',
        eTag: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    expect(await lake.keys('gold/')).toEqual([
      'gold/_checkpoint/state.parquet',
      'gold/_manifests/customers_by_region.json',
      'gold/customers_by_region.csv',
      'gold/region_customers/region_customers.parquet',
    ]);
    for (const key of ['gold/customers_by_region.csv', 'gold/region_customers/region_customers.parquet'])
      expect(await lake.metadata(key)).toEqual({ 'checkpoint-generation': String(generation) });
    // The long table, as a Parquet reader of its own (hyparquet) sees it.
    const file = (await lake.bytes('gold/region_customers/region_customers.parquet'))!;
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({ file: buffer })).toEqual([
      { region: 'Europe', customer_id: '062' },
      { region: 'South America', customer_id: '060' },
    ]);
    expect(parquetSchema(parquetMetadata(buffer)).children.map(({ element }) => [element.name, element.type])).toEqual([
      ['region', 'BYTE_ARRAY'],
      ['customer_id', 'BYTE_ARRAY'],
    ]);
    // ...which is what the catalog says: two string columns, in this order, alone under the prefix.
    expect(GOLD_REGION_CUSTOMERS_TABLE.columns.map((column) => [column.name, column.type])).toEqual([
      ['region', 'string'],
      ['customer_id', 'string'],
    ]);
    expect(await lake.keys(GOLD_REGION_CUSTOMERS_TABLE.prefix)).toEqual([
      'gold/region_customers/region_customers.parquet',
    ]);
  });

  it('reads only committed silver: no table without a processed manifest', async () => {
    const event = await commitSilver(
      'good',
      `${HEADER}1,A,Chile,Active,South America\n`,
      '2026-11-29T12:00:01.000Z',
      '01',
    );
    await commitSilver('refused', `${HEADER}2,B,Peru,Active,South America\n`, '2026-11-29T12:00:02.000Z', '02', {
      outcome: 'rejected',
    });
    await lake.s3.send(
      new PutObjectCommand({
        Bucket: lake.bucket,
        Key: 'silver/orphan.csv',
        Body: `${HEADER}3,C,Fiji,Active,Oceania\n`,
      }),
    );
    const report = await handler(event);
    expect(report.results[0]).toMatchObject({
      silverObjects: 1,
      silverRows: 1,
      rows: [{ region: 'South America', subscribedCustomers: 1, customerIds: ['1'] }],
    });
  });

  it('merges a new commit into the checkpoint reading only its customer table', async () => {
    await handler(
      await commitSilver(
        'a',
        `${HEADER}1,A,Chile,Active,South America\n2,B,Peru,Active,South America\n`,
        '2026-11-29T12:00:01.000Z',
        '01',
      ),
    );
    const event = await commitSilver(
      'b',
      `${HEADER}2,B,Japan,Cancelled,Asia\n3,C,Fiji,Active,Oceania\n`,
      '2026-11-29T12:00:02.000Z',
      '02',
    );
    commands.length = 0;
    const report = await handler(event);
    expect(report.results[0]).toMatchObject({
      action: 'merged',
      readCommits: 1,
      silverObjects: 2,
      silverRows: 4,
      customers: 3,
    });
    expect(commands.filter((command) => command.startsWith('GetObjectCommand'))).toEqual([
      'GetObjectCommand gold/_checkpoint/state.parquet',
      'GetObjectCommand silver/_manifests/b.csv.json',
      'GetObjectCommand silver-customers/b.parquet',
    ]);
    expect(await gold()).toBe(
      'Region,Subscribed Customers,Customer IDs\nAsia,0,[]\nOceania,1,[3]\nSouth America,1,[1]\n',
    );
  });

  it('answers events the checkpoint it holds covers (a duplicate) with four HeadObjects, for the checkpoint, the manifest and both tables, however many events: no listing, no read', async () => {
    const event = (await commitSilver(
      'x',
      `${HEADER}1,A,France,Active,Europe\n`,
      '2026-11-29T12:00:01.000Z',
      '01',
    )) as { Records: unknown[] };
    await handler(event);
    const first = await gold();
    commands.length = 0;
    const report = await handler({ Records: [...event.Records, ...event.Records, ...event.Records] });
    expect(report.results).toMatchObject([{ action: 'covered', events: 3, readCommits: 0, rows: [] }]);
    expect(commands.sort()).toEqual([
      'HeadObjectCommand gold/_checkpoint/state.parquet',
      'HeadObjectCommand gold/_manifests/customers_by_region.json',
      'HeadObjectCommand gold/customers_by_region.csv',
      'HeadObjectCommand gold/region_customers/region_customers.parquet',
    ]);
    expect(await gold()).toBe(first);
    expect(first).toBe('Region,Subscribed Customers,Customer IDs\nEurope,1,[1]\n');
  });

  it('answers a duplicate on a cold start (no checkpoint held) by reading the checkpoint and the listing: unchanged, no table read, nothing written', async () => {
    const event = await commitSilver('x', `${HEADER}1,A,France,Active,Europe\n`, '2026-11-29T12:00:01.000Z', '01');
    await handler(event);
    const first = await gold();
    forgetProcessCache();
    commands.length = 0;
    expect((await handler(event)).results).toMatchObject([{ action: 'unchanged', readCommits: 0, customers: 1 }]);
    expect(commands.filter((command) => !command.startsWith('HeadObjectCommand')).sort()).toEqual([
      'GetObjectCommand gold/_checkpoint/state.parquet',
      'ListObjectsV2Command silver/_manifests/',
    ]);
    expect(await gold()).toBe(first);
    // The checkpoint it read is held now: the same event again is covered.
    expect((await handler(event)).results).toMatchObject([{ action: 'covered' }]);
  });

  it('does not take a new version of a commit for covered: the held checkpoint names the older manifest ETag', async () => {
    await handler(await commitSilver('x', `${HEADER}1,A,France,Active,Europe\n`, '2026-11-29T12:00:01.000Z', '01'));
    const replaced = await commitSilver(
      'x',
      `${HEADER}1,A,France,Cancelled,Europe\n`,
      '2026-11-29T12:00:02.000Z',
      '02',
    );
    expect((await handler(replaced)).results).toMatchObject([{ action: 'rebuilt', customers: 1 }]);
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nEurope,0,[]\n');
  });

  it('rebuilds without a removed commit, and with the new version of a replaced one', async () => {
    await commitSilver('a', `${HEADER}1,A,Chile,Active,South America\n`, '2026-11-29T12:00:01.000Z', '01');
    await handler(
      await commitSilver(
        'b',
        `${HEADER}1,A,Japan,Active,Asia\n2,B,Peru,Active,South America\n`,
        '2026-11-29T12:00:02.000Z',
        '02',
      ),
    );
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nAsia,1,[1]\nSouth America,1,[2]\n');
    await lake.s3.send(new DeleteObjectCommand({ Bucket: lake.bucket, Key: 'silver/_manifests/b.csv.json' }));
    const removal = buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      eventTime: '2026-11-29T12:00:03.000Z',
      bucket: lake.bucket,
      key: 'silver/_manifests/b.csv.json',
      size: 0,
      eTag: '',
      sequencer: '03',
    });
    expect((await handler(removal)).results[0]).toMatchObject({
      action: 'rebuilt',
      readCommits: 1,
      silverObjects: 1,
      customers: 1,
    });
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nSouth America,1,[1]\n');
    expect((await handler(removal)).results[0]).toMatchObject({ action: 'covered' });
    const replaced = await commitSilver(
      'a',
      `${HEADER}1,A,Chile,Cancelled,South America\n`,
      '2026-11-29T12:00:04.000Z',
      '04',
    );
    expect((await handler(replaced)).results[0]).toMatchObject({ action: 'rebuilt', customers: 1 });
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nSouth America,0,[]\n');
  });

  it('reads a lake written before customer tables (wide silver tables only) to the same gold, and counts a non-silver table as skipped', async () => {
    const body = `${HEADER}060,Quan,Brazil,Active,South America\n061,Wen,United Kingdom,Active,Europe\n060,Quan,Germany,Active,Europe\n`;
    const event = await commitSilver('old', body, '2026-11-29T12:00:01.000Z', '01', { customerTable: false });
    await commitSilver('stray', 'just,some,columns\n1,2,3\n', '2026-11-29T12:00:02.000Z', '02');
    expect((await handler(event)).results[0]).toMatchObject({
      silverObjects: 1,
      skippedObjects: 1,
      silverRows: 3,
      customers: 2,
    });
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nEurope,2,"[060, 061]"\n');
  });

  it('rebuilds from the commits when the checkpoint is unreadable, and replaces it', async () => {
    await handler(
      await commitSilver('a', `${HEADER}1,A,Chile,Active,South America\n`, '2026-11-29T12:00:01.000Z', '01'),
    );
    const expected = await gold();
    await lake.s3.send(
      new PutObjectCommand({ Bucket: lake.bucket, Key: 'gold/_checkpoint/state.parquet', Body: 'not a checkpoint' }),
    );
    const event = await commitSilver(
      'b',
      `${HEADER}1,A,Chile,Active,South America\n`,
      '2026-11-29T12:00:02.000Z',
      '02',
    );
    expect((await handler(event)).results[0]).toMatchObject({ action: 'rebuilt', readCommits: 2, customers: 1 });
    expect(await gold()).toBe(expected);
    expect(Buffer.from((await lake.bytes('gold/_checkpoint/state.parquet'))!.subarray(0, 4)).toString('latin1')).toBe(
      'PAR1',
    );
  });

  it('takes an SQS batch and reports no failed message when it succeeds', async () => {
    const event = (await commitSilver(
      'q',
      `${HEADER}7,Q,Chile,Active,South America\n`,
      '2026-11-29T12:00:01.000Z',
      '01',
    )) as object;
    const batch = {
      Records: [
        {
          messageId: 'm-1',
          receiptHandle: 'r',
          body: JSON.stringify(event),
          attributes: {},
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:gold',
          awsRegion: 'us-east-1',
        },
      ],
    };
    const report = await handler(batch);
    expect(report.batchItemFailures).toEqual([]);
    expect(JSON.parse(JSON.stringify(report))).toEqual({
      layer: 'gold',
      results: 1,
      skipped: 0,
      batchItemFailures: [],
    });
    expect(await gold()).toBe('Region,Subscribed Customers,Customer IDs\nSouth America,1,[7]\n');
  });

  it('ignores events outside the silver manifests (a silver table, gold) and writes nothing', async () => {
    const event = (key: string) =>
      buildS3NotificationEvent({
        eventName: 'ObjectCreated:Put',
        eventTime: 't',
        bucket: lake.bucket,
        key,
        size: 1,
        eTag: 'e',
        sequencer: '1',
      }).Records;
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
      const events = await Promise.all(
        ids
          .slice(start, start + 50)
          .map((id) =>
            commitSilver(`part-${id}`, `${HEADER}${id},N,Fiji,Active,Oceania\n`, '2026-11-29T12:00:01.000Z', id),
          ),
      );
      last = events[events.length - 1];
    }
    const report = await handler(last);
    expect(report.results[0]).toMatchObject({ silverObjects: 1001, silverRows: 1001, customers: 1001 });
    expect(report.results[0]?.rows).toMatchObject([{ region: 'Oceania', subscribedCustomers: 1001, customerIds: ids }]);
    // 1,001 commits and their first aggregation: ~18 s alone here, several times that beside the other test tasks of `npm test`.
  }, 240_000);
});
