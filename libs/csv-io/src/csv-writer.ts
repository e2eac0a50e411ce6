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
 * Builds CSV text from records by the {@link CsvWriter} rules, synchronously: records given as
 * fields are formatted in runs (one csv-stringify call a run), records given as text are taken as
 * they are, and the order is kept.
 */
export class CsvTextBuilder {
  /** Text already formatted, in order. */
  private readonly formatted: string[] = [];
  /** Records after `formatted`, still to be formatted, in order. */
  private unformatted: (readonly string[])[] = [];
  private added = 0;

  /** Records added since the last {@link CsvTextBuilder.take}. */
  get recordCount(): number {
    return this.added;
  }

  /**
   * Adds one record.
   *
   * @param record - its fields, or its CSV text without the line break.
   */
  add(record: CsvOutputRecord): void {
    if (typeof record === 'string') {
      this.formatPending();
      this.formatted.push(record, '\n');
    } else {
      this.unformatted.push(record);
    }
    this.added++;
  }

  /**
   * Takes the text built so far and starts again.
   *
   * @returns the CSV text of the records added since the last call, each ended by `\n` ('' for none).
   */
  take(): string {
    this.formatPending();
    const text = this.formatted.join('');
    this.formatted.length = 0;
    this.added = 0;
    return text;
  }

  private formatPending(): void {
    if (this.unformatted.length === 0) return;
    this.formatted.push(formatCsv(this.unformatted));
    this.unformatted = [];
  }
}

/**
 * A streaming CSV writer: RFC 4180 quoting by csv-stringify (fields holding a comma, quote or line
 * break, CR included, are quoted, quotes doubled), `\n` line endings, UTF-8 without BOM. The same
 * rows always give the same bytes. Records are gathered and passed on {@link RECORDS_PER_CHUNK}
 * at a time (one csv-stringify call and one stream write a chunk, not a record).
 */
export class CsvWriter {
  /** The readable side: pipe or upload it. Emits the CSV bytes (UTF-8). */
  readonly output = new PassThrough();
  private readonly builder = new CsvTextBuilder();

  /**
   * Writes one record; every {@link RECORDS_PER_CHUNK} records passes a chunk on and waits when the
   * reader is slower (back-pressure).
   *
   * @param record - the record's fields, or its CSV text without the line break.
   */
  async write(record: CsvOutputRecord): Promise<void> {
    this.builder.add(record);
    if (this.builder.recordCount >= RECORDS_PER_CHUNK && !this.output.write(this.builder.take()))
      await once(this.output, 'drain');
  }

  /**
   * Writes whole records already formatted by these rules (e.g. by a {@link CsvTextBuilder} on
   * another thread), after what was written before; waits when the reader is slower.
   *
   * @param text - CSV text, each record ended by `\n`.
   */
  async writeText(text: string): Promise<void> {
    const before = this.builder.take();
    if (text.length === 0 && before.length === 0) return;
    if (!this.output.write(before + text)) await once(this.output, 'drain');
  }

  /** Passes on what is gathered and ends the output; the reader then sees the end of the stream. */
  end(): void {
    const rest = this.builder.take();
    this.output.end(rest.length > 0 ? rest : undefined);
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
