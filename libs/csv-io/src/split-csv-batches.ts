import type { Readable } from 'node:stream';
import { createTextDecoder, type TextEncoding } from './decode-text';

/** Whole CSV records cut from a byte stream, to be parsed on their own (see `readCsvBatch`). */
export interface CsvBatch {
  /** The records' UTF-8 bytes, each record with its line break (the last record of the input may have none). */
  readonly bytes: Uint8Array;
  /** 1-based physical line where the batch's first record starts; the header is line 1. */
  readonly firstLine: number;
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
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a CSV byte stream into batches of whole records: the first batch is the first record (the
 * header) alone, the others about `batchBytes` each. A record ends at a `\n`, `\r\n` or lone `\r`
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
  /** Bytes of the batch being built that came from earlier chunks. */
  let parts: Uint8Array[] = [];
  let partsBytes = 0;
  let firstLine = 1;
  /** Line breaks in the batch being built, up to the scan position. */
  let breaks = 0;
  let headerDone = false;
  let inQuotes = false;
  /** The previous chunk ended with a CR: whether it was a lone one depends on this chunk's first byte. */
  let crAtChunkEnd = false;

  for await (const chunk of input) {
    const batches: CsvBatch[] = [];
    /** Where the batch being built starts in this chunk. */
    let batchStart = 0;
    /** Ends the batch being built with `bytes`; the next one starts on the line after its last break. */
    const emit = (bytes: Uint8Array): void => {
      batches.push({ bytes, firstLine });
      firstLine += breaks;
      breaks = 0;
      parts = [];
      partsBytes = 0;
    };
    /** Called at each record end outside quotes (`end`: the offset after its line break in this chunk). */
    const recordEnd = (end: number): void => {
      if (headerDone && partsBytes + end - batchStart < batchBytes) return;
      emit(Buffer.concat([...parts, chunk.subarray(batchStart, end)]));
      batchStart = end;
      headerDone = true;
    };
    if (crAtChunkEnd) {
      crAtChunkEnd = false;
      if (chunk[0] !== LF) {
        breaks++;
        if (!inQuotes) recordEnd(0);
      }
    }
    const length = chunk.length;
    /** The chunk's next CR at or after the scan position (searched once per CR, not once per segment). */
    let nextCr = chunk.indexOf(CR);
    /** Scans bytes [from, to) for line breaks (and, outside quotes, record ends); byte by byte only where a CR is. */
    const scan = (from: number, to: number, quoted: boolean): void => {
      if (nextCr !== -1 && nextCr < from) nextCr = chunk.indexOf(CR, from);
      if (nextCr === -1 || nextCr >= to) {
        // No CR: only `\n` ends lines; find each with a native search.
        for (let at = chunk.indexOf(LF, from); at !== -1 && at < to; at = chunk.indexOf(LF, at + 1)) {
          breaks++;
          if (!quoted) recordEnd(at + 1);
        }
        return;
      }
      for (let i = from; i < to; i++) {
        const byte = chunk[i];
        if (byte === LF) {
          breaks++;
          if (!quoted) recordEnd(i + 1);
        } else if (byte === CR) {
          if (i + 1 === length) {
            crAtChunkEnd = true;
          } else if (chunk[i + 1] !== LF) {
            breaks++;
            if (!quoted) recordEnd(i + 1);
          }
        }
      }
    };
    // Quotes toggle the state; the bytes between them are scanned for line breaks.
    for (let from = 0; from < length;) {
      const quote = chunk.indexOf(QUOTE, from);
      const to = quote === -1 ? length : quote;
      scan(from, to, inQuotes);
      if (quote === -1) break;
      inQuotes = !inQuotes;
      from = quote + 1;
    }
    if (batchStart < length) {
      parts.push(chunk.subarray(batchStart));
      partsBytes += length - batchStart;
    }
    // No record end in sight (a runaway quoted field): let the parser judge what is here.
    if (partsBytes >= forcedCutBytes) emit(Buffer.concat(parts));
    yield* batches;
  }
  if (partsBytes > 0) yield { bytes: Buffer.concat(parts), firstLine };
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
