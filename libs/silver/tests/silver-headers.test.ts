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

/** Uploads `text` (UTF-8) as bronze/<name>.csv, runs silver on its event, and returns its result and silver text. */
async function ingestText(name: string, text: string) {
  const report = await handler(await lake.put(`bronze/${name}.csv`, Buffer.from(text)));
  return { result: report.results[0], silver: await lake.text(`silver/${name}.csv`) };
}

const HEADER = 'Customer ID,Customer Name,Customer Country,Subscription Status';

describe('silver reads headers as a spreadsheet writes them', () => {
  it.each([1, 2, 3])('reads %i trailing commas on every line as unnamed columns, kept in silver', async (commas) => {
    const end = ','.repeat(commas);
    const text = `${HEADER}${end}\n101,Gaëlle Martin,France,Active${end}\n102,"Müller, Jürgen",Germany,Cancelled${end}\n`;
    const { result, silver } = await ingestText(`trailing-commas-${commas}`, text);
    expect(result).toMatchObject({ kind: 'processed', counts: { silverRows: 2, quarantinedRows: 0 } });
    expect(silver).toBe(
      `${HEADER}${end},Region\n101,Gaëlle Martin,France,Active${end},Europe\n102,"Müller, Jürgen",Germany,Cancelled${end},Europe\n`,
    );
  });

  it('still rejects a header of only unnamed columns, and two unnamed columns between named ones', async () => {
    expect((await ingestText('only-commas', ',,,\n1,2,3,4\n')).result).toMatchObject({
      kind: 'rejected',
      rule: 'header-present',
    });
    expect((await ingestText('inner-unnamed', `Customer ID,,,Customer Country\n1,a,b,France\n`)).result).toMatchObject({
      kind: 'rejected',
      rule: 'column-names-unique',
      reason: 'duplicate column "" in the header',
    });
  });

  it('drops a doubled BOM: no U+FEFF reaches the silver header', async () => {
    const { result, silver } = await ingestText(
      'double-bom',
      `\uFEFF\uFEFF${HEADER}\r\n201,Zoë Straße,Austria,Active\r\n`,
    );
    expect(result).toMatchObject({ kind: 'processed', counts: { silverRows: 1 } });
    expect(silver).toBe(`${HEADER},Region\n201,Zoë Straße,Austria,Active,Europe\n`);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reports an unclosed quote at the line where its record starts (%s, lines after it)', async (name, eol) => {
    const text = [
      HEADER,
      '301,Anna,Chile,Active',
      '302,"Müller, Jürgen,Germany,Active',
      '303,Lu,Peru,Active',
      '304,Bo,Peru,Active',
      '',
    ].join(eol);
    const { result } = await ingestText(`unclosed-${name}`, text);
    expect(result).toMatchObject({
      kind: 'rejected',
      rule: 'well-formed-csv',
      reason:
        'not well-formed CSV: CSV_QUOTE_NOT_CLOSED (detected at line 3): a field opens with a quote that is never closed; close it, or double a quote meant as text inside a quoted field',
    });
  });
});
