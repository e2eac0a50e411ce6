import { codePointLength } from '@medallion/schemas';
import { CsvError, parse, type Options as CsvParseOptions } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { Readable } from 'node:stream';
import { createTextDecoder, type TextEncoding } from './decode-text';
import { CsvSyntaxError } from './errors';
import { countLineBreaks } from './line-breaks';
import { scanCsvBatch, type ScannedRecord } from './scan-csv-batch';

/** One CSV record as read from a byte stream. */
export interface CsvRecord {
  /** The record's fields, unquoted. */
  readonly fields: string[];
  /** The record's text exactly as in the input, without its trailing line break (and without a BOM). */
  readonly raw: string;
  /** 1-based physical line where the record starts; the header is line 1. */
  readonly line: number;
  /**
   * Set when the record's raw text is over the record size limit and the read was asked to keep
   * such records (`CsvBatchReadOptions.oversizedRecords`): its length in characters. `fields` is
   * then empty; `raw` is still the whole record.
   */
  readonly oversizedChars?: number;
}

/** How to read a CSV byte stream. */
export interface CsvReadOptions {
  /** @default 'utf-8' (strict: invalid bytes fail with NotUtf8Error) */
  readonly encoding?: TextEncoding;
  /**
   * Largest record accepted, in characters of its raw text, delimiters included (about bytes for
   * Latin text); a larger one fails the read with CsvSyntaxError `CSV_MAX_RECORD_SIZE`, and a single
   * runaway field is stopped once its bytes pass four times the limit (the most a character takes).
   * @default 1_048_576 (1 MiB)
   */
  readonly maxRecordChars?: number;
  /** The field delimiter (see `decideDelimiter`). @default ',' */
  readonly delimiter?: string;
}

/** Default {@link CsvReadOptions.maxRecordChars}. */
export const DEFAULT_MAX_RECORD_CHARS = 1_048_576;

/** Removes one trailing record delimiter (`\r\n`, `\n` or `\r`). */
function stripRecordDelimiter(raw: string): string {
  if (raw.endsWith('\r\n')) return raw.slice(0, -2);
  if (raw.endsWith('\n') || raw.endsWith('\r')) return raw.slice(0, -1);
  return raw;
}

/**
 * csv-parse options for medallion's reading rules (`delimiter`: the field delimiter, `,` unless
 * said; `bounded`: stop a runaway field at four times the limit, which a batch whose size the
 * cutter bounds does not need).
 */
function parseOptions(
  maxRecordChars: number,
  bom: boolean,
  raw = true,
  delimiter = ',',
  bounded = true,
): CsvParseOptions {
  return {
    delimiter,
    // csv-parse reads UTF-8 bytes and counts them; a character takes at most 4. The exact limit, in
    // characters of the raw text, is checked on each record; this one only stops a runaway field (0: none).
    max_record_size: bounded ? 4 * maxRecordChars : 0,
    bom,
    raw,
    relax_column_count: true,
    skip_empty_lines: false,
    // Every line break counts in every record, so a file that mixes them stays aligned.
    record_delimiter: ['\r\n', '\n', '\r'],
  };
}

/** A csv-parse error as a CsvSyntaxError at a physical line (`line`: where reading had got to). */
function syntaxErrorOf(error: CsvError, line: number, lineOffset: number): CsvSyntaxError {
  // The stream may fail before the records parsed ahead of the fault were consumed: trust the parser's line.
  const { lines } = error as { lines?: unknown };
  return new CsvSyntaxError(error.code, typeof lines === 'number' ? Math.max(lines + lineOffset, line) : line, {
    cause: error,
  });
}

/** Byte order marks at the start of a text (csv-parse drops one; a file saved twice over has more). */
const LEADING_BOMS = /^\uFEFF+/;

/**
 * The fields of the file's first record without the byte order marks csv-parse left at its start
 * (a doubled BOM), so that none reaches a header cell.
 */
function withoutLeadingBoms(fields: string[]): string[] {
  const first = fields[0];
  if (first === undefined || first.charCodeAt(0) !== 0xfeff) return fields;
  return [first.replace(LEADING_BOMS, ''), ...fields.slice(1)];
}

/**
 * A parsed record with its raw text, as a {@link CsvRecord} starting at `line`.
 *
 * @param keepOversized - return a record over the limit, marked (`oversizedChars`), instead of throwing.
 * @throws CsvSyntaxError `CSV_MAX_RECORD_SIZE` when the raw text, without its line break, is over
 *   `maxRecordChars` characters (code points: an emoji is one) and `keepOversized` is false (csv-parse's own limit counts bytes of
 *   field contents; the record's raw text is what must be bounded).
 */
function toRecord(
  record: string[],
  raw: string,
  line: number,
  maxRecordChars: number,
  keepOversized = false,
): CsvRecord {
  const text = stripRecordDelimiter(raw);
  // UTF-16 units are never fewer than code points: only a record long in units is counted.
  if (text.length > maxRecordChars) {
    const chars = codePointLength(text);
    if (chars > maxRecordChars) {
      if (!keepOversized) throw new CsvSyntaxError('CSV_MAX_RECORD_SIZE', line);
      return { fields: [], raw: text, line, oversizedChars: chars };
    }
  }
  return { fields: line === 1 ? withoutLeadingBoms(record) : record, raw: text, line };
}

/**
 * Streams the records of a CSV byte stream (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks) with csv-parse, after decoding (see `createTextDecoder`). A UTF-8 BOM is dropped (so
 * are more BOMs after it, from a file saved twice over: none reaches the first field);
 * CRLF, LF and CR may be mixed in one file; records may have any number of fields (checking the count is the caller's job); empty lines are
 * returned as records with one empty field, so that every line is accounted for.
 *
 * @param input - the CSV bytes, e.g. an S3 object body.
 * @param options - encoding and the record size limit.
 * @returns the records in order, the header first.
 * @throws NotUtf8Error when reading UTF-8 and the bytes are not; CsvSyntaxError on a syntax error
 *   such as an unclosed quote (at the line where its record starts) or an oversized record (code
 *   and line, no values); the input
 *   stream's own error as is.
 */
export async function* readCsvRecords(input: Readable, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const decoder = createTextDecoder(options.encoding ?? 'utf-8');
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const parser = input.pipe(decoder).pipe(parse(parseOptions(maxRecordChars, true, true, options.delimiter)));
  input.once('error', (error) => parser.destroy(error));
  decoder.once('error', (error) => parser.destroy(error));
  let line = 1;
  let consumed = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      yield toRecord(record, raw, line, maxRecordChars);
      line += countLineBreaks(raw);
      consumed++;
    }
  } catch (error) {
    // Every whole record before an unclosed quote was consumed: its record starts at `line`.
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED' && recordsBefore(error) === consumed)
      throw new CsvSyntaxError(error.code, line, { cause: error });
    if (error instanceof CsvError) throw syntaxErrorOf(error, line, 0);
    throw error;
  }
}

/** How to read one batch (see `splitCsvBatches`). */
export interface CsvBatchReadOptions {
  /** The batch's first line (its `firstLine`); line 1 means the batch starts the file, so a BOM there is dropped. */
  readonly firstLine: number;
  /** As {@link CsvReadOptions.maxRecordChars}. @default 1_048_576 */
  readonly maxRecordChars?: number;
  /** The field delimiter (see `decideDelimiter`). @default ',' */
  readonly delimiter?: string;
  /**
   * What a record over `maxRecordChars` characters does: `reject` fails the parse (CsvSyntaxError
   * `CSV_MAX_RECORD_SIZE`); `keep` returns it marked with `oversizedChars`, its raw text whole, so
   * that the caller can quarantine it (csv-parse's own bound on a field is then off: the batch's
   * size is the bound, see `splitCsvBatches`). @default 'reject'
   */
  readonly oversizedRecords?: 'reject' | 'keep';
}

/**
 * Parses one batch of whole records (UTF-8 bytes from `splitCsvBatches`) by the same rules as
 * {@link readCsvRecords}: the records are those a read of the whole file gives for these bytes,
 * with the same lines, but for a BOM starting a later line, which is dropped (see
 * `withoutRecordStartBoms`). With `oversizedRecords: 'keep'` (silver's hot loop) a scan of our own reads
 * well-formed batches (`scanCsvBatch`: 0.45 s against csv-parse's 1.85 s for the 200,000 records of a
 * generated 39 MB file, records built), proved identical to csv-parse
 * by a property test; anything it does not read, and every batch otherwise, goes to one
 * synchronous csv-parse call ({@link readCsvBatchWithLibrary}). The batch's records are in memory
 * at once: keep batches to a few MiB.
 *
 * @param bytes - the batch's bytes.
 * @param options - its first line and the record size limit.
 * @returns its records in order (with `oversizedRecords: 'keep'`, oversized ones marked).
 * @throws CsvSyntaxError as {@link readCsvRecords} does, at the line in the whole file.
 */
export function readCsvBatch(batchBytes: Uint8Array, options: CsvBatchReadOptions): CsvRecord[] {
  const bytes = withoutRecordStartBoms(batchBytes, options.firstLine);
  if (options.oversizedRecords === 'keep') {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const scanned = scanCsvBatch(text, options.delimiter ?? ',', options.firstLine === 1);
    if (scanned !== undefined) return recordsOfScan(scanned, options);
  }
  return recordsOfLibrary(bytes, options);
}

/** UTF-8's byte order mark. */
const BOM_BYTES = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A batch's bytes without the byte order marks that start a line after the file's first (one file
 * concatenated after another, `cat a.csv b.csv`, leaves the second's BOM before its header, where
 * csv-parse would take a quote after it for a quote inside a field). The file's own BOM is
 * csv-parse's `bom` option's (line 1). A BOM after a line break inside a quoted field goes too; one
 * before a line break stays (an otherwise empty line: dropping it could join a CR and a LF).
 *
 * @param bytes - the batch's bytes (whole records).
 * @param firstLine - its first line (line 1: the batch starts the file).
 * @returns the bytes, the same object when they hold no such BOM.
 */
function withoutRecordStartBoms(bytes: Uint8Array, firstLine: number): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = buffer.indexOf(BOM_BYTES);
  if (at === -1) return bytes;
  const kept: Buffer[] = [];
  let from = 0;
  for (; at !== -1; at = buffer.indexOf(BOM_BYTES, at + 3)) {
    const before = buffer[at - 1];
    const startsLine = at === 0 ? firstLine > 1 : before === 0x0a || before === 0x0d || at === from;
    // Kept before a line break: dropping it would join a CR and a LF around it into one break.
    const after = buffer[at + 3];
    if (!startsLine || after === 0x0a || after === 0x0d) continue;
    kept.push(buffer.subarray(from, at));
    from = at + 3;
  }
  if (from === 0) return bytes;
  kept.push(buffer.subarray(from));
  return Buffer.concat(kept);
}

/** The scanned records as {@link CsvRecord}s, numbered from the batch's first line. */
function recordsOfScan(scanned: readonly ScannedRecord[], options: CsvBatchReadOptions): CsvRecord[] {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let line = options.firstLine;
  return scanned.map(({ record, raw, breaks }) => {
    const csvRecord = toRecord(record, raw, line, maxRecordChars, true);
    line += breaks;
    return csvRecord;
  });
}

/**
 * {@link readCsvBatch} by csv-parse alone, without the fast path beside it (`scanCsvBatch`): what
 * the fast path is held to (the property test compares the two), and what reads every batch the
 * fast path gives up on or that rejects an oversized record.
 *
 * @param bytes - the batch's bytes.
 * @param options - as {@link readCsvBatch}'s.
 * @returns its records in order.
 * @throws CsvSyntaxError as {@link readCsvBatch} does.
 */
export function readCsvBatchWithLibrary(batchBytes: Uint8Array, options: CsvBatchReadOptions): CsvRecord[] {
  return recordsOfLibrary(withoutRecordStartBoms(batchBytes, options.firstLine), options);
}

/** The records csv-parse reads from a batch whose line-start BOMs are gone, numbered from its first line. */
function recordsOfLibrary(bytes: Uint8Array, options: CsvBatchReadOptions): CsvRecord[] {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  // (csv-parse's on_record hook would hand records over one by one, but builds an info object for each: slower.)
  const parsed = parseBatch<{ record: string[]; raw: string }>(bytes, options, true);
  let line = options.firstLine;
  const keepOversized = options.oversizedRecords === 'keep';
  return parsed.map(({ record, raw }) => {
    const csvRecord = toRecord(record, raw, line, maxRecordChars, keepOversized);
    line += countLineBreaks(raw);
    return csvRecord;
  });
}

/**
 * Parses one batch of whole records like {@link readCsvBatch}, for readers that need only the
 * values (gold): no raw text and no line numbers are kept, which saves about a sixth of the parse.
 * Unlike {@link readCsvBatch} it does not bound a record's raw length beyond csv-parse's own limit
 * on its field contents.
 *
 * @param bytes - the batch's bytes.
 * @param options - its first line (for errors) and the record size limit.
 * @returns each record's fields, in order.
 * @throws CsvSyntaxError as {@link readCsvBatch} does.
 */
export function readCsvBatchFields(bytes: Uint8Array, options: CsvBatchReadOptions): string[][] {
  return parseBatch<string[]>(bytes, options, false);
}

/** One synchronous csv-parse call over a batch, its errors as CsvSyntaxErrors at lines of the whole file. */
function parseBatch<Parsed>(bytes: Uint8Array, options: CsvBatchReadOptions, raw: boolean): Parsed[] {
  try {
    return parseSync(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      parseOptions(
        options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
        options.firstLine === 1,
        raw,
        options.delimiter,
        options.oversizedRecords !== 'keep',
      ),
    ) as unknown as Parsed[];
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new CsvSyntaxError(error.code, unclosedRecordLine(bytes, options, error), { cause: error });
    if (error instanceof CsvError) throw syntaxErrorOf(error, options.firstLine, options.firstLine - 1);
    throw error;
  }
}

/** The number of whole records csv-parse read before `error`, if it says. */
function recordsBefore(error: CsvError): number | undefined {
  const { records } = error as { records?: unknown };
  return typeof records === 'number' ? records : undefined;
}

/**
 * The line where the record holding an unclosed quote starts (csv-parse reports the end of the
 * input, a line or more later): the batch's first line plus the line breaks of the whole records
 * before it, parsed again (the error path only).
 */
function unclosedRecordLine(bytes: Uint8Array, options: CsvBatchReadOptions, error: CsvError): number {
  const records = recordsBefore(error);
  if (records === undefined) return syntaxErrorOf(error, options.firstLine, options.firstLine - 1).line;
  if (records === 0) return options.firstLine;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const before = parseSync(buffer, {
    ...parseOptions(
      options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
      options.firstLine === 1,
      true,
      options.delimiter,
    ),
    to: records,
  }) as unknown as { raw: string }[];
  return before.reduce((line, { raw }) => line + countLineBreaks(raw), options.firstLine);
}
