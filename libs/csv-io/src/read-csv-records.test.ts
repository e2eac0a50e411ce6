import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NotUtf8Error } from './errors';
import { readCsvBatch, readCsvRecords } from './read-csv-records';

async function read(text: string | Buffer, chunkSize = 7) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const records = [];
  for await (const record of readCsvRecords(Readable.from(chunks))) records.push(record);
  return records;
}

describe('readCsvRecords', () => {
  it('drops a BOM and reads CRLF lines, raw text without the line break', async () => {
    const records = await read('\uFEFFCustomer ID,Country\r\n001,Brazil\r\n002,Japan\r\n');
    expect(records).toEqual([
      { fields: ['Customer ID', 'Country'], raw: 'Customer ID,Country', line: 1 },
      { fields: ['001', 'Brazil'], raw: '001,Brazil', line: 2 },
      { fields: ['002', 'Japan'], raw: '002,Japan', line: 3 },
    ]);
  });

  it('reads quoted commas, quotes and line breaks, and gives the physical start line', async () => {
    const records = await read('id,name\n101,"Doe, Jane"\n102,"Line one\nLine two"\n103,"Say ""hi"""\n');
    expect(records.map((r) => [r.line, r.fields, r.raw])).toEqual([
      [1, ['id', 'name'], 'id,name'],
      [2, ['101', 'Doe, Jane'], '101,"Doe, Jane"'],
      [3, ['102', 'Line one\nLine two'], '102,"Line one\nLine two"'],
      [5, ['103', 'Say "hi"'], '103,"Say ""hi"""'],
    ]);
  });

  it('returns ragged, tab-only and empty lines as records so every line is accounted for', async () => {
    const records = await read('a,b\n1,2,3\n\t\n,\n\n4,5');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2', '3']],
      [3, ['\t']],
      [4, ['', '']],
      [5, ['']],
      [6, ['4', '5']],
    ]);
  });

  it('reads files that mix CRLF, LF and CR line endings, counting each as a line break', async () => {
    const records = await read('id,c\r\n1,a\n2,b\r3,c\r\n"4\r\nx",d\n5,e');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['id', 'c']],
      [2, ['1', 'a']],
      [3, ['2', 'b']],
      [4, ['3', 'c']],
      [5, ['4\r\nx', 'd']],
      [7, ['5', 'e']],
    ]);
  });

  it.each([
    ['a quote inside an unquoted field', 'id,name\n1,Zelda Quokkafield "Z"\n', 'INVALID_OPENING_QUOTE'],
    ['text after a closing quote', 'id,name\n1,"Zelda" Q\n', 'CSV_INVALID_CLOSING_QUOTE'],
  ])('throws a CsvSyntaxError for %s, without the field value in the message', async (_, text, code) => {
    const error = await read(text).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CsvSyntaxError', code });
    expect((error as Error).message).not.toContain('Zelda');
  });

  it('decodes multi-byte UTF-8 split across chunks', async () => {
    const records = await read('country\nSão Tomé\nCôte d’Ivoire\n', 1);
    expect(records.map((r) => r.fields[0])).toEqual(['country', 'São Tomé', 'Côte d’Ivoire']);
  });

  it('throws a CsvSyntaxError naming the code and line, not the values, on an unclosed quote', async () => {
    await expect(read('a,b\n1,"secret value\n')).rejects.toMatchObject({
      name: 'CsvSyntaxError',
      code: 'CSV_QUOTE_NOT_CLOSED',
      line: 2,
    });
    await expect(read('a,b\n1,"secret value\n')).rejects.toThrow(
      'not well-formed CSV: CSV_QUOTE_NOT_CLOSED (detected at line 2): a field opens with a quote that is never closed; close it, or double a quote meant as text inside a quoted field',
    );
  });

  it('says what a stray closing quote means and what to do, without the field', async () => {
    await expect(read('a,b\n1,ok\n3,"x"secret\n')).rejects.toThrow(
      'not well-formed CSV: CSV_INVALID_CLOSING_QUOTE (detected at line 3): a closing quote is followed by text, not by the delimiter or a line break; quote the whole field and double the quotes in it',
    );
  });
});

describe('readCsvBatch: byte order marks starting a line (files concatenated)', () => {
  it('drops them, so that a quoted header after one parses, on the fast path and csv-parse alike', () => {
    const bytes = Buffer.from('a,b\n1,x\n\uFEFF"a","b"\r\n\uFEFF\uFEFF2,"y"\n');
    const expected = [
      { fields: ['a', 'b'], raw: 'a,b', line: 1 },
      { fields: ['1', 'x'], raw: '1,x', line: 2 },
      { fields: ['a', 'b'], raw: '"a","b"', line: 3 },
      { fields: ['2', 'y'], raw: '2,"y"', line: 4 },
    ];
    expect(readCsvBatch(bytes, { firstLine: 1, oversizedRecords: 'keep' })).toEqual(expected);
    expect(readCsvBatch(bytes, { firstLine: 1 })).toEqual(expected);
  });

  it('drops one at the start of a batch after the first, and keeps one inside a field', () => {
    const bytes = Buffer.from('\uFEFF"a",b\u{FEFF}c\n');
    expect(readCsvBatch(bytes, { firstLine: 5, oversizedRecords: 'keep' })).toEqual([
      { fields: ['a', 'b\uFEFFc'], raw: '"a",b\uFEFFc', line: 5 },
    ]);
  });
});

describe('readCsvBatch: unclosed quotes and doubled BOMs', () => {
  it.each(['\n', '\r\n'])(
    'places an unclosed quote at the line where its record starts, lines after it or not (%j)',
    (eol) => {
      for (const [lines, firstLine, at] of [
        [['a,b', '1,2', '3,"x,4', '5,6', '7,8', ''], 1, 3],
        [['a,"b', '1,2', ''], 1, 1],
        [['1,2', '3,"x', '5,6'], 40, 41],
      ] as const) {
        expect(() => readCsvBatch(Buffer.from(lines.join(eol)), { firstLine })).toThrow(
          `not well-formed CSV: CSV_QUOTE_NOT_CLOSED (detected at line ${at}): a field opens with a quote that is never closed; close it, or double a quote meant as text inside a quoted field`,
        );
      }
    },
  );

  it('drops every BOM at the start of the header and of a later line, none inside a field', () => {
    const records = readCsvBatch(Buffer.from('\uFEFF\uFEFF\uFEFFid,name\n\uFEFF1,Zo\uFEFFë\n'), { firstLine: 1 });
    expect(records.map((record) => record.fields)).toEqual([
      ['id', 'name'],
      ['1', 'Zo\uFEFFë'],
    ]);
  });
});

describe('readCsvRecords: encodings and limits', () => {
  const records = async (bytes: Buffer, options: Parameters<typeof readCsvRecords>[1], chunkSize = 3) => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
    const out = [];
    for await (const record of readCsvRecords(Readable.from(chunks), options)) out.push(record.fields);
    return out;
  };
  const cp1252 = Buffer.from([
    ...Buffer.from('id,name,country\n601,Jos'),
    0xe9,
    ...Buffer.from(',Cura'),
    0xe7,
    ...Buffer.from('ao\n602,Ren'),
    0xe9,
    0x65,
    ...Buffer.from(',Cote d'),
    0x92,
    ...Buffer.from('Ivoire\n'),
  ]);

  it('refuses Windows-1252 bytes when reading UTF-8, with NotUtf8Error', async () => {
    await expect(records(cp1252, {})).rejects.toBeInstanceOf(NotUtf8Error);
  });

  it('reads 2-, 3- and 4-byte UTF-8 characters cut at every chunk boundary, and refuses a sequence cut off by the end', async () => {
    const text = 'id,name\n1,Zoë 北京 🚀\n';
    for (const chunkSize of [1, 2, 3, 4, 5])
      expect(await records(Buffer.from(text), {}, chunkSize)).toEqual([
        ['id', 'name'],
        ['1', 'Zoë 北京 🚀'],
      ]);
    const truncated = Buffer.from('id,name\n1,🚀\n').subarray(0, 12);
    await expect(records(truncated, {}, 4)).rejects.toMatchObject({ name: 'NotUtf8Error', byteOffset: 10 });
  });

  it('decodes Windows-1252 with the real table (0x92 is a right single quote), never U+FFFD', async () => {
    expect(await records(cp1252, { encoding: 'windows-1252' })).toEqual([
      ['id', 'name', 'country'],
      ['601', 'José', 'Curaçao'],
      ['602', 'Renée', 'Cote d’Ivoire'],
    ]);
  });

  it('refuses UTF-16, bytes Windows-1252 leaves undefined, and marks a bad byte after valid UTF-8 text', async () => {
    await expect(records(Buffer.from('\ufeffid\n1\n', 'utf16le'), {})).rejects.toMatchObject({
      name: 'UnsupportedEncodingError',
    });
    await expect(
      records(Buffer.from([0x69, 0x64, 0x0a, 0x30, 0x81, 0x31, 0x0a]), { encoding: 'windows-1252' }),
    ).rejects.toThrow('neither UTF-8 nor Windows-1252 (byte 0x81 at 4 is undefined in Windows-1252)');
    const late = Buffer.concat([Buffer.from('id,name\n1,Ünïcödé\n'), Buffer.from([0x32, 0x2c, 0xe9, 0x0a])]);
    await expect(records(late, {}, 64)).rejects.toMatchObject({ name: 'NotUtf8Error', afterUtf8Text: true });
    await expect(records(cp1252, {}, 64)).rejects.toMatchObject({ name: 'NotUtf8Error', afterUtf8Text: false });
  });

  it('fails an oversized record with CSV_MAX_RECORD_SIZE, holding no more than the limit', async () => {
    const huge = Buffer.from(`id,note\n1,${'x'.repeat(5000)}\n2,ok\n`);
    await expect(records(huge, { maxRecordChars: 1000 }, 512)).rejects.toMatchObject({
      name: 'CsvSyntaxError',
      code: 'CSV_MAX_RECORD_SIZE',
    });
    expect(await records(huge, { maxRecordChars: 10_000 }, 512)).toHaveLength(3);
  });

  it('counts delimiters too: a record of many empty fields is over the limit', async () => {
    const commas = Buffer.from(`id,note\n${','.repeat(300)}\n`);
    await expect(records(commas, { maxRecordChars: 100 }, 64)).rejects.toMatchObject({
      name: 'CsvSyntaxError',
      code: 'CSV_MAX_RECORD_SIZE',
      line: 2,
    });
  });

  it('counts the record size limit in characters, not bytes: 500 three-byte characters pass a limit of 1,000', async () => {
    const cjk = Buffer.from(`id,name\n1,${'日'.repeat(500)}\n`);
    expect((await records(cjk, { maxRecordChars: 1000 }, 64))[1]).toEqual(['1', '日'.repeat(500)]);
    expect(readCsvBatch(cjk, { firstLine: 1, maxRecordChars: 1000 })[1]!.fields).toEqual(['1', '日'.repeat(500)]);
    const over = Buffer.from(`id,name\n1,${'日'.repeat(1000)}\n`);
    await expect(records(over, { maxRecordChars: 1000 }, 64)).rejects.toMatchObject({
      name: 'CsvSyntaxError',
      code: 'CSV_MAX_RECORD_SIZE',
      line: 2,
    });
  });

  it('reads as Windows-1252 the 2-byte UTF-8 pairs its text makes by chance (É’, ß and a no-break space), cut at every chunk boundary, and places the first invalid byte exactly', async () => {
    const chance = Buffer.concat([
      Buffer.from('id,name\n1,JOS'),
      Buffer.from([0xc9, 0x92]),
      Buffer.from('S Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n2,Gro'),
      Buffer.from([0xdf, 0xa0, 0xb0]),
      Buffer.from('\n'),
    ]);
    for (const chunkSize of [1, 2, 3, 5, 64]) {
      await expect(records(chance, {}, chunkSize)).rejects.toMatchObject({
        name: 'NotUtf8Error',
        byteOffset: 20,
        afterUtf8Text: false,
      });
      expect(await records(chance, { encoding: 'windows-1252' }, chunkSize)).toEqual([
        ['id', 'name'],
        ['1', 'JOSÉ’S Café'],
        ['2', 'Groß\u00a0°'],
      ]);
    }
  });

  it('refuses, when reading Windows-1252, a file that also holds well-formed UTF-8 text (a UTF-8 file with one bad byte)', async () => {
    const mixed = Buffer.concat([Buffer.from('id,name\n1,Caf'), Buffer.from([0xe9]), Buffer.from('\n2,Zoë\n')]);
    await expect(records(mixed, {})).rejects.toMatchObject({ name: 'NotUtf8Error', afterUtf8Text: false });
    for (const chunkSize of [3, 64]) {
      await expect(records(mixed, { encoding: 'windows-1252' }, chunkSize)).rejects.toThrow(
        'mixed encodings: the file has bytes that are not UTF-8, and UTF-8 text (at byte 19)',
      );
    }
  });
});

describe('readCsvBatch and the record size limit', () => {
  it('accepts a record of exactly the limit, its line break not counted (LF, CRLF, CR)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const bytes = Buffer.from(`id,note${eol}1,${'x'.repeat(8)}${eol}`);
      expect(readCsvBatch(bytes, { firstLine: 1, maxRecordChars: 10 })[1]).toEqual({
        fields: ['1', 'x'.repeat(8)],
        raw: `1,${'x'.repeat(8)}`,
        line: 2,
      });
    }
  });

  it("keeps a record over the limit, marked with its length and its raw text whole, when asked (oversizedRecords: 'keep')", () => {
    const over = `2,"${'y'.repeat(5)}\n${'z'.repeat(5)}"`;
    const bytes = Buffer.from(`id,note\n1,ok\n${over}\n3,ok\n`);
    expect(() => readCsvBatch(bytes, { firstLine: 1, maxRecordChars: 10 })).toThrow(
      expect.objectContaining({ name: 'CsvSyntaxError', code: 'CSV_MAX_RECORD_SIZE', line: 3 }),
    );
    expect(readCsvBatch(bytes, { firstLine: 1, maxRecordChars: 10, oversizedRecords: 'keep' })).toEqual([
      { fields: ['id', 'note'], raw: 'id,note', line: 1 },
      { fields: ['1', 'ok'], raw: '1,ok', line: 2 },
      { fields: [], raw: over, line: 3, oversizedChars: 15 },
      { fields: ['3', 'ok'], raw: '3,ok', line: 5 },
    ]);
  });
});
