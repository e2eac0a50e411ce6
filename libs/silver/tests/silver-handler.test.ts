import { staleReason } from './silver-commit-checks';
import { createLayerHandler, LayerInvocationError, type LayerInvocationReport } from '@medallion/layer-runtime';
import { injectS3Faults, startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { buildS3NotificationEvent } from '@medallion/s3-events';
import { uploadStream } from '@medallion/s3-io';
import { bronzeFixtureBytes, type BronzeFixture } from '@medallion/schemas/testing';
import { customerIdAt, decodeCustomerTable } from '@medallion/customer-records';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silverLayer, type SilverProcessed, type SilverRejected, type SilverResult } from '../src';
import { countsOf } from '../src/silver-result';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;
const commands: string[] = [];

beforeAll(async () => {
  lake = await startTestLake();
  lake.s3.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  handler = createLayerHandler(silverLayer, { s3: lake.s3 });
});

afterAll(async () => {
  await lake.close();
});

/** Uploads a fixture to bronze/ and runs silver on its event. */
async function ingest(fixture: BronzeFixture, key = `bronze/${fixture}`) {
  const event = await lake.put(key, bronzeFixtureBytes(fixture));
  const report = await handler(event);
  const path = key.slice('bronze/'.length, -'.csv'.length);
  return {
    event,
    result: readFile(report.results[0]),
    silver: await lake.text(`silver/${path}.csv`),
    quarantine: await lake.text(`quarantine/${path}.csv`),
    rejection: await lake.text(`quarantine/${path}.error.json`),
  };
}

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n';

describe('silver handler on bronze files', () => {
  it('reads through a BOM and CRLF; IDs stay strings', async () => {
    const { silver, quarantine, result } = await ingest('bom-crlf.csv');
    expect(silver).toBe(`${HEADER}007,Lia Costa,Portugal,Active,Europe\n008,Ken Ito,Japan,Inactive,Asia\n`);
    expect(quarantine).toBeUndefined();
    expect(result.counts).toEqual({
      dataRecords: 2,
      silverRows: 2,
      quarantinedRows: 0,
      blankRows: 0,
      unknownCountryRows: 0,
      ruleFailures: {},
    });
  });

  it('keeps quoted commas, line breaks and quotes byte for byte', async () => {
    const { silver } = await ingest('quoted-fields.csv');
    expect(silver).toBe(
      `${HEADER}111,"Smith, John",France,Active,Europe\n112,"First line\nSecond line",India,Active,Asia\n113,"The ""Boss""",Peru,Active,South America\n`,
    );
  });

  it('quarantines ragged records with their line and raw text, and counts blanks', async () => {
    const { silver, quarantine, result } = await ingest('ragged-and-blank.csv');
    expect(silver).toBe(`${HEADER}221,Ada,Kenya,Active,Africa\n224,Dee,Egypt,Active,Africa\n`);
    expect(quarantine).toBe(
      'Line,Reason,Raw Record\n' +
        '3,column-count: the record has 5 fields but the header has 4 columns,"222,Ben,Main St 1,Spain,Active"\n' +
        '7,column-count: the record has 2 fields but the header has 4 columns,"223,Cid"\n',
    );
    expect(result.counts).toEqual({
      dataRecords: 7,
      silverRows: 2,
      quarantinedRows: 2,
      blankRows: 3,
      unknownCountryRows: 0,
      ruleFailures: { 'column-count': 2 },
    });
    expect(result.outputKeys).toEqual([
      'silver/ragged-and-blank.csv',
      'silver-customers/ragged-and-blank.parquet',
      'quarantine/ragged-and-blank.csv',
      'silver/_manifests/ragged-and-blank.csv.json',
    ]);
  });

  it('quarantines records with an empty or blank Customer ID', async () => {
    const { silver, quarantine, result } = await ingest('missing-id.csv');
    expect(silver).toBe(`${HEADER}331,Eve,Ghana,Active,Africa\n332,Fay,Nepal,Active,Asia\n`);
    expect(quarantine).toBe(
      'Line,Reason,Raw Record\n3,customer-id-present: Customer ID is empty,",No Id,Chile,Active"\n4,customer-id-present: Customer ID is empty,"  \t ,Spaces Id,Peru,Active"\n',
    );
    expect(result.counts.dataRecords).toBe(
      result.counts.silverRows + result.counts.quarantinedRows + result.counts.blankRows,
    );
  });

  it('records each country value that named no known country, with its rows, in the manifest', async () => {
    const bronze =
      'Customer ID,Customer Name,Customer Country,Subscription Status\n' +
      '1,A,Atlantis,Active\n2,B, Atlantis ,Active\n3,C,,Active\n4,D,Narnia,Active\n5,E,Chile,Active\n';
    await handler(await lake.put('bronze/unknown-countries.csv', bronze));
    const manifest = JSON.parse((await lake.text('silver/_manifests/unknown-countries.csv.json'))!);
    expect(manifest.counts).toMatchObject({
      silverRows: 5,
      unknownCountryRows: 4,
      unknownCountries: { Atlantis: 2, '': 1, Narnia: 1 },
    });
  });

  it('rejects a bronze key whose derived keys S3 would refuse, writing nothing, and takes its deletion', async () => {
    const key = `bronze/${'x'.repeat(999)}.csv`;
    const before = await lake.keys();
    const report = await handler(await lake.put(key, 'Customer ID,Country\n1,Chile\n'));
    expect(report.results[0]).toMatchObject({
      kind: 'rejected',
      bronzeKey: key,
      rule: 'object-key-fits',
      reason:
        "the object key is 1010 bytes: silver's outputs would need keys of 1026 bytes, over S3's 1024; upload it under a key shorter by 2 bytes or more",
      outputKeys: [],
      counts: { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0 },
    });
    expect(await lake.keys()).toEqual([...before, key].sort());
    const removal = await handler(await lake.put(key, '', { eventName: 'ObjectRemoved:Delete' }));
    expect(removal.results[0]).toEqual({ kind: 'removed', bronzeKey: key });
  });

  it('quarantines Customer IDs with invisible characters, naming the code point, so no lookalike ID reaches gold', async () => {
    const bronze =
      'Customer ID,Customer Name,Customer Country,Subscription Status\n' +
      '003,Ann,Chile,Active\n003\u200b,Ann Again,Chile,Active\n\u202e100,Bob,Peru,Active\n\u00a0004\u3000,Cy,Peru,Active\n';
    const report = await handler(await lake.put('bronze/invisible-ids.csv', bronze));
    expect(await lake.text('silver/invisible-ids.csv')).toBe(
      `${HEADER}003,Ann,Chile,Active,South America\n004,Cy,Peru,Active,South America\n`,
    );
    expect(await lake.text('quarantine/invisible-ids.csv')).toBe(
      'Line,Reason,Raw Record\n' +
        '3,"customer-id-sane: Customer ID has an invisible character, U+200B","003\u200b,Ann Again,Chile,Active"\n' +
        '4,"customer-id-sane: Customer ID has an invisible character, U+202E","\u202e100,Bob,Peru,Active"\n',
    );
    expect(countsOf(report.results[0]!)).toMatchObject({ dataRecords: 4, silverRows: 2, quarantinedRows: 2 });
  });

  it('keeps a Customer ID typed composed or decomposed as one ID, written composed (NFC)', async () => {
    const bronze =
      'Customer ID,Customer Name,Customer Country,Subscription Status\n' +
      'JOS\u00c9-1,José,Chile,Active\nJOSE\u0301-1,José Again,Chile,Inactive\n"JOSE\u0301-2",Other,Peru,Active\n';
    const report = await handler(await lake.put('bronze/nfd-ids.csv', bronze));
    expect(await lake.text('silver/nfd-ids.csv')).toBe(
      `${HEADER}JOS\u00c9-1,José,Chile,Active,South America\nJOS\u00c9-1,José Again,Chile,Inactive,South America\nJOS\u00c9-2,Other,Peru,Active,South America\n`,
    );
    expect(countsOf(report.results[0]!)).toMatchObject({ dataRecords: 3, silverRows: 3, quarantinedRows: 0 });
  });

  it.each([
    ['duplicate-header.csv', 'column-names-unique', 'duplicate column "country" in the header'],
    [
      'missing-country-header.csv',
      'country-column-present',
      'no country column (expected "Customer Country" or "Country"); the header has 3 columns split by comma: "Customer ID", "Customer Name", "Subscription Status"',
    ],
    ['empty.csv', 'header-present', 'empty object (0 bytes): no header'],
    [
      'unclosed-quote.csv',
      'well-formed-csv',
      'not well-formed CSV: CSV_QUOTE_NOT_CLOSED (detected at line 3): a field opens with a quote that is never closed; close it, or double a quote meant as text inside a quoted field',
    ],
    [
      'quote-in-unquoted-field.csv',
      'well-formed-csv',
      'not well-formed CSV: INVALID_OPENING_QUOTE (detected at line 2): a quote inside a field that does not start with one; quote the whole field and double the quotes in it',
    ],
  ] as const)(
    'rejects %s whole (%s): no silver object, a rejection record (with the header cells it is about), bronze untouched',
    async (fixture, rule, reason) => {
      const { silver, quarantine, rejection, result, event } = await ingest(fixture);
      const path = fixture.slice(0, -'.csv'.length);
      expect(silver).toBeUndefined();
      expect(quarantine).toBeUndefined();
      const { Records } = event as { Records: Array<{ eventTime: string; s3: { object: { eTag: string } } }> };
      const headerCellsOf: Record<string, string[]> = {
        'country-column-present': ['Customer ID', 'Customer Name', 'Subscription Status'],
        'column-names-unique': ['Customer ID', 'Customer Name', 'Country', 'country', 'Subscription Status'],
      };
      const headerCells = headerCellsOf[rule] ? { headerCells: headerCellsOf[rule] } : {};
      expect(JSON.parse(rejection!)).toEqual({
        bronzeKey: `bronze/${fixture}`,
        bronzeETag: Records[0]!.s3.object.eTag,
        eventTime: Records[0]!.eventTime,
        rule,
        reason,
        ...headerCells,
      });
      expect(result).toMatchObject({
        reason,
        rule,
        outputKeys: [`quarantine/${path}.error.json`, `silver/_manifests/${fixture}.json`],
      });
      expect(JSON.parse((await lake.text(`silver/_manifests/${fixture}.json`))!)).toMatchObject({
        outcome: 'rejected',
        rejection: { rule, reason },
        outputs: { rejection: { key: `quarantine/${path}.error.json` } },
      });
      expect(Buffer.from((await lake.text(`bronze/${fixture}`)) ?? '', 'utf8')).toEqual(bronzeFixtureBytes(fixture));
    },
  );

  it('reads a file that mixes CRLF, LF and CR line endings row by row', async () => {
    const { silver, result } = await ingest('mixed-line-endings.csv');
    expect(silver).toBe(
      `${HEADER}1501,Ana,Chile,Active,South America\n1502,Bo,Peru,Active,South America\n1503,Cy,Fiji,Active,Oceania\n`,
    );
    expect(result.counts).toEqual({
      dataRecords: 3,
      silverRows: 3,
      quarantinedRows: 0,
      blankRows: 0,
      unknownCountryRows: 0,
      ruleFailures: {},
    });
  });

  it('writes a header-only silver table for a header-only file, and no quarantine object', async () => {
    const { silver, quarantine, result } = await ingest('header-only.csv');
    expect(silver).toBe(HEADER);
    expect(quarantine).toBeUndefined();
    expect(result.counts).toEqual({
      dataRecords: 0,
      silverRows: 0,
      quarantinedRows: 0,
      blankRows: 0,
      unknownCountryRows: 0,
      ruleFailures: {},
    });
  });

  it('keeps leading zeros', async () => {
    const { silver } = await ingest('leading-zero-ids.csv');
    expect(silver).toBe(
      `${HEADER}01,Ida,USA,Active,North America\n0002,Jo,Canada,Active,North America\n00003,Kim,Mexico,Active,North America\n`,
    );
  });

  it('maps country variants and keeps unknown countries as Others, counted', async () => {
    const { silver, result } = await ingest('country-variants.csv');
    expect(
      silver
        ?.trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.slice(line.lastIndexOf(',') + 1)),
    ).toEqual(['North America', 'North America', 'Europe', 'Africa', 'Asia', 'Asia', 'Europe', 'Others', 'Others']);
    expect(result.counts.unknownCountryRows).toBe(2);
    expect(result.counts.ruleFailures).toEqual({ 'country-known': 2 });
  });

  it('rejects a file whose quarantined share is over MEDALLION_MAX_QUARANTINED_PERCENT, keeping the counts in the record', async () => {
    process.env['MEDALLION_MAX_QUARANTINED_PERCENT'] = '25';
    try {
      const { silver, quarantine, rejection, result } = await ingest('missing-id.csv', 'bronze/threshold.csv');
      expect(silver).toBeUndefined();
      expect(quarantine).toBeUndefined();
      expect(result).toMatchObject({
        rule: 'quarantine-threshold',
        reason:
          '50.0% of data records quarantined (2 of 4), over the 25% threshold (MEDALLION_MAX_QUARANTINED_PERCENT)',
      });
      expect(JSON.parse(rejection!).counts).toEqual({
        dataRecords: 4,
        silverRows: 2,
        quarantinedRows: 2,
        blankRows: 0,
        unknownCountryRows: 0,
        ruleFailures: { 'customer-id-present': 2 },
      });
      process.env['MEDALLION_MAX_QUARANTINED_PERCENT'] = '50';
      expect((await ingest('missing-id.csv', 'bronze/threshold.csv')).result.kind).toBe('processed');
    } finally {
      delete process.env['MEDALLION_MAX_QUARANTINED_PERCENT'];
    }
  });

  it('keeps every row of duplicated customers and of every status (gold decides)', async () => {
    expect((await ingest('duplicate-customers.csv')).result.counts.silverRows).toBe(4);
    expect((await ingest('status-variants.csv')).result.counts.silverRows).toBe(11);
  });

  it("takes the original sample files' schema, keeping all columns and appending Region", async () => {
    const { silver } = await ingest('datablist-schema.csv');
    expect(silver).toBe(
      'Index,Customer Id,First Name,Last Name,Company,City,Country,Phone 1,Phone 2,Email,Subscription Date,Website,Region\n' +
        '1,aB3dE5f7G9h1J2k,Ana,Lima,Acme,Rio,Brazil,555-0100,555-0101,ana@example.com,2021-03-04,http://example.com,South America\n' +
        '2,Zz9Yy8Xx7Ww6Vv5,Bo,Sato,Initech,Osaka,Libyan Arab Jamahiriya,555-0102,555-0103,bo@example.com,2022-05-06,http://example.org,Africa\n' +
        '3,Qq1Ww2Ee3Rr4Tt5,Cy,Ng,"Globex, Inc",Bratislava,Slovakia (Slovak Republic),555-0104,555-0105,cy@example.net,2020-01-02,http://example.net,Europe\n',
    );
  });

  it('reads bytes that are not UTF-8 as Windows-1252, says so, and never writes U+FFFD', async () => {
    const { silver, result } = await ingest('windows-1252.csv');
    expect(silver).toBe(`${HEADER}661,José,Curaçao,Active,Caribbean\n`);
    expect(result).toMatchObject({ encoding: 'windows-1252', kind: 'processed' });
    expect(silver).not.toContain('\uFFFD');
    expect((await ingest('bom-crlf.csv')).result.encoding).toBe('utf-8');
  });

  it('rejects a UTF-8 file whose one bad byte comes before its first accented name, instead of garbling the names as Windows-1252', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Customer ID,Customer Name,Customer Country\n001,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(',France\n002,Zoë,France\n'),
    ]);
    const report = await handler(await lake.put('bronze/early-bad-byte.csv', bytes));
    expect(report.results[0]).toMatchObject({
      rule: 'encoding',
      reason:
        'mixed encodings: the file has bytes that are not UTF-8, and UTF-8 text (at byte 65); repair the file or save it as UTF-8 again',
    });
    expect(await lake.text('silver/early-bad-byte.csv')).toBeUndefined();
  });

  it('escapes silver cells a spreadsheet would run as formulas; bronze stays raw', async () => {
    const { silver } = await ingest('formula-injection.csv');
    expect(silver).toBe(`${HEADER}771,'=1+2,Brazil,Active,South America\n772,'@cmd,Chile,Active,South America\n`);
    expect(Buffer.from((await lake.text('bronze/formula-injection.csv'))!)).toEqual(
      bronzeFixtureBytes('formula-injection.csv'),
    );
  });

  it('quarantines a record over MEDALLION_MAX_RECORD_CHARS, naming its length and the limit, and keeps the other rows', async () => {
    process.env['MEDALLION_MAX_RECORD_CHARS'] = '200';
    try {
      const event = await lake.put(
        'bronze/huge.csv',
        `Customer ID,Customer Name,Customer Country\n1,${'x'.repeat(500)},Chile\n2,Bo,Peru\n`,
      );
      const report = await handler(event);
      expect(countsOf(report.results[0]!)).toMatchObject({ dataRecords: 2, silverRows: 1, quarantinedRows: 1 });
      expect(await lake.text('silver/huge.csv')).toBe(
        'Customer ID,Customer Name,Customer Country,Region\n2,Bo,Peru,South America\n',
      );
      expect(await lake.text('quarantine/huge.csv')).toBe(
        `Line,Reason,Raw Record\n2,"record-size: the record is 508 characters, over MEDALLION_MAX_RECORD_CHARS (200)","1,${'x'.repeat(500)},Chile"\n`,
      );
    } finally {
      delete process.env['MEDALLION_MAX_RECORD_CHARS'];
    }
  });

  it('rejects a file with more distinct Customer IDs than MEDALLION_MAX_FILE_CUSTOMERS (its customer table would not fit), and accepts one at the limit', async () => {
    process.env['MEDALLION_MAX_FILE_CUSTOMERS'] = '2';
    try {
      const atLimit = await handler(
        await lake.put(
          'bronze/two.csv',
          'Customer ID,Customer Name,Customer Country\n1,A,Chile\n2,B,Peru\n1,A,Japan\n',
        ),
      );
      expect(atLimit.results[0]).toMatchObject({ counts: { dataRecords: 3, silverRows: 3 } });
      const over = await handler(
        await lake.put(
          'bronze/three.csv',
          'Customer ID,Customer Name,Customer Country\n1,A,Chile\n2,B,Peru\n1,A,Japan\n3,C,Kenya\n',
        ),
      );
      expect(over.results[0]).toMatchObject({
        reason:
          'the file holds more than 2 distinct Customer IDs, over MEDALLION_MAX_FILE_CUSTOMERS (2); split the file, or raise the setting',
      });
      expect(over.results[0]).toMatchObject({ rule: 'customer-table-size' });
      expect(JSON.parse((await lake.text('silver/_manifests/three.csv.json'))!)).toMatchObject({
        outcome: 'rejected',
        rejection: { rule: 'customer-table-size' },
      });
      expect(await lake.text('silver/three.csv')).toBeUndefined();
      expect(await lake.text('silver-customers/three.parquet')).toBeUndefined();
    } finally {
      delete process.env['MEDALLION_MAX_FILE_CUSTOMERS'];
    }
  });

  it("records the bronze object's key, ETag, event time and sequencer on the silver object", async () => {
    const { event } = await ingest('bom-crlf.csv', 'bronze/meta/São Paulo.csv');
    const record = (
      event as { Records: Array<{ eventTime: string; s3: { object: { eTag: string; sequencer: string } } }> }
    ).Records[0]!;
    expect(await lake.metadata('silver/meta/São Paulo.csv')).toEqual({
      'bronze-key': 'bronze%2Fmeta%2FS%C3%A3o%20Paulo.csv',
      'bronze-etag': record.s3.object.eTag,
      'bronze-event-time': record.eventTime,
      'bronze-sequencer': record.s3.object.sequencer,
    });
  });

  it('is idempotent: the same event twice gives byte-identical outputs', async () => {
    const event = await lake.put('bronze/twice.csv', bronzeFixtureBytes('ragged-and-blank.csv'));
    const first = await handler(event);
    const silver = await lake.text('silver/twice.csv');
    const quarantine = await lake.text('quarantine/twice.csv');
    const second = await handler(event);
    expect(second.results).toEqual(first.results);
    expect(await lake.text('silver/twice.csv')).toBe(silver);
    expect(await lake.text('quarantine/twice.csv')).toBe(quarantine);
  });
});

describe('silver manifests, versions and stale events', () => {
  it('writes a manifest naming the source, counts and outputs with their ETags, last', async () => {
    const event = (await lake.put('bronze/m.csv', bronzeFixtureBytes('missing-id.csv'))) as {
      Records: Array<{ eventTime: string; s3: { object: { eTag: string; sequencer: string } } }>;
    };
    await handler(event);
    const record = event.Records[0]!;
    const manifest = JSON.parse((await lake.text('silver/_manifests/m.csv.json'))!);
    expect(manifest).toEqual({
      layer: 'silver',
      codeVersion: 'local',
      source: {
        key: 'bronze/m.csv',
        eTag: record.s3.object.eTag,
        eventTime: record.eventTime,
        sequencer: record.s3.object.sequencer,
      },
      encoding: 'utf-8',
      outcome: 'processed',
      counts: {
        dataRecords: 4,
        silverRows: 2,
        quarantinedRows: 2,
        blankRows: 0,
        unknownCountryRows: 0,
        ruleFailures: { 'customer-id-present': 2 },
      },
      outputs: {
        silver: { key: 'silver/m.csv', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
        customers: { key: 'silver-customers/m.parquet', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
        quarantine: { key: 'quarantine/m.csv', eTag: expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    });
  });

  it("writes the file's customer table: each Customer ID's latest row, sorted, with its line and the bronze event's ordering facts", async () => {
    const event = (await lake.put('bronze/dups.csv', bronzeFixtureBytes('duplicate-customers.csv'))) as {
      Records: Array<{ eventTime: string; s3: { object: { eTag: string; sequencer: string } } }>;
    };
    await handler(event);
    const { records, facts } = await decodeCustomerTable((await lake.bytes('silver-customers/dups.parquet'))!, 0);
    const record = event.Records[0]!;
    expect(facts).toEqual({
      bronzeKey: 'bronze/dups.csv',
      bronzeETag: record.s3.object.eTag,
      eventTime: record.eventTime,
      sequencer: record.s3.object.sequencer,
      silverKey: 'silver/dups.csv',
    });
    expect(
      Array.from({ length: records.count }, (_, i) => [
        customerIdAt(records, i),
        records.regions[records.region[i]!],
        records.subscribed[i],
        records.line[i],
      ]),
    ).toEqual([
      ['1401', 'Europe', 1, 4],
      ['1402', 'Asia', 0, 5],
    ]);
    const manifest = JSON.parse((await lake.text('silver/_manifests/dups.csv.json'))!);
    expect(manifest.outputs.customers.eTag).toBe(
      (
        await lake.s3.send(new HeadObjectCommand({ Bucket: lake.bucket, Key: 'silver-customers/dups.parquet' }))
      ).ETag?.replace(/"/g, ''),
    );
  });

  it('removes what an earlier version left: its quarantine rows when the new one has none, its silver table when the new one is rejected', async () => {
    await handler(await lake.put('bronze/v.csv', bronzeFixtureBytes('missing-id.csv')));
    expect(await lake.text('quarantine/v.csv')).toBeDefined();
    await handler(await lake.put('bronze/v.csv', bronzeFixtureBytes('bom-crlf.csv')));
    expect(await lake.text('quarantine/v.csv')).toBeUndefined();
    expect(await lake.text('silver/v.csv')).toBe(
      `${HEADER}007,Lia Costa,Portugal,Active,Europe\n008,Ken Ito,Japan,Inactive,Asia\n`,
    );
    expect(await lake.bytes('silver-customers/v.parquet')).toBeDefined();
    await handler(await lake.put('bronze/v.csv', bronzeFixtureBytes('duplicate-header.csv')));
    expect(await lake.text('silver/v.csv')).toBeUndefined();
    expect(await lake.bytes('silver-customers/v.parquet')).toBeUndefined();
    expect(await lake.text('quarantine/v.error.json')).toContain('column-names-unique');
    await handler(await lake.put('bronze/v.csv', bronzeFixtureBytes('bom-crlf.csv')));
    expect(await lake.text('quarantine/v.error.json')).toBeUndefined();
  });

  it('skips a stale event: an older version delivered after the newer one leaves the newer outputs byte-identical', async () => {
    const older = await lake.put('bronze/order.csv', bronzeFixtureBytes('missing-id.csv'));
    const newer = await lake.put('bronze/order.csv', bronzeFixtureBytes('leading-zero-ids.csv'));
    await handler(newer);
    const silver = await lake.text('silver/order.csv');
    const manifest = await lake.text('silver/_manifests/order.csv.json');
    const report = await handler(older);
    expect(report.results[0]).toMatchObject({ kind: 'stale', reason: expect.stringContaining('is already in silver') });
    expect(await lake.text('silver/order.csv')).toBe(silver);
    expect(await lake.text('silver/_manifests/order.csv.json')).toBe(manifest);
    expect(await lake.text('quarantine/order.csv')).toBeUndefined();
  });

  it('skips an event for an object that has changed since (its ETag differs), before reading it', async () => {
    const first = await lake.put('bronze/changed.csv', bronzeFixtureBytes('missing-id.csv'));
    await lake.put('bronze/changed.csv', bronzeFixtureBytes('bom-crlf.csv'));
    const report = await handler(first);
    expect(report.results.map(staleReason)[0]).toBe(
      'the object changed since this event (its ETag differs): the newer version has its own event',
    );
    expect(await lake.text('silver/changed.csv')).toBeUndefined();
  });
});

describe('silver on deletions', () => {
  const removal = (key: string, sequencer: string) =>
    buildS3NotificationEvent({
      eventName: 'ObjectRemoved:Delete',
      eventTime: '2026-11-29T16:00:00.000Z',
      bucket: lake.bucket,
      key,
      size: 0,
      eTag: '',
      sequencer,
    });

  it('removes the manifest, silver table, quarantine rows and rejection record of a deleted bronze object', async () => {
    await handler(await lake.put('bronze/gone.csv', bronzeFixtureBytes('missing-id.csv')));
    expect(await lake.keys('silver/_manifests/gone')).toEqual(['silver/_manifests/gone.csv.json']);
    const report = await handler(removal('bronze/gone.csv', 'FFFFFFFFFFFFFFFFFF'));
    expect(report.results[0]).toMatchObject({ kind: 'removed' });
    for (const key of [
      'silver/_manifests/gone.csv.json',
      'silver/gone.csv',
      'silver-customers/gone.parquet',
      'quarantine/gone.csv',
      'quarantine/gone.error.json',
    ])
      expect(await lake.text(key)).toBeUndefined();
  });

  it('skips a deletion older than the version silver holds', async () => {
    await handler(await lake.put('bronze/kept.csv', bronzeFixtureBytes('bom-crlf.csv')));
    const report = await handler(removal('bronze/kept.csv', '000000000000000000'));
    expect(report.results.map(staleReason)[0]).toMatch(
      /^a version created after this deletion \(sequencer [0-9A-F]+\) is already in silver$/,
    );
    expect(await lake.text('silver/kept.csv')).toBeDefined();
  });
});

describe('silver handler on S3 events', () => {
  it('decodes keys exactly once and derives silver keys from the decoded key, in both event shapes', async () => {
    const keys = [
      'bronze/customers 2024 (v2).csv',
      'bronze/clientes_São Paulo.csv',
      'bronze/a+b.csv',
      'bronze/100% real.csv',
    ];
    for (const shape of ['s3-notification', 'eventbridge'] as const) {
      const events = [];
      for (const key of keys) events.push(await lake.put(key, bronzeFixtureBytes('bom-crlf.csv'), { shape }));
      const reports =
        shape === 's3-notification'
          ? [await handler({ Records: events.flatMap((e) => (e as { Records: unknown[] }).Records) })]
          : await Promise.all(events.map((e) => handler(e)));
      expect(reports.flatMap((r) => r.results.map((x) => readFile(x).outputKeys[0]))).toEqual([
        'silver/customers 2024 (v2).csv',
        'silver/clientes_São Paulo.csv',
        'silver/a+b.csv',
        'silver/100% real.csv',
      ]);
      for (const key of keys)
        expect(await lake.text(key.replace('bronze/', 'silver/'))).toBe(
          `${HEADER}007,Lia Costa,Portugal,Active,Europe\n008,Ken Ito,Japan,Inactive,Asia\n`,
        );
    }
  });

  it('skips folder placeholders and non-CSV keys with no GetObject call and no error', async () => {
    const placeholder = (await lake.put('bronze/2026-11/', '')) as { Records: unknown[] };
    const text = (await lake.put('bronze/readme.txt', 'hello')) as { Records: unknown[] };
    commands.length = 0;
    const report = await handler({ Records: [...placeholder.Records, ...text.Records] });
    expect(report).toEqual({
      layer: 'silver',
      results: [],
      skipped: [
        { key: 'bronze/2026-11/', reason: 'a folder placeholder' },
        { key: 'bronze/readme.txt', reason: 'not a .csv or .CSV object' },
      ],
    });
    expect(commands).toEqual([]);
  });

  it('processes a real multipart upload (ObjectCreated:CompleteMultipartUpload) like a Put', async () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) =>
        `${String(i).padStart(6, '0')},Customer Number ${i} With A Rather Long Display Name Here,New Zealand,Active\n`,
    );
    const body = Buffer.from(`Customer ID,Customer Name,Customer Country,Subscription Status\n${rows.join('')}`);
    expect(body.byteLength).toBeGreaterThan(8 * 1024 * 1024);
    commands.length = 0;
    const { eTag } = await uploadStream(
      lake.s3,
      { bucket: lake.bucket, key: 'bronze/big.csv', contentType: 'text/csv' },
      Readable.from([body]),
    );
    expect(commands).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    const event = buildS3NotificationEvent({
      eventName: 'ObjectCreated:CompleteMultipartUpload',
      eventTime: '2026-11-29T13:00:00.000Z',
      bucket: lake.bucket,
      key: 'bronze/big.csv',
      size: body.byteLength,
      eTag,
      sequencer: '00000000000000FFFF',
    });
    const report = await handler(event);
    expect(countsOf(report.results[0]!)).toEqual({
      dataRecords: 100_000,
      silverRows: 100_000,
      quarantinedRows: 0,
      blankRows: 0,
      unknownCountryRows: 0,
      ruleFailures: {},
    });
    const silver = await lake.text('silver/big.csv');
    expect(silver?.length).toBe(body.byteLength + 100_000 * ',Oceania'.length + ',Region'.length);
  });

  it('processes every record: one failing object does not stop the other; the failure is thrown after the loop', async () => {
    const failing = (await lake.put('bronze/failing.csv', bronzeFixtureBytes('bom-crlf.csv'))) as {
      Records: unknown[];
    };
    const present = (await lake.put('bronze/present.csv', bronzeFixtureBytes('bom-crlf.csv'))) as {
      Records: unknown[];
    };
    const faults = injectS3Faults(lake.s3, [
      {
        command: 'GetObjectCommand',
        key: (key) => key === 'bronze/failing.csv',
        kind: 'internal-error',
        times: Infinity,
      },
    ]);
    const error = await handler({ Records: [...failing.Records, ...present.Records] }).catch((e: unknown) => e);
    faults.remove();
    expect(error).toBeInstanceOf(LayerInvocationError);
    expect((error as LayerInvocationError).failures).toEqual([
      { key: 'bronze/failing.csv', message: 'We encountered an internal error. Please try again.' },
    ]);
    expect(await lake.text('silver/present.csv')).toBe(
      `${HEADER}007,Lia Costa,Portugal,Active,Europe\n008,Ken Ito,Japan,Inactive,Asia\n`,
    );
  });

  it('skips, without failing, an event for an object deleted since (a deletion delivered before its creation)', async () => {
    const vanished = buildS3NotificationEvent({
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-11-29T14:00:00.000Z',
      bucket: lake.bucket,
      key: 'bronze/vanished.csv',
      size: 10,
      eTag: 'x',
      sequencer: '01',
    });
    const report = await handler(vanished);
    expect(report.results.map(staleReason)[0]).toBe('the object no longer exists: it was deleted after this event');
    expect(await lake.keys('silver/_manifests/vanished')).toEqual([]);
  });

  it('refuses keys outside bronze/ without writing anything (no recursion)', async () => {
    await lake.put('silver/outside.csv', `${HEADER}1,A,France,Active,Europe\n`);
    const before = await lake.keys();
    const event = buildS3NotificationEvent({
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-11-29T15:00:00.000Z',
      bucket: lake.bucket,
      key: 'silver/outside.csv',
      size: 1,
      eTag: 'x',
      sequencer: '02',
    });
    const gold = buildS3NotificationEvent({
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-11-29T15:00:00.000Z',
      bucket: lake.bucket,
      key: 'gold/customers_by_region.csv',
      size: 1,
      eTag: 'x',
      sequencer: '03',
    });
    const report = await handler({ Records: [...event.Records, ...gold.Records] });
    expect(report.skipped).toEqual([
      { key: 'silver/outside.csv', reason: 'outside the input prefix bronze/' },
      { key: 'gold/customers_by_region.csv', reason: 'outside the input prefix bronze/' },
    ]);
    expect(await lake.keys()).toEqual(before);
  });

  it("acknowledges S3's test event and does nothing", async () => {
    const before = await lake.keys();
    expect(
      await handler({
        Service: 'Amazon S3',
        Event: 's3:TestEvent',
        Time: '2026-11-29T12:00:00.000Z',
        Bucket: lake.bucket,
      }),
    ).toEqual({ layer: 'silver', results: [], skipped: [] });
    expect(await lake.keys()).toEqual(before);
  });
});

/** The result of a file silver read (processed or rejected); throws for a stale event or a removal. */
function readFile(result: SilverResult | undefined): SilverProcessed | SilverRejected {
  if (result?.kind !== 'processed' && result?.kind !== 'rejected') throw new Error(`not a read file: ${result?.kind}`);
  return result;
}
