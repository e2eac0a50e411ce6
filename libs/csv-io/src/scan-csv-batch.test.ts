import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvBatch, readCsvBatchWithLibrary, type CsvBatchReadOptions } from './read-csv-records';
import { scanCsvBatch } from './scan-csv-batch';

/** What a read gives: the records, or the error's class name, message and line. */
function outcome(read: typeof readCsvBatch, bytes: Uint8Array, options: CsvBatchReadOptions): unknown {
  try {
    return read(bytes, options);
  } catch (error) {
    const { name, message, line } = error as Error & { line?: number };
    return `${name} ${message} ${line}`;
  }
}

const DELIMITERS = [',', ';', '\t', '|', ' '] as const;

/** Cell texts: multibyte, formula starts, BOMs, spaces, delimiters and line breaks (quoted when they must be). */
const cellText = fc
  .array(
    fc.constantFrom(
      'a',
      'Zoë',
      '北',
      '😀',
      '=1+1',
      '+x',
      '-3',
      '@me',
      ' ',
      '\uFEFF',
      ',',
      ';',
      '\t',
      '|',
      '"',
      '\n',
      '\r',
      '\r\n',
      '',
    ),
    { maxLength: 5 },
  )
  .map((pieces) => pieces.join(''));

/** A cell as a writer would write it in a file split by `delimiter`: quoted (quotes doubled) when it must be, or when the coin says. */
function writtenCell(text: string, delimiter: string, quote: boolean): string {
  const must = /["\r\n]/.test(text) || text.includes(delimiter);
  return must || quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Well-formed records (ragged, empty lines included) and the line break after each. */
const wellFormedBatch = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  records: fc.array(
    fc.record({
      cells: fc.array(fc.record({ text: cellText, quote: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
    }),
    { maxLength: 12 },
  ),
  lastBreak: fc.boolean(),
  bom: fc.boolean(),
  maxRecordChars: fc.integer({ min: 1, max: 60 }),
});

describe('scanCsvBatch, the fast path beside csv-parse', () => {
  it('reads every well-formed batch to the records, raw texts, lines and oversized marks csv-parse gives, cut anywhere between records (property)', () => {
    fc.assert(
      fc.property(wellFormedBatch, fc.nat(), (batch, cutSeed) => {
        const { delimiter, maxRecordChars } = batch;
        const lines = batch.records.map(({ cells, lineBreak }, i) => {
          const text = cells.map(({ text: cell, quote }) => writtenCell(cell, delimiter, quote)).join(delimiter);
          return text + (i < batch.records.length - 1 || batch.lastBreak ? lineBreak : '');
        });
        const options = { firstLine: 1, maxRecordChars, delimiter, oversizedRecords: 'keep' } as const;
        const whole = Buffer.from((batch.bom ? '\uFEFF' : '') + lines.join(''));
        const library = outcome(readCsvBatchWithLibrary, whole, options);
        // The fast path reads it (no give-up): the equality below is the fast path's, not csv-parse's twice.
        expect(scanCsvBatch(whole.toString('utf8'), delimiter, true)).toBeDefined();
        expect(outcome(readCsvBatch, whole, options)).toEqual(library);
        // Cut between two records, as the batch cutter does: the second batch starts at its record's line.
        // (A lone CR before an empty line that ends in LF is one CRLF: the lines are not the records then.)
        const merged = lines.some((line, i) => line.endsWith('\r') && lines[i + 1]?.startsWith('\n'));
        if (!Array.isArray(library) || library.length < 2 || merged) return;
        const cut = 1 + (cutSeed % (library.length - 1));
        const firstBytes = Buffer.byteLength((batch.bom ? '\uFEFF' : '') + lines.slice(0, cut).join(''));
        const first = readCsvBatch(whole.subarray(0, firstBytes), options);
        const second = readCsvBatch(whole.subarray(firstBytes), { ...options, firstLine: library[cut]!.line });
        expect([...first, ...second]).toEqual(library);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same records or the same error as csv-parse on any text: stray and unclosed quotes, bare line breaks (property)', () => {
    const piece = fc.constantFrom('a', 'é', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', '\uFEFF', '=x', ' ', 'x"y');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom(...DELIMITERS),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        (pieces, delimiter, firstLine, maxRecordChars) => {
          const bytes = Buffer.from(pieces.join(''));
          const options = { firstLine, maxRecordChars, delimiter, oversizedRecords: 'keep' } as const;
          expect(outcome(readCsvBatch, bytes, options)).toEqual(outcome(readCsvBatchWithLibrary, bytes, options));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives up where only csv-parse should judge, and reads the common cases itself', () => {
    expect(scanCsvBatch('a"b,c\n', ',', false)).toBeUndefined(); // a quote inside an unquoted field
    expect(scanCsvBatch('"a"b,c\n', ',', false)).toBeUndefined(); // a closing quote before a letter
    expect(scanCsvBatch('"a\nb,c\n', ',', false)).toBeUndefined(); // an unclosed quote
    expect(scanCsvBatch('\uFEFFid,"Doe, ""J"""\r\n\n7,x', ',', true)).toEqual([
      { record: ['id', 'Doe, "J"'], raw: 'id,"Doe, ""J"""', breaks: 1 },
      { record: [''], raw: '', breaks: 1 },
      { record: ['7', 'x'], raw: '7,x', breaks: 0 },
    ]);
    expect(scanCsvBatch('1;"two\r\nlines"\r3', ';', false)).toEqual([
      { record: ['1', 'two\r\nlines'], raw: '1;"two\r\nlines"', breaks: 2 },
      { record: ['3'], raw: '3', breaks: 0 },
    ]);
  });
});
