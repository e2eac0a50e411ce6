import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvBatch, readCsvBatchFields, readCsvRecords } from './read-csv-records';
import { splitCsvBatches, type CsvBatch } from './split-csv-batches';

function chunksOf(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

async function batchesOf(
  bytes: Buffer,
  chunkSize: number,
  batchBytes: number,
  maxRecordChars?: number,
): Promise<CsvBatch[]> {
  const batches: CsvBatch[] = [];
  for await (const batch of splitCsvBatches(Readable.from(chunksOf(bytes, chunkSize)), {
    batchBytes,
    ...(maxRecordChars ? { maxRecordChars } : {}),
  }))
    batches.push(batch);
  return batches;
}

async function wholeFile(bytes: Buffer) {
  const records = [];
  for await (const record of readCsvRecords(Readable.from([bytes]))) records.push(record);
  return records;
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const TRICKY = [
  '\uFEFFid,name,note\n1,Ana,plain\n2,"Doe, Jane","two\nlines"\n',
  'id,name\r\n1,"a ""quoted"" word"\r\n\r\n2,"line\r\nbreak"\r\n3,x',
  'id,name\r1,CR only\r2,"quoted\rCR"\r3,end\r',
  'id,name\n1,LF\r\n2,CRLF\r3,CR\n\n,,\n4,"\n"\n',
  'id\n' + Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? `"${i}\n${i}"` : String(i))).join('\n') + '\n',
];

describe('splitCsvBatches + readCsvBatch', () => {
  it('cut files into whole records: the header alone first, every byte once, the same records and lines as a whole-file read', async () => {
    for (const text of TRICKY) {
      const bytes = Buffer.from(text);
      const expected = await wholeFile(bytes);
      for (const chunkSize of [1, 2, 3, 7, 64, 4096]) {
        for (const batchBytes of [1, 10, 50, 1 << 20]) {
          const batches = await batchesOf(bytes, chunkSize, batchBytes);
          expect(Buffer.concat(batches.map((b) => b.bytes)).equals(bytes)).toBe(true);
          expect(readCsvBatch(batches[0]!.bytes, batches[0]!)).toHaveLength(1);
          expect(batches.flatMap((batch) => readCsvBatch(batch.bytes, batch))).toEqual(expected);
          expect(batches.flatMap((batch) => readCsvBatchFields(batch.bytes, batch))).toEqual(
            expected.map((record) => record.fields),
          );
        }
      }
    }
  });

  it('cuts a large file into batches of about the asked size', async () => {
    const bytes = Buffer.from(`id,name\n${Array.from({ length: 1000 }, (_, i) => `${i},name ${i}`).join('\n')}\n`);
    const batches = await batchesOf(bytes, 100, 1000);
    expect(batches[0]).toEqual({ bytes: Buffer.from('id,name\n'), firstLine: 1 });
    expect(batches[1]!.firstLine).toBe(2);
    expect(batches.slice(1, -1).every((b) => b.bytes.length >= 1000 && b.bytes.length < 1020)).toBe(true);
    // 12,780 data bytes (10 lines of 9 bytes, 90 of 11, 900 of 13) in batches of 1,000 to 1,012: 13, plus the header.
    expect(batches).toHaveLength(14);
  });

  it('report a stray quote with the same error and line as a whole-file read', async () => {
    const bytes = Buffer.from(
      `id,name\n${Array.from({ length: 50 }, (_, i) => `${i},n${i}`).join('\n')}\n51,ab"c\n52,d\n`,
    );
    const whole = await errorOf(wholeFile(bytes));
    expect(whole).toMatchObject({ name: 'CsvSyntaxError', line: 52 });
    const batches = await batchesOf(bytes, 16, 40);
    const batched = await errorOf(
      Promise.resolve().then(() => batches.flatMap((batch) => readCsvBatch(batch.bytes, batch))),
    );
    expect(batched).toMatchObject({ name: 'CsvSyntaxError', code: (whole as { code: string }).code, line: 52 });
  });

  it('cut a runaway quoted field once past the record size limit, so the parse fails as oversized, not unbounded', async () => {
    const bytes = Buffer.from(`id,note\n1,"${'x'.repeat(5000)}\n2,y\n`);
    const batches = await batchesOf(bytes, 64, 100, 1000);
    expect(batches.length).toBeGreaterThan(2);
    expect(Math.max(...batches.map((b) => b.bytes.length))).toBeLessThanOrEqual(100 + 4 * 1000 + 4 + 64);
    const error = await errorOf(
      Promise.resolve().then(() =>
        batches.flatMap((batch) => readCsvBatch(batch.bytes, { ...batch, maxRecordChars: 1000 })),
      ),
    );
    expect(error).toMatchObject({ name: 'CsvSyntaxError', code: 'CSV_MAX_RECORD_SIZE', line: 2 });
  });
});

describe("splitCsvBatches with oversizedRecords: 'pieces'", () => {
  async function piecesOf(bytes: Buffer, chunkSize: number): Promise<CsvBatch[]> {
    const batches: CsvBatch[] = [];
    const input = Readable.from(chunksOf(bytes, chunkSize));
    for await (const batch of splitCsvBatches(input, {
      batchBytes: 64,
      maxRecordChars: 100,
      oversizedRecords: 'pieces',
    }))
      batches.push(batch);
    return batches;
  }

  it.each([1, 7, 64, 333])(
    'hands on a record past the forced cut in pieces of whole characters, the records around it as batches (chunks of %i bytes)',
    async (chunkSize) => {
      const record = `2,"a ""b""\r\n${'é日x'.repeat(200)}\r${'y'.repeat(300)}",Chile\r\n`;
      const bytes = Buffer.from(`id,note,country\r\n1,a,Chile\r\n${record}3,"c\nd",Peru\r\n4,e,Peru\r\n`);
      const batches = await piecesOf(bytes, chunkSize);
      expect(Buffer.concat(batches.map((batch) => batch.bytes)).equals(bytes)).toBe(true);
      const pieces = batches.filter((batch) => batch.oversized !== undefined);
      expect(pieces.map((piece) => piece.oversized)).toEqual([
        'start',
        ...Array.from({ length: pieces.length - 2 }, () => 'part'),
        'end',
      ]);
      expect(Buffer.concat(pieces.map((piece) => piece.bytes)).toString('utf8')).toBe(record);
      for (const piece of pieces) {
        expect(piece.firstLine).toBe(3);
        expect(Buffer.from(piece.bytes).toString('utf8')).not.toContain('\uFFFD');
      }
      const records = batches
        .filter((batch) => batch.oversized === undefined)
        .flatMap((batch) => readCsvBatch(batch.bytes, { ...batch, maxRecordChars: 100 }));
      expect(records.map(({ raw, line }) => [raw, line])).toEqual([
        ['id,note,country', 1],
        ['1,a,Chile', 2],
        ['3,"c\nd",Peru', 6],
        ['4,e,Peru', 8],
      ]);
    },
  );

  it('marks the last piece when the input ends inside the runaway quote', async () => {
    const batches = await piecesOf(Buffer.from(`id,note\n1,a\n2,"${'z'.repeat(1000)}\n3,b\n`), 50);
    expect(batches.at(-1)).toMatchObject({ oversized: 'end', unclosedQuote: true, firstLine: 3 });
  });
});
