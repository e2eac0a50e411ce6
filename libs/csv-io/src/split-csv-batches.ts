import type { Readable } from 'node:stream';
import { CsvBatchCutter } from './csv-batch-cutter';
import { createTextDecoder, type TextEncoding } from './decode-text';

/** Whole CSV records cut from a byte stream, to be parsed on their own (see `readCsvBatch`). */
export interface CsvBatch {
  /** The records' UTF-8 bytes, each record with its line break (the last record of the input may have none). */
  readonly bytes: Uint8Array;
  /** 1-based physical line where the batch's first record starts; the header is line 1. */
  readonly firstLine: number;
  /**
   * Set on the pieces of a record that runs past the forced cut, when they were asked for
   * (`CsvBatchOptions.oversizedRecords: 'pieces'`): `start`, then `part`s, then `end` (the piece
   * with its line break, if any). Pieces are whole UTF-8 characters; `firstLine` is the record's.
   */
  readonly oversized?: 'start' | 'part' | 'end';
  /** On an `end` piece: the input ended inside the record's quotes (an unclosed quote). */
  readonly unclosedQuote?: boolean;
}

/** How to cut batches. */
export interface CsvBatchOptions {
  /** Batch size to aim for, in bytes; a batch ends at the first record end after it. @default 262_144 (256 KiB: small batches keep the heap small, their records die young) */
  readonly batchBytes?: number;
  /**
   * The record size limit the parser will apply (characters, see `CsvReadOptions.maxRecordChars`).
   * A batch with no record end in sight is cut anyway once it holds `batchBytes` plus 4 bytes a
   * character of this limit, so a runaway quoted field fails the parse as oversized, exactly as a
   * whole-file parse would, instead of growing a batch without bound.
   * @default 1_048_576
   */
  readonly maxRecordChars?: number;
  /**
   * What a record past the forced cut gives: `batch`, the forced cut's bytes as one batch (the
   * parse then fails); `pieces`, the records before it as a batch and the record in pieces of about
   * a chunk (see `CsvBatch.oversized`), however long it runs. @default 'batch'
   */
  readonly oversizedRecords?: 'batch' | 'pieces';
}

/**
 * Cuts a CSV byte stream into batches of whole records: the first batch is the first record (the
 * header) alone (when that record is a `sep=` line, the second one is alone too: the header after
 * it), the others about `batchBytes` each. A record ends at a `\n`, `\r\n` or lone `\r`
 * outside quotes; quotes are tracked by parity, which is exact for every input csv-parse accepts
 * (a quote opens a field only at its start, `""` escapes one, and any other quote is an error that
 * the parser then reports in the same record, at the same line, as a whole-file parse). Each batch
 * carries the line its first record starts on, counting every line break, quoted ones too.
 *
 * @param input - UTF-8 bytes (e.g. from `createTextDecoder`), in chunks of any size.
 * @param options - batch size and the record size limit.
 * @returns the batches in order; their bytes concatenated are the input.
 * @throws the input's own error.
 */
export async function* splitCsvBatches(
  input: AsyncIterable<Uint8Array>,
  options: CsvBatchOptions = {},
): AsyncGenerator<CsvBatch> {
  const batchBytes = options.batchBytes ?? 256 * 1024;
  const forcedCutBytes = batchBytes + 4 * (options.maxRecordChars ?? 1_048_576) + 4;
  const cutter = new CsvBatchCutter(batchBytes, forcedCutBytes, options.oversizedRecords === 'pieces');
  for await (const chunk of input) yield* cutter.cut(chunk);
  const rest = cutter.rest();
  if (rest) yield rest;
}

/** How {@link splitCsvStream} reads a stream. */
export interface CsvStreamBatchOptions extends CsvBatchOptions {
  /** @default 'utf-8' (strict: invalid bytes fail with NotUtf8Error) */
  readonly encoding?: TextEncoding;
}

/**
 * Checks or decodes a CSV byte stream (see `createTextDecoder`) and cuts it into batches of whole
 * records ({@link splitCsvBatches}): how silver reads bronze objects and gold and platinum read
 * silver tables.
 *
 * @param input - the bytes, e.g. an S3 object body.
 * @param options - encoding, batch size and the record size limit.
 * @returns the batches in order, the header alone first.
 * @throws NotUtf8Error or UnsupportedEncodingError from decoding; the input stream's own error.
 */
export function splitCsvStream(input: Readable, options: CsvStreamBatchOptions = {}): AsyncGenerator<CsvBatch> {
  const text = createTextDecoder(options.encoding ?? 'utf-8');
  input.once('error', (error) => text.destroy(error));
  return splitCsvBatches(input.pipe(text), options);
}
