import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silverLayer, type SilverResult } from '../src';

let lake: TestLake;
let handler: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;

beforeAll(async () => {
  lake = await startTestLake();
  handler = createLayerHandler(silverLayer, { s3: lake.s3 });
});

afterAll(async () => {
  await lake.close();
});

/** Uploads `bytes` as bronze/<name>.csv, runs silver on its event, and returns its result, silver and quarantine text. */
async function ingest(name: string, bytes: Buffer) {
  const report = await handler(await lake.put(`bronze/${name}.csv`, bytes));
  return {
    result: report.results[0],
    silver: await lake.text(`silver/${name}.csv`),
    quarantine: await lake.text(`quarantine/${name}.csv`),
  };
}

/** Windows-1252 bytes of Latin-1 text (what a European Excel writes for "CSV (semicolon)"). */
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

const SILVER =
  'Customer ID,Customer Name,Customer Country,Subscription Status,Region\n' +
  '101,Gaëlle Martin,France,Active,Europe\n' +
  '102,Müller; Jürgen,Germany,Cancelled,Europe\n' +
  '103,"Renée, Dubois",France,Active,Europe\n';

/** The three customers of {@link SILVER}, their fields split by `delimiter`, each line ended by `eol`. */
function customers(delimiter: string, eol = '\n'): string {
  return [
    ['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'],
    ['101', 'Gaëlle Martin', 'France', 'Active'],
    ['102', '"Müller; Jürgen"', 'Germany', 'Cancelled'],
    ['103', 'Renée, Dubois', 'France', 'Active'],
  ]
    .map((fields) => fields.join(delimiter) + eol)
    .join('');
}

describe('silver detects the field delimiter and writes silver with commas', () => {
  it.each([
    ['semicolons after a sep=; line', Buffer.from(`sep=;\n${customers(';')}`), 'utf-8'],
    ['semicolons, CRLF, no sep line', Buffer.from(customers(';', '\r\n')), 'utf-8'],
    [
      'semicolons in Windows-1252 (a European Excel export)',
      latin1(`sep=;\r\n${customers(';', '\r\n')}`),
      'windows-1252',
    ],
    ['tabs', Buffer.from(customers('\t')), 'utf-8'],
    ['a BOM, then sep=\\t', Buffer.from(`\uFEFFsep=\t\n${customers('\t')}`), 'utf-8'],
  ] as [string, Buffer, string][])('reads %s', async (name, bytes, encoding) => {
    const { result, silver } = await ingest(name.replace(/\W+/g, '-'), bytes);
    expect(result).toMatchObject({ kind: 'processed', encoding, counts: { dataRecords: 3, silverRows: 3 } });
    expect(silver).toBe(SILVER);
  });

  it('keeps the physical lines (the sep= line counts) and the raw semicolon text in quarantine', async () => {
    const text = `sep=;\n${customers(';')}104;Zoë;Austria\n;Nobody;Peru;Active\n`;
    const { result, quarantine } = await ingest('semicolon-quarantine', Buffer.from(text));
    expect(result).toMatchObject({ kind: 'processed', counts: { silverRows: 3, quarantinedRows: 2 } });
    expect(quarantine).toBe(
      'Line,Reason,Raw Record\n' +
        '6,column-count: the record has 3 fields but the header has 4 columns,104;Zoë;Austria\n' +
        '7,customer-id-present: Customer ID is empty,;Nobody;Peru;Active\n',
    );
  });

  it('reads a sep=, line as commas, the header after it', async () => {
    const { result, silver } = await ingest(
      'sep-comma',
      Buffer.from(
        `sep=,\n${customers(',').replace('Renée, Dubois', '"Renée, Dubois"').replace('"Müller; Jürgen"', 'Müller; Jürgen')}`,
      ),
    );
    expect(result).toMatchObject({ kind: 'processed', counts: { silverRows: 3 } });
    expect(silver).toBe(SILVER);
  });

  it('rejects a header whose delimiters tie, saying what it saw', async () => {
    const { result, silver } = await ingest(
      'tied-delimiters',
      Buffer.from('Customer ID,Customer Name;Customer Country\n101,Gaëlle;France\n'),
    );
    expect(result).toMatchObject({
      kind: 'rejected',
      rule: 'delimiter-known',
      reason:
        'the field delimiter cannot be decided: the header has 1 comma and 1 semicolon outside quotes; give the file a first line sep=, or sep=; (or sep= and a tab) to say which',
    });
    expect(silver).toBeUndefined();
  });

  it('lists the columns it found when a required one is missing and one it knows is there', async () => {
    const { result } = await ingest(
      'german-header',
      Buffer.from('Kunden-ID;Name;Country;Status\n101;Jürgen Groß;Deutschland;Aktiv\n'),
    );
    expect(result).toMatchObject({
      kind: 'rejected',
      rule: 'customer-id-column-present',
      reason:
        'no Customer ID column (expected "Customer ID" or "Customer Id"); the header has 4 columns split by semicolon: "Kunden-ID", "Name", "Country", "Status"',
    });
  });

  it('only counts the columns when none is a name it knows (the line may be a record)', async () => {
    const { result } = await ingest(
      'german-only-header',
      Buffer.from('Kunden-ID;Name;Land;Zustand\n101;Jürgen Groß;Deutschland;Aktiv\n'),
    );
    expect(result).toMatchObject({
      kind: 'rejected',
      rule: 'customer-id-column-present',
      reason:
        'no Customer ID column (expected "Customer ID" or "Customer Id"); the header has 4 columns split by semicolon, none of them a column name medallion knows (is the header line missing?); the rejection record lists its cells',
    });
  });

  it.each(['sep=\n', 'SEP=\r\n', 'sep=;,\n'])(
    'rejects a first line %j that names no one delimiter, saying so',
    async (first) => {
      const name = `sep-bad-${first.length}-${first.charCodeAt(4)}`;
      expect((await ingest(name, Buffer.from(`${first}Customer ID;Country\n1;Chile\n`))).result).toMatchObject({
        kind: 'rejected',
        rule: 'delimiter-known',
        reason:
          'the first line starts with sep= but names no one delimiter; write sep=, or sep=; (or sep= and a tab), or remove the line',
      });
    },
  );

  it('rejects a file of only a sep= line as having no header', async () => {
    expect((await ingest('sep-only', Buffer.from('sep=;\n'))).result).toMatchObject({
      kind: 'rejected',
      rule: 'header-present',
      reason: 'no header: the object holds only a sep=; line',
    });
  });
});
