import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilverLayer, type SilverResult } from '../src';
import { countsOf } from '../src/silver-result';

let lake: TestLake;
let inline: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;
let parallel: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;

beforeAll(async () => {
  lake = await startTestLake();
  inline = createLayerHandler(createSilverLayer({ threads: 0 }), { s3: lake.s3 });
  // Two worker threads and batches of ~64 bytes: batches after a repeated header are dispatched before it is seen.
  parallel = createLayerHandler(createSilverLayer({ threads: 2, parallelMinBytes: 0, batchBytes: 64 }), {
    s3: lake.s3,
  });
});

afterAll(async () => {
  await lake.close();
});

const HANDLERS = [
  ['inline', () => inline],
  ['on worker threads', () => parallel],
] as const;

/** Uploads `text` as bronze/<name>.csv, runs `handler` on its event, and returns what silver wrote. */
async function ingest(handler: typeof inline, name: string, text: string) {
  const report = await handler(await lake.put(`bronze/${name}.csv`, text));
  const result = report.results[0]!;
  const manifest = await lake.text(`silver/_manifests/${name}.csv.json`);
  return {
    kind: result.kind,
    rule: result.kind === 'rejected' ? result.rule : undefined,
    reason: result.kind === 'rejected' ? result.reason : undefined,
    counts: countsOf(result),
    manifestCounts: manifest === undefined ? undefined : (JSON.parse(manifest) as { counts: unknown }).counts,
    silver: await lake.text(`silver/${name}.csv`),
    quarantine: await lake.text(`quarantine/${name}.csv`),
  };
}

const FIRST = 'Customer ID,Customer Name,Customer Country,Subscription Status';

/** `count` customers from `from` on, in the first header's order. */
function rows(from: number, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${from + i},Name ${from + i},Chile,${i % 2 === 0 ? 'Active' : 'Inactive'}`,
  );
}

/** {@link rows} with the columns in another order: status, country, ID, name. */
function reordered(from: number, count: number): string[] {
  return rows(from, count).map((row) => {
    const [id, name, country, status] = row.split(',');
    return [status, country, id, name].join(',');
  });
}

const SILVER_HEADER = `${FIRST},Region`;

/** The silver rows of {@link rows}. */
const silverRows = (from: number, count: number): string[] => rows(from, count).map((row) => `${row},South America`);

describe('silver reads two exports pasted together as sections of one file', () => {
  it.each(HANDLERS)('a repeated header in the same order starts a second section (%s)', async (how, handler) => {
    const text = [FIRST, ...rows(1, 8), FIRST, ...rows(9, 8), ''].join('\n');
    const outputs = await ingest(handler(), `same-order-${how.replaceAll(' ', '-')}`, text);
    expect(outputs.kind).toBe('processed');
    expect(outputs.silver).toBe([SILVER_HEADER, ...silverRows(1, 16), ''].join('\n'));
    expect(outputs.quarantine).toBeUndefined();
    expect(outputs.counts).toMatchObject({
      dataRecords: 16,
      silverRows: 16,
      quarantinedRows: 0,
      blankRows: 0,
      sections: 2,
    });
    expect(outputs.manifestCounts).toMatchObject({ dataRecords: 16, sections: 2 });
  });

  it.each(HANDLERS)(
    'a repeated header in another order (other case and spaces too) reads its section by its own columns, written in the first order (%s)',
    async (how, handler) => {
      const second = ' subscription status ;CUSTOMER COUNTRY;customer id;Customer Name';
      const text = [
        FIRST.replaceAll(',', ';'),
        ...rows(1, 6).map((row) => row.replaceAll(',', ';')),
        second,
        ...reordered(7, 6).map((row) => row.replaceAll(',', ';')),
        // A short record in the reordered section is quarantined as it is in bronze.
        'Active;Chile;13',
        FIRST.replaceAll(',', ';'),
        ...rows(14, 3).map((row) => row.replaceAll(',', ';')),
        '',
      ].join('\r\n');
      const outputs = await ingest(handler(), `other-order-${how.replaceAll(' ', '-')}`, text);
      expect(outputs.kind).toBe('processed');
      expect(outputs.silver).toBe([SILVER_HEADER, ...silverRows(1, 12), ...silverRows(14, 3), ''].join('\n'));
      expect(outputs.quarantine).toBe(
        'Line,Reason,Raw Record\n15,column-count: the record has 3 fields but the header has 4 columns,Active;Chile;13\n',
      );
      expect(outputs.counts).toMatchObject({ dataRecords: 16, silverRows: 15, quarantinedRows: 1, sections: 3 });
      expect(outputs.manifestCounts).toMatchObject({ dataRecords: 16, silverRows: 15, sections: 3 });
    },
  );

  it.each(HANDLERS)('a file of one section has no sections count (%s)', async (how, handler) => {
    const outputs = await ingest(
      handler(),
      `one-section-${how.replaceAll(' ', '-')}`,
      [FIRST, ...rows(1, 5), ''].join('\n'),
    );
    expect(outputs.counts).toMatchObject({ dataRecords: 5, silverRows: 5 });
    expect(outputs.manifestCounts).toMatchObject({ dataRecords: 5, silverRows: 5 });
    expect(outputs.counts).not.toHaveProperty('sections');
    expect(outputs.manifestCounts).not.toHaveProperty('sections');
  });

  it.each(HANDLERS)(
    'rejects a file whose repeated header names other columns, naming the known ones; the rejection record holds its cells (%s)',
    async (how, handler) => {
      const name = `different-${how.replaceAll(' ', '-')}`;
      const text = [FIRST, ...rows(1, 8), 'Customer ID,Customer Country,Email', '20,Peru,a@b.c', ''].join('\n');
      const outputs = await ingest(handler(), name, text);
      expect(outputs).toMatchObject({ kind: 'rejected', rule: 'section-columns-match', silver: undefined });
      expect(outputs.reason).toBe(
        'sections with different columns: the header repeated at line 10 lacks "Customer Name", "Subscription Status" of the first header\'s columns and has 1 unknown cell besides them; split the file into one file per export',
      );
      const record = JSON.parse((await lake.text(`quarantine/${name}.error.json`))!);
      expect(record.headerCells).toEqual(['Customer ID', 'Customer Country', 'Email']);
      expect(JSON.parse((await lake.text(`silver/_manifests/${name}.csv.json`))!).rejection).toEqual({
        rule: 'section-columns-match',
        reason: outputs.reason,
      });
    },
  );

  it.each([
    ['Customer ID,Customer Country', 'lacks "Customer Name", "Subscription Status" of the first header\'s columns'],
    [
      'Customer ID,Customer Name,Customer Country,Subscription Status,Email',
      "has 1 unknown cell besides the first header's columns",
    ],
  ])('names only what a repeated header lacks, or only what it adds (%s)', async (repeated, what) => {
    const text = [FIRST, ...rows(1, 3), repeated, ''].join('\n');
    const outputs = await ingest(HANDLERS[0]![1](), `lacks-or-adds-${repeated.length}`, text);
    expect(outputs.reason).toBe(
      `sections with different columns: the header repeated at line 5 ${what}; split the file into one file per export`,
    );
  });

  it.each(HANDLERS)(
    "pairs trailing unnamed columns in order whichever section has more; a record of its own section's width is read by it (%s)",
    async (how, handler) => {
      const text = [
        `${FIRST},`,
        `1,Ann,Chile,Active,`,
        // The second export ends every line with two delimiters, in another column order.
        'Subscription Status,Customer Country,Customer ID,Customer Name,,',
        'Active,Peru,2,Bo,,',
        'Inactive,Peru,3,Cy,x,',
        // A value in the column the first header lacks: silver has no place for it.
        'Active,Peru,4,Di,,y',
        // The first header's width, not its section's: not read by the first header's positions.
        'Active,Peru,5,Ed,',
        // A third export with no trailing delimiter.
        FIRST,
        '6,Flo,Chile,Active',
        '',
      ].join('\n');
      const outputs = await ingest(handler(), `trailing-unnamed-${how.replaceAll(' ', '-')}`, text);
      expect(outputs.kind).toBe('processed');
      expect(outputs.silver).toBe(
        [
          `${FIRST},,Region`,
          '1,Ann,Chile,Active,,South America',
          '2,Bo,Peru,Active,,South America',
          '3,Cy,Peru,Inactive,x,South America',
          '6,Flo,Chile,Active,,South America',
          '',
        ].join('\n'),
      );
      expect(outputs.quarantine).toBe(
        [
          'Line,Reason,Raw Record',
          '6,column-count: the record has 6 fields but the header has 5 columns,"Active,Peru,4,Di,,y"',
          '7,column-count: the record has 5 fields but the header has 6 columns,"Active,Peru,5,Ed,"',
          '',
        ].join('\n'),
      );
      expect(outputs.counts).toMatchObject({ dataRecords: 6, silverRows: 4, quarantinedRows: 2, sections: 3 });
    },
  );

  it.each([
    [
      'Index,Customer Id,Country',
      'Index,Customer ID,Customer Country',
      'lacks "Country" of the first header\'s columns and has "Customer Country" besides them',
    ],
    [
      'Customer ID,Customer Country',
      'Country,Customer ID',
      'lacks "Customer Country" of the first header\'s columns and has "Country" besides them',
    ],
  ])(
    'a repeated header spelling the country column another way is a section with different columns, not a customer (%s)',
    async (first, repeated, what) => {
      const text = [
        first,
        first
          .split(',')
          .map((_, i) => ['1', '001', 'France'][i] ?? 'France')
          .join(','),
        repeated,
        '',
      ].join('\n');
      const outputs = await ingest(HANDLERS[0]![1](), `alias-${first.length}`, text);
      expect(outputs).toMatchObject({ kind: 'rejected', rule: 'section-columns-match', silver: undefined });
      expect(outputs.reason).toBe(
        `sections with different columns: the header repeated at line 3 ${what}; split the file into one file per export`,
      );
    },
  );

  it('says a repeated header names a column twice', async () => {
    const text = [FIRST, ...rows(1, 3), `${FIRST},Customer Country`, ''].join('\n');
    const outputs = await ingest(HANDLERS[0]![1](), 'named-twice', text);
    expect(outputs).toMatchObject({ kind: 'rejected', rule: 'section-columns-match' });
    expect(outputs.reason).toBe(
      'sections with different columns: the header repeated at line 5 names "Customer Country" twice; split the file into one file per export',
    );
  });

  it.each(HANDLERS)(
    'reads the sections of a Windows-1252 file with a sep=; line and a reordered second export (%s)',
    async (how, handler) => {
      const text =
        'sep=;\r\nCustomer ID;Customer Name;Country\r\n1;Gaëlle;France\r\n2;Jürgen;Germany\r\n' +
        'Country;Customer ID;Customer Name\r\nSpain;3;Íñigo\r\nFrance;4;"Renée; Dubois"\r\n';
      const report = await handler()(
        await lake.put(`bronze/cp1252-${how.replaceAll(' ', '-')}.csv`, Buffer.from(text, 'latin1')),
      );
      const result = report.results[0]!;
      expect(result).toMatchObject({ kind: 'processed', encoding: 'windows-1252' });
      expect(countsOf(result)).toMatchObject({ dataRecords: 4, silverRows: 4, sections: 2 });
      expect(await lake.text(`silver/cp1252-${how.replaceAll(' ', '-')}.csv`)).toBe(
        'Customer ID,Customer Name,Country,Region\n1,Gaëlle,France,Europe\n2,Jürgen,Germany,Europe\n3,Íñigo,Spain,Europe\n4,Renée; Dubois,France,Europe\n',
      );
    },
  );

  it.each(HANDLERS)(
    'skips a sep= line before a repeated header, counting it as sepLines, through a BOM (%s)',
    async (how, handler) => {
      const second = 'sep=;\r\n\uFEFFCustomer ID;Customer Name;Country\r\n3;Íñigo;Spain\r\n';
      const text = `sep=;\r\nCustomer ID;Customer Name;Country\r\n1;Gaëlle;France\r\n${second}${second.replace('3;Íñigo', '4;Zoë')}`;
      const outputs = await ingest(handler(), `sep-repeated-${how.replaceAll(' ', '-')}`, text);
      expect(outputs.kind).toBe('processed');
      expect(outputs.silver).toBe(
        'Customer ID,Customer Name,Country,Region\n1,Gaëlle,France,Europe\n3,Íñigo,Spain,Europe\n4,Zoë,Spain,Europe\n',
      );
      expect(outputs.quarantine).toBeUndefined();
      const counts = { dataRecords: 3, silverRows: 3, quarantinedRows: 0, blankRows: 0, sections: 3, sepLines: 2 };
      expect(outputs.counts).toMatchObject(counts);
      expect(outputs.manifestCounts).toMatchObject(counts);
    },
  );

  it.each([
    [
      'a header pasted with semicolons',
      [FIRST, ...rows(1, 3), FIRST.replaceAll(',', ';'), '4;Ana;Chile;Active', ''].join('\n'),
      'sections with different delimiters: the header repeated at line 5 is split by semicolons, the first header is split by commas; split the file into one file per export',
    ],
    [
      'a sep=; line before it',
      [FIRST, ...rows(1, 3), 'sep=;', FIRST.replaceAll(',', ';'), '4;Ana;Chile;Active', ''].join('\n'),
      'sections with different delimiters: the header repeated at line 6 is split by semicolons, the first header is split by commas; split the file into one file per export',
    ],
    [
      'a header pasted with tabs, reordered',
      [FIRST, ...rows(1, 3), 'Customer Country\tCustomer ID\tCustomer Name\tSubscription Status', ''].join('\n'),
      'sections with different delimiters: the header repeated at line 5 is split by tabs, the first header is split by commas; split the file into one file per export',
    ],
  ])('rejects a file with %s, instead of quarantining its section for column-count', async (_what, text, reason) => {
    for (const [how, handler] of HANDLERS) {
      const outputs = await ingest(handler(), `other-delimiter-${how.replaceAll(' ', '-')}-${reason.length}`, text);
      expect(outputs).toMatchObject({ kind: 'rejected', rule: 'section-columns-match', reason });
      expect(outputs.silver).toBeUndefined();
    }
  });

  it.each(HANDLERS)(
    'skips sep= lines padded by a spreadsheet or naming another delimiter, and reads the data after them (%s)',
    async (how, handler) => {
      const text = [
        FIRST,
        ...rows(1, 2),
        'sep=,,,',
        FIRST,
        ...rows(3, 1),
        '"sep=;",,,',
        'sep=;',
        ...rows(4, 1),
        '',
      ].join('\n');
      const outputs = await ingest(handler(), `sep-padded-${how.replaceAll(' ', '-')}`, text);
      expect(outputs.kind).toBe('processed');
      expect(outputs.silver).toBe(
        [
          SILVER_HEADER,
          ...silverRows(1, 2),
          ...silverRows(3, 1),
          ...silverRows(4, 1).map((row) => row.replace('Inactive', 'Active')),
          '',
        ].join('\n'),
      );
      expect(outputs.counts).toMatchObject({
        dataRecords: 4,
        silverRows: 4,
        quarantinedRows: 0,
        sections: 2,
        sepLines: 3,
      });
    },
  );

  it.each([
    ['Index,Customer Id,First Name,Country', '1,7,Ana,Chile'],
    ['Index,Customer Id,First Name,Country,City', '1,7,Ana,Chile,Arica'],
  ])('rejects an export of another schema pasted after the first (%s), naming what differs', async (header, row) => {
    const text = [FIRST, ...rows(1, 2), header, row, ''].join('\n');
    const outputs = await ingest(HANDLERS[0]![1](), `other-schema-${header.length}`, text);
    expect(outputs).toMatchObject({ kind: 'rejected', rule: 'section-columns-match' });
    expect(outputs.reason).toBe(
      `sections with different columns: the header repeated at line 4 lacks "Customer Name", "Customer Country", "Subscription Status" of the first header's columns and has "Country" and ${header.split(',').length - 2} unknown cells besides them; split the file into one file per export`,
    );
  });

  it('reads a data record that merely holds semicolons as data (column-count, not a section)', async () => {
    const text = [FIRST, ...rows(1, 2), '3;Ana;Chile', ''].join('\n');
    const outputs = await ingest(HANDLERS[0]![1](), 'semicolon-record', text);
    expect(outputs.kind).toBe('processed');
    expect(outputs.counts).toMatchObject({ dataRecords: 3, silverRows: 2, quarantinedRows: 1 });
    expect(outputs.counts).not.toHaveProperty('sepLines');
  });

  it.each([
    ['led by an ideographic space', `\u3000${FIRST}`, 'processed'],
    ['led by an em space', `\u2003${FIRST}`, 'processed'],
    ['without a country column', 'Customer ID,Customer Name,Email,Subscription Status', 'rejected'],
    ['spelling the ID column CustomerID', 'CustomerID,Customer Name,Customer Country,Subscription Status', 'rejected'],
    ['split by semicolons and padded with commas', `"${FIRST.replaceAll(',', ';')}",,,`, 'rejected'],
  ])('takes a repeated header %s for a header, never a customer', async (_what, header, kind) => {
    const text = [FIRST, ...rows(1, 2), header, ...rows(3, 1), ''].join('\n');
    const outputs = await ingest(HANDLERS[0]![1](), `header-${header.length}-${header.charCodeAt(0)}`, text);
    expect(outputs.kind).toBe(kind);
    if (kind === 'processed') {
      expect(outputs.silver).toBe([SILVER_HEADER, ...silverRows(1, 3), ''].join('\n'));
      expect(outputs.counts).toMatchObject({ dataRecords: 3, silverRows: 3, sections: 2 });
    } else {
      expect(outputs.rule).toBe('section-columns-match');
      expect(outputs.silver).toBeUndefined();
    }
  });

  it('keeps a record whose ID is sep=1 as data: a letter or digit after sep= names no delimiter there', async () => {
    const text = [FIRST, ...rows(1, 1), 'sep=1,,,', ''].join('\n');
    const outputs = await ingest(HANDLERS[0]![1](), 'sep-digit', text);
    expect(outputs.kind).toBe('processed');
    expect(outputs.counts).toMatchObject({ dataRecords: 2 });
    expect(outputs.counts).not.toHaveProperty('sepLines');
  });

  it('reads two quoted exports with BOMs concatenated (cat a.csv b.csv) as two sections', async () => {
    const quoted = (line: string): string =>
      line
        .split(',')
        .map((cell) => `"${cell}"`)
        .join(',');
    const part = (from: number): string => ['\uFEFF' + quoted(FIRST), ...rows(from, 2).map(quoted), ''].join('\r\n');
    const outputs = await ingest(HANDLERS[1]![1](), 'cat-quoted-boms', part(1) + part(3));
    expect(outputs.kind).toBe('processed');
    expect(outputs.silver).toBe([SILVER_HEADER, ...silverRows(1, 4), ''].join('\n'));
    expect(outputs.counts).toMatchObject({ dataRecords: 4, silverRows: 4, sections: 2 });
  });
});
