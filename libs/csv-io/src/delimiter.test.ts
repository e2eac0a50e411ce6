import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decideDelimiter, delimiterName, sepLineDelimiter } from './delimiter';
import { readCsvBatch, readCsvRecords } from './read-csv-records';
import { splitCsvBatches, type CsvBatch } from './split-csv-batches';

async function batchesOf(bytes: Buffer, chunkSize: number, batchBytes: number): Promise<CsvBatch[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const batches: CsvBatch[] = [];
  for await (const batch of splitCsvBatches(Readable.from(chunks), { batchBytes })) batches.push(batch);
  return batches;
}

describe('delimiters', () => {
  it('honours a sep= line (any case, after BOMs), nothing else', () => {
    expect(sepLineDelimiter('sep=;')).toBe(';');
    expect(sepLineDelimiter('\uFEFF\uFEFFSEP=\t')).toBe('\t');
    expect(sepLineDelimiter('sep=|')).toBe('|');
    // Spaces or tabs after the delimiter (a hand-edited line) are not part of it.
    expect(sepLineDelimiter('sep=; ')).toBe(';');
    expect(sepLineDelimiter('sep=,\t  ')).toBe(',');
    expect(sepLineDelimiter('sep=\t ')).toBe('\t');
    // A spreadsheet that showed the line as a cell pads it with the delimiter.
    expect(sepLineDelimiter('sep=;;;')).toBe(';');
    expect(sepLineDelimiter('sep=,,, ')).toBe(',');
    for (const raw of ['sep=', 'sep=;,', 'sep="', 'Customer ID;sep=;', ' sep=;', 'sep=; ;'])
      expect(sepLineDelimiter(raw)).toBeUndefined();
  });

  it('takes the most frequent of comma, semicolon and tab outside quotes; a tie is undecided, saying what was seen', () => {
    expect(decideDelimiter('Customer ID,Customer Name,Country')).toEqual({ delimiter: ',' });
    expect(decideDelimiter('Kunden-ID;"Name, Vorname";Land')).toEqual({ delimiter: ';' });
    expect(decideDelimiter('id\tname\t"a;b;c;d"')).toEqual({ delimiter: '\t' });
    expect(decideDelimiter('Customer ID')).toEqual({ delimiter: ',' });
    expect(decideDelimiter('a,b;c\td')).toEqual({
      delimiter: undefined,
      seen: 'the header has 1 comma, 1 semicolon and 1 tab outside quotes',
    });
    expect(decideDelimiter('a;b;c,d,e')).toEqual({
      delimiter: undefined,
      seen: 'the header has 2 commas and 2 semicolons outside quotes',
    });
    expect([delimiterName(';'), delimiterName('\t', 2), delimiterName('|')]).toEqual(['semicolon', 'tabs', '"|"']);
  });

  it('cuts a sep= line and the header after it alone, and reads semicolon and tab batches as a whole-file read does', async () => {
    const texts = [
      'sep=;\r\nid;name;note\r\n1;"Müller; Jürgen";"two\r\nlines"\r\n2;Gaëlle;plain\r\n3;x;"a ""q"" ;"\r\n',
      '\uFEFFsep=\t\nid\tname\n1\tStraße\n\n2\t"tab\tinside"\n',
    ];
    for (const [index, text] of texts.entries()) {
      const delimiter = index === 0 ? ';' : '\t';
      const bytes = Buffer.from(text);
      const whole = [];
      for await (const record of readCsvRecords(Readable.from([bytes]), { delimiter })) whole.push(record);
      for (const chunkSize of [1, 3, 64]) {
        for (const batchBytes of [1, 20, 1 << 20]) {
          const batches = await batchesOf(bytes, chunkSize, batchBytes);
          expect(Buffer.concat(batches.map((batch) => batch.bytes)).equals(bytes)).toBe(true);
          expect(batches.slice(0, 2).map((batch) => readCsvBatch(batch.bytes, { ...batch, delimiter }).length)).toEqual(
            [1, 1],
          );
          const records = batches.flatMap((batch) => readCsvBatch(batch.bytes, { ...batch, delimiter }));
          expect(records).toEqual(whole);
        }
      }
      expect(whole[1]?.fields).toEqual(index === 0 ? ['id', 'name', 'note'] : ['id', 'name']);
    }
  });

  it('cuts a header that is not after a sep= line alone, as before', async () => {
    const batches = await batchesOf(Buffer.from('id;name\n1;a\n2;b\n'), 64, 1 << 20);
    expect(batches.map((batch) => batch.firstLine)).toEqual([1, 2]);
  });
});
