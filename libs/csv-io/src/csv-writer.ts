import { stringify as stringifySync } from 'csv-stringify/sync';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';

/**
 * csv-stringify options: `\n` record ends; a field holding a comma, quote, `\n` or a lone `\r` is
 * quoted (csv-stringify alone would leave a bare CR unquoted, and readers, ours included, take it
 * for a line break).
 */
const STRINGIFY_OPTIONS = { eof: true, record_delimiter: '\n', quoted_match: /\r/ } as const;

/** Records gathered before they are formatted and passed on as one chunk. */
const RECORDS_PER_CHUNK = 1024;

/**
 * A record for {@link CsvWriter.write}: its fields, or its CSV text already encoded by the same
 * rules, without the line break (see `isPlainRecord`: an unquoted record's raw text is such a text).
 */
export type CsvOutputRecord = readonly string[] | string;

/**
 * A streaming CSV writer: RFC 4180 quoting by csv-stringify (fields holding a comma, quote or line
 * break, CR included, are quoted, quotes doubled), `\n` line endings, UTF-8 without BOM. The same
 * rows always give the same bytes. Records are formatted and passed on {@link RECORDS_PER_CHUNK}
 * at a time (one csv-stringify call and one stream write per chunk, not per record), so the
 * output arrives in chunks of about 1,024 records.
 */
export class CsvWriter {
  /** The readable side: pipe or upload it. Emits the CSV bytes (UTF-8). */
  readonly output = new PassThrough();
  /** Text already formatted, in order, waiting to be passed on. */
  private readonly formatted: string[] = [];
  /** Records after `formatted`, still to be formatted, in order. */
  private unformatted: (readonly string[])[] = [];
  private gathered = 0;

  /**
   * Writes one record; every {@link RECORDS_PER_CHUNK} records passes a chunk on and waits when the
   * reader is slower (back-pressure).
   *
   * @param record - the record's fields, or its CSV text without the line break.
   */
  async write(record: CsvOutputRecord): Promise<void> {
    if (typeof record === 'string') {
      this.formatPending();
      this.formatted.push(record, '\n');
    } else {
      this.unformatted.push(record);
    }
    if (++this.gathered >= RECORDS_PER_CHUNK && !this.output.write(this.takeChunk())) await once(this.output, 'drain');
  }

  /** Passes on what is gathered and ends the output; the reader then sees the end of the stream. */
  end(): void {
    const rest = this.takeChunk();
    this.output.end(rest.length > 0 ? rest : undefined);
  }

  private formatPending(): void {
    if (this.unformatted.length === 0) return;
    this.formatted.push(formatCsv(this.unformatted));
    this.unformatted = [];
  }

  private takeChunk(): string {
    this.formatPending();
    const chunk = this.formatted.join('');
    this.formatted.length = 0;
    this.gathered = 0;
    return chunk;
  }
}

/**
 * Formats records as CSV text in one go, with the same rules as {@link CsvWriter}.
 *
 * @param records - the rows, header included.
 * @returns the CSV text, each record ended by `\n`.
 */
export function formatCsv(records: ReadonlyArray<readonly string[]>): string {
  return stringifySync(records as string[][], { ...STRINGIFY_OPTIONS });
}

/**
 * Whether a record read by `readCsvRecords` is plain: its raw text holds no quote, so no field was
 * quoted, its fields joined by commas are exactly its raw text, and {@link CsvWriter} would write
 * those fields back as exactly that text (no field holds a comma, quote or line break).
 *
 * @param raw - the record's raw text, without its line break.
 * @returns true when the raw text can be written as is, e.g. `001,Brazil`; false for `001,"Doe, Jane"`.
 */
export function isPlainRecord(raw: string): boolean {
  return !raw.includes('"');
}
