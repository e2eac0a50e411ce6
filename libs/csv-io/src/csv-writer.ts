import { stringify, type Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { once } from 'node:events';

/**
 * csv-stringify options: `\n` record ends; a field holding a comma, quote, `\n` or a lone `\r` is
 * quoted (csv-stringify alone would leave a bare CR unquoted, and readers, ours included, take it
 * for a line break).
 */
const STRINGIFY_OPTIONS = { eof: true, record_delimiter: '\n', quoted_match: /\r/ } as const;

/**
 * A streaming CSV writer: RFC 4180 quoting (fields holding a comma, quote or line break, CR
 * included, are quoted, quotes doubled), `\n` line endings, UTF-8 without BOM. The same rows always
 * give the same bytes.
 */
export class CsvWriter {
  /** The readable side: pipe or upload it. Emits the CSV bytes. */
  readonly output: Stringifier = stringify({ ...STRINGIFY_OPTIONS });

  /**
   * Writes one record, waiting when the reader is slower (back-pressure).
   *
   * @param fields - the record's fields.
   */
  async write(fields: readonly string[]): Promise<void> {
    if (!this.output.write(fields)) await once(this.output, 'drain');
  }

  /** Ends the output; the reader then sees the end of the stream. */
  end(): void {
    this.output.end();
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
