import { createLayerHandler, type LayerInvocationReport } from '@medallion/layer-runtime';
import { startTestLake, type TestLake } from '@medallion/local-s3/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSilverLayer, type SilverResult } from '../src';
import { countsOf } from '../src/silver-result';

let lake: TestLake;
let inline: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;
let parallel: (event: unknown) => Promise<LayerInvocationReport<SilverResult>>;

beforeAll(async () => {
  lake = await startTestLake();
  inline = createLayerHandler(createSilverLayer({ threads: 0 }), { s3: lake.s3 });
  // Two worker threads and batches of ~64 bytes: the oversized record has batches on both sides.
  parallel = createLayerHandler(createSilverLayer({ threads: 2, parallelMinBytes: 0, batchBytes: 64 }), {
    s3: lake.s3,
  });
});

afterAll(async () => {
  await lake.close();
});

afterEach(() => {
  delete process.env['MEDALLION_MAX_RECORD_CHARS'];
});

/** Uploads `text` as bronze/<name>.csv, runs `handler` on its event, and returns what silver wrote. */
async function ingest(handler: typeof inline, name: string, text: string) {
  const report = await handler(await lake.put(`bronze/${name}.csv`, text));
  const result = report.results[0]!;
  return {
    kind: result.kind,
    rule: result.kind === 'rejected' ? result.rule : undefined,
    reason: result.kind === 'rejected' ? result.reason : undefined,
    counts: countsOf(result),
    silver: await lake.text(`silver/${name}.csv`),
    quarantine: await lake.text(`quarantine/${name}.csv`),
  };
}

const HEADER = ['Customer ID', 'Customer Name', 'Customer Country', 'Subscription Status'];

/** Ten customers, the fourth's name `name`, fields split by `delimiter`. */
function tenCustomers(name: string, delimiter: string): string {
  const rows = [HEADER];
  for (let i = 1; i <= 10; i++) rows.push([String(i), i === 4 ? name : `Name ${i}`, 'Chile', 'Active']);
  return rows.map((fields) => fields.join(delimiter) + '\n').join('');
}

/** The silver table of {@link tenCustomers} without the fourth. */
const NINE_SILVER = [
  `${HEADER.join(',')},Region`,
  ...[1, 2, 3, 5, 6, 7, 8, 9, 10].map((i) => `${i},Name ${i},Chile,Active,South America`),
  '',
].join('\n');

describe('silver quarantines a record over MEDALLION_MAX_RECORD_CHARS and keeps the rest of its file', () => {
  it.each([
    [',', 'inline'],
    [';', 'inline'],
    ['\t', 'inline'],
    [',', 'on worker threads'],
    [';', 'on worker threads'],
  ])('a 3 MB field in one of ten rows (delimiter %j, %s)', async (delimiter, how) => {
    const field = 'x'.repeat(3_000_000);
    const raw = ['4', field, 'Chile', 'Active'].join(delimiter);
    const name = `three-mb-${how === 'inline' ? 'inline' : 'parallel'}-${delimiter === '\t' ? 'tab' : delimiter === ';' ? 'semicolon' : 'comma'}`;
    const outputs = await ingest(how === 'inline' ? inline : parallel, name, tenCustomers(field, delimiter));
    expect(outputs.kind).toBe('processed');
    expect(outputs.silver).toBe(NINE_SILVER);
    const rawCell = delimiter === ',' ? `"${raw}"` : raw;
    expect(outputs.quarantine).toBe(
      'Line,Reason,Raw Record\n' +
        `5,"record-size: the record is ${(3_000_000 + 15).toLocaleString('en-US')} characters, over MEDALLION_MAX_RECORD_CHARS (1,048,576)",${rawCell}\n`,
    );
    expect(outputs.counts).toMatchObject({ dataRecords: 10, silverRows: 9, quarantinedRows: 1, blankRows: 0 });
    expect(outputs.counts.ruleFailures).toEqual({ 'record-size': 1 });
  });

  it('accepts a record of exactly the limit (its line break not counted), quarantines one character more, with its line and raw text', async () => {
    process.env['MEDALLION_MAX_RECORD_CHARS'] = '40';
    // "2,<name>,Peru,Active" is 40 characters with a name of 26.
    const exact = `2,${'a'.repeat(26)},Peru,Active`;
    const over = `3,"${'b'.repeat(23)}\nc",Peru,Active`;
    expect(exact).toHaveLength(40);
    expect(over).toHaveLength(41);
    for (const [handler, name] of [
      [inline, 'exact-inline'],
      [parallel, 'exact-parallel'],
    ] as const) {
      const outputs = await ingest(
        handler,
        name,
        `Customer ID,Customer Name,Country,Status\r\n1,A,Chile,Active\r\n${exact}\r\n${over}\r\n4,D,Chile,Active\r\n`,
      );
      expect(outputs.silver).toBe(
        `Customer ID,Customer Name,Country,Status,Region\n1,A,Chile,Active,South America\n${exact},South America\n4,D,Chile,Active,South America\n`,
      );
      expect(outputs.quarantine).toBe(
        `Line,Reason,Raw Record\n4,"record-size: the record is 41 characters, over MEDALLION_MAX_RECORD_CHARS (40)","${over.replaceAll('"', '""')}"\n`,
      );
      expect(outputs.counts).toMatchObject({ dataRecords: 4, silverRows: 3, quarantinedRows: 1 });
    }
  });

  it('counts characters, not UTF-16 units: a record of 40 characters with emoji in it is accepted at 40, and reported in characters over it', async () => {
    process.env['MEDALLION_MAX_RECORD_CHARS'] = '40';
    // "2,<name>,Peru,Active" is 40 characters with a name of 26 emoji (52 UTF-16 units).
    const exact = `2,${'😀'.repeat(26)},Peru,Active`;
    const over = `3,${'😀'.repeat(27)},Peru,Active`;
    expect([...exact]).toHaveLength(40);
    expect(exact).toHaveLength(66);
    const outputs = await ingest(
      inline,
      'emoji-exact',
      `Customer ID,Customer Name,Country,Status\n${exact}\n${over}\n`,
    );
    expect(outputs.silver).toBe(`Customer ID,Customer Name,Country,Status,Region\n${exact},South America\n`);
    expect(outputs.quarantine).toBe(
      `Line,Reason,Raw Record\n3,"record-size: the record is 41 characters, over MEDALLION_MAX_RECORD_CHARS (40)","${over}"\n`,
    );
  });

  it('still rejects as malformed a file whose unclosed quote runs past the limit', async () => {
    process.env['MEDALLION_MAX_RECORD_CHARS'] = '100';
    for (const [handler, name] of [
      [inline, 'runaway-inline'],
      [parallel, 'runaway-parallel'],
    ] as const) {
      const outputs = await ingest(
        handler,
        name,
        `Customer ID,Customer Name,Country\n1,A,Chile\n2,"${'y'.repeat(1000)}\n3,C,Peru\n`,
      );
      expect(outputs).toMatchObject({ kind: 'rejected', rule: 'well-formed-csv', silver: undefined });
      expect(outputs.reason).toBe(
        'not well-formed CSV: CSV_QUOTE_NOT_CLOSED (detected at line 3): a field opens with a quote that is never closed; close it, or double a quote meant as text inside a quoted field',
      );
    }
  });

  it.each([
    ['inline', () => inline],
    ['on worker threads', () => parallel],
  ] as const)(
    'quarantines whole, in pieces, a record of more than four times the limit in bytes (quotes, a quoted CRLF, multi-byte characters), the lines after it right (%s)',
    async (how, handler) => {
      process.env['MEDALLION_MAX_RECORD_CHARS'] = '1000';
      const note = `"say ""hi""\r\n${'é日x'.repeat(60_000)}"`;
      const raw = `2,${note},Chile`;
      const text = `Customer ID,Customer Name,Country\r\n1,A,Chile\r\n${raw}\r\n3,"C\nD",Peru\r\n4,,Peru\r\n`;
      const outputs = await ingest(handler(), `pieces-${how.replaceAll(' ', '-')}`, text);
      expect(outputs.kind).toBe('processed');
      expect(outputs.silver).toBe(
        'Customer ID,Customer Name,Country,Region\n1,A,Chile,South America\n3,"C\nD",Peru,South America\n4,,Peru,South America\n',
      );
      expect(outputs.quarantine).toBe(
        'Line,Reason,Raw Record\n' +
          `3,"record-size: the record is over 4,000 bytes, four times MEDALLION_MAX_RECORD_CHARS (1,000)","${raw.replaceAll('"', '""')}"\n`,
      );
      expect(outputs.counts).toMatchObject({ dataRecords: 4, silverRows: 3, quarantinedRows: 1, blankRows: 0 });
      expect(outputs.counts.ruleFailures).toEqual({ 'record-size': 1, 'status-column-present': 3 });
    },
  );
});
