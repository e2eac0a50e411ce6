import { CsvWriter, escapeSpreadsheetCell, formatCsv, readCsvRecords } from '@medallion/csv-io';
import { FileRejectedError } from '@medallion/schemas';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { SilverTransform, transformSilverBatch } from '../src';

const HEADER = ['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'];

describe('SilverTransform', () => {
  it('appends Region to the header as read', () => {
    expect(new SilverTransform([' Customer Id', 'Country']).header).toEqual([' Customer Id', 'Country', 'Region']);
  });

  it('keeps every field in order, trims the ID and appends the region', () => {
    const transform = new SilverTransform(HEADER);
    expect(
      transform.apply({ fields: [' 001 ', 'Ana', 'Brazil', 'Active'], raw: ' 001 ,Ana,Brazil,Active', line: 2 }),
    ).toEqual({
      kind: 'silver',
      row: ['001', 'Ana', 'Brazil', 'Active', 'South America'],
      customerId: '001',
      region: 'South America',
      country: 'Brazil',
      subscribed: true,
      failures: [],
    });
  });

  it('writes a plain record as its bronze text plus the Region cell, without re-serializing it', () => {
    const transform = new SilverTransform(HEADER);
    expect(
      transform.apply({ fields: ['001', 'Ana', 'Brazil', 'Active'], raw: '001,Ana,Brazil,Active', line: 2 }),
    ).toEqual({
      kind: 'silver',
      row: '001,Ana,Brazil,Active,South America',
      customerId: '001',
      region: 'South America',
      country: 'Brazil',
      subscribed: true,
      failures: [],
    });
  });

  it('writes the same bytes through the plain-text path as csv-stringify writes for the escaped cells', async () => {
    const bronze = [
      'Customer ID,Customer Name,Customer Country,Subscription Status',
      '001,Ana,Brazil,Active',
      ' 002 ,Bo,Japan,Active',
      '003,"Doe, Jane",France,Inactive',
      '004,=SUM(A1),Kenya,Active',
      "005,'-1,Peru,Active",
      '006,"Say ""hi""",Chile,Active',
      '007,+44 20,"Korea, Republic of",Active',
      '008,\t@x,Spain,Active',
      '009,Zed,Atlantis,',
      '',
    ].join('\n');
    const writer = new CsvWriter();
    const written = text(writer.output);
    const expected: string[][] = [];
    let transform: SilverTransform | undefined;
    for await (const record of readCsvRecords(Readable.from([Buffer.from(bronze)]))) {
      if (!transform) {
        transform = new SilverTransform(record.fields);
        expected.push(transform.header);
        await writer.write(transform.header);
        continue;
      }
      const output = transform.apply(record);
      if (output.kind !== 'silver') throw new Error(`line ${record.line} was not kept`);
      await writer.write(output.row);
      const cells = record.fields.map((field, i) => escapeSpreadsheetCell(i === 0 ? field.trim() : field));
      expected.push([...cells, output.region]);
    }
    writer.end();
    expect(await written).toBe(formatCsv(expected));
    expect((await written).split('\n')).toEqual([
      'Customer ID,Customer Name,Customer Country,Subscription Status,Region',
      '001,Ana,Brazil,Active,South America',
      '002,Bo,Japan,Active,Asia',
      '003,"Doe, Jane",France,Inactive,Europe',
      "004,'=SUM(A1),Kenya,Active,Africa",
      "005,''-1,Peru,Active,South America",
      '006,"Say ""hi""",Chile,Active,South America',
      '007,\'+44 20,"Korea, Republic of",Active,Asia',
      "008,'\t@x,Spain,Active,Europe",
      '009,Zed,Atlantis,,Others',
      '',
    ]);
  });

  it('gives Others, kept, for a country it does not know', () => {
    const transform = new SilverTransform(HEADER);
    expect(
      transform.apply({ fields: ['9', 'Zed', 'Atlantis', 'Active'], raw: '9,Zed,Atlantis,Active', line: 5 }),
    ).toMatchObject({ kind: 'silver', region: 'Others' });
  });

  it('quarantines with line, reason and the raw record', () => {
    const transform = new SilverTransform(HEADER);
    expect(
      transform.apply({ fields: ['', 'Nameless', 'Kenya', 'Active'], raw: ',Nameless,Kenya,Active', line: 3 }),
    ).toEqual({
      kind: 'quarantine',
      row: ['3', 'customer-id-present: Customer ID is empty', ',Nameless,Kenya,Active'],
      failures: [{ rule: 'customer-id-present', action: 'quarantine', message: 'Customer ID is empty' }],
    });
  });

  it('reports blanks', () => {
    expect(new SilverTransform(HEADER).apply({ fields: ['', '', '', ''], raw: ',,,', line: 4 })).toEqual({
      kind: 'blank',
    });
  });

  it('refuses a header without a country column', () => {
    expect(() => new SilverTransform(['Customer ID', 'Name'])).toThrow(FileRejectedError);
  });
});

describe('transformSilverBatch', () => {
  it('keeps apart headers whose cells join to the same text (the transform is cached per header)', () => {
    const batch = (header: string[]) =>
      transformSilverBatch({ header, bytes: Buffer.from('001,Japan,France\n'), firstLine: 2, maxRecordChars: 1000 })
        .silverText;
    expect(batch(['Customer ID', 'Country\u0000x', 'Customer Country'])).toBe('001,Japan,France,Europe\n');
    expect(batch(['Customer ID', 'Country', 'x\u0000Customer Country'])).toBe('001,Japan,France,Asia\n');
  });
});
