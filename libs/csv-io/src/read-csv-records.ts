import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { createTextDecoder, type TextEncoding } from './decode-text';
import { CsvSyntaxError } from './errors';

/** One CSV record as read from a byte stream. */
export interface CsvRecord {
  /** The record's fields, unquoted. */
  readonly fields: string[];
  /** The record's text exactly as in the input, without its trailing line break (and without a BOM). */
  readonly raw: string;
  /** 1-based physical line where the record starts; the header is line 1. */
  readonly line: number;
}

/** How to read a CSV byte stream. */
export interface CsvReadOptions {
  /** @default 'utf-8' (strict: invalid bytes fail with NotUtf8Error) */
  readonly encoding?: TextEncoding;
  /**
   * Largest record accepted, in characters of its raw text, delimiters included (about bytes for
   * Latin text); a larger one fails the read with CsvSyntaxError `CSV_MAX_RECORD_SIZE`, and a single
   * runaway field is stopped as soon as it passes the limit.
   * @default 1_048_576 (1 MiB)
   */
  readonly maxRecordChars?: number;
}

/** Default {@link CsvReadOptions.maxRecordChars}. */
export const DEFAULT_MAX_RECORD_CHARS = 1_048_576;

/** Counts the line breaks (`\n`, `\r\n` or a lone `\r`) in a record's raw text (native `indexOf` scans: most records have one). */
function countLineBreaks(raw: string): number {
  let breaks = 0;
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) breaks++;
  for (let at = raw.indexOf('\r'); at !== -1; at = raw.indexOf('\r', at + 1)) if (raw.charCodeAt(at + 1) !== 10) breaks++;
  return breaks;
}

/** Removes one trailing record delimiter (`\r\n`, `\n` or `\r`). */
function stripRecordDelimiter(raw: string): string {
  if (raw.endsWith('\r\n')) return raw.slice(0, -2);
  if (raw.endsWith('\n') || raw.endsWith('\r')) return raw.slice(0, -1);
  return raw;
}

/**
 * Streams the records of a CSV byte stream (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks) with csv-parse, after decoding (see `createTextDecoder`). A UTF-8 BOM is dropped;
 * CRLF, LF and CR may be mixed in one file; records may have any number of fields (checking the count is the caller's job); empty lines are
 * returned as records with one empty field, so that every line is accounted for.
 *
 * @param input - the CSV bytes, e.g. an S3 object body.
 * @param options - encoding and the record size limit.
 * @returns the records in order, the header first.
 * @throws NotUtf8Error when reading UTF-8 and the bytes are not; CsvSyntaxError on a syntax error
 *   such as an unclosed quote or an oversized record (code and line, no values); the input
 *   stream's own error as is.
 */
export async function* readCsvRecords(input: Readable, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const decoder = createTextDecoder(options.encoding ?? 'utf-8');
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const parser = input.pipe(decoder).pipe(
    parse({
      max_record_size: maxRecordChars,
      bom: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Every line break counts in every record, so a file that mixes them stays aligned.
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  input.once('error', (error) => parser.destroy(error));
  decoder.once('error', (error) => parser.destroy(error));
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      // csv-parse's own limit counts field contents only; the record's raw text is what must be bounded.
      if (raw.length > maxRecordChars) throw new CsvSyntaxError('CSV_MAX_RECORD_SIZE', line);
      yield { fields: record, raw: stripRecordDelimiter(raw), line };
      line += countLineBreaks(raw);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // The stream may fail before the records parsed ahead of the fault were consumed: trust the parser's line.
      const { lines } = error as { lines?: unknown };
      throw new CsvSyntaxError(error.code, typeof lines === 'number' ? Math.max(lines, line) : line, { cause: error });
    }
    throw error;
  }
}
