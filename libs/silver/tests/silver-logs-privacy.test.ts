import { createLayerHandler } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silverLayer } from '../src';

let lake: TestLake;

beforeAll(async () => {
  lake = await startTestLake();
});

afterAll(async () => {
  await lake.close();
});

const SECRETS = [
  'Zelda Quokkafield',
  'zelda.quokka@example.org',
  'Bartholomew Xyst',
  'bart.xyst@example.net',
  '12 Quokka Lane',
  'Quokka Plan',
];

describe('silver logs', () => {
  it('never carry row contents, at DEBUG, for accepted, quarantined and rejected input', async () => {
    process.env['POWERTOOLS_LOG_LEVEL'] = 'DEBUG';
    const handler = createLayerHandler(silverLayer, { s3: lake.s3 });
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
    try {
      const header = 'Customer ID,Customer Name,Email,Customer Country,Subscription Status\n';
      await handler(
        await lake.put(
          'bronze/ok.csv',
          // A country cell that names no country (an address typed there) is cell text too, and so is an unknown status.
          `${header}1,Zelda Quokkafield,zelda.quokka@example.org,France,Active\n,Bartholomew Xyst,bart.xyst@example.net,Peru,Active\n3,Ana,a@b.c,12 Quokka Lane,Quokka Plan\n`,
        ),
      );
      await handler(
        await lake.put('bronze/bad.csv', `${header}2,Zelda Quokkafield "Z",zelda.quokka@example.org,France,Active\n`),
      );
      await handler(await lake.put('bronze/dup.csv', 'Customer ID,Customer ID,Zelda Quokkafield\n1,2,3\n'));
      // A record that looks like a repeated header (the first header's Customer ID and country
      // names in it) with a customer's cell besides: section-columns-match must not quote it.
      await handler(
        await lake.put(
          'bronze/pasted.csv',
          `${header}1,Ana,a@b.c,Chile,Active\nCustomer ID,Customer Country,Zelda Quokkafield\n`,
        ),
      );
      // A file without its header line whose first record repeats a cell: no duplicate quoted.
      await handler(await lake.put('bronze/no-header-dup.csv', '001,Zelda Quokkafield,Zelda Quokkafield,Spain\n'));
      // A file without its header line: its first record stands where the header should.
      await handler(
        await lake.put('bronze/no-header.csv', '001,Bartholomew Xyst,South Africa,Active\n002,Ana,Chile,Active\n'),
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
      process.env['POWERTOOLS_LOG_LEVEL'] = 'SILENT';
    }
    const logs = lines.join('');
    expect(logs).toContain('"message":"object processed"');
    expect(logs).toContain('"message":"file rejected"');
    expect(logs).toContain('"key":"bronze/ok.csv"');
    expect(logs).toContain('"unknownCountryValues":1');
    expect(logs).toContain('"unknownStatusValues":1');
    const okCounts = JSON.parse((await lake.text('silver/_manifests/ok.csv.json'))!).counts;
    expect(okCounts.unknownCountries).toEqual({ '12 Quokka Lane': 1 });
    expect(okCounts.unknownStatuses).toEqual({ 'Quokka Plan': 1 });
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
    expect(JSON.parse((await lake.text('quarantine/no-header.error.json'))!)).toMatchObject({
      rule: 'customer-id-column-present',
      reason:
        'no Customer ID column (expected "Customer ID" or "Customer Id"); the header has 4 columns split by comma, none of them a column name medallion knows (is the header line missing?); the rejection record lists its cells',
      headerCells: ['001', 'Bartholomew Xyst', 'South Africa', 'Active'],
    });
    expect(JSON.parse((await lake.text('quarantine/no-header-dup.error.json'))!)).toMatchObject({
      rule: 'column-names-unique',
      reason:
        'a duplicated column in the header; the header has 4 columns split by comma, none of them a column name medallion knows (is the header line missing?); the rejection record lists its cells',
      headerCells: ['001', 'Zelda Quokkafield', 'Zelda Quokkafield', 'Spain'],
    });
    expect(JSON.parse((await lake.text('quarantine/pasted.error.json'))!)).toMatchObject({
      rule: 'section-columns-match',
      headerCells: ['Customer ID', 'Customer Country', 'Zelda Quokkafield'],
    });
    // The quarantine keeps the raw record for the data owner; only logs must not.
    expect(await lake.text('quarantine/ok.csv')).toContain('Bartholomew Xyst');
  });
});
