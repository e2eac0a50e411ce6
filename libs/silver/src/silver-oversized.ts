import { CsvSyntaxError, formatCsv } from '@medallion/csv-io';
import { codePointLength } from '@medallion/schemas';
import { formatFailures, SILVER_RULES, type RuleFailure } from '@medallion/silver-rules';
import type { SilverBatchResult } from './silver-batch';
import { NO_ROWS } from './silver-result';

/** One piece of a record that ran past the forced cut (see `CsvBatch.oversized`). */
export interface OversizedPiece {
  readonly bytes: Uint8Array;
  /** The record's first line. */
  readonly firstLine: number;
  readonly oversized: 'start' | 'part' | 'end';
  /** On the `end` piece: the input ended inside the record's quotes. */
  readonly unclosedQuote?: boolean;
  /** The record size limit, in characters. */
  readonly maxRecordChars: number;
}

/**
 * The `record-size` failure of a record over the limit. One of more than four times the limit in
 * UTF-8 bytes (which a read may hand on in pieces, see `CsvBatch.oversized`) gives that bound, not
 * its length, whichever way it was read, so that the reason depends on the record alone.
 *
 * @param raw - the record's raw text, when it is held whole; undefined for one read in pieces.
 * @param maxRecordChars - the limit, in characters.
 * @returns the failure, its message with the record's length in characters or the bound.
 */
export function recordSizeFailure(raw: string | undefined, maxRecordChars: number): RuleFailure {
  const limit = `MEDALLION_MAX_RECORD_CHARS (${maxRecordChars.toLocaleString('en-US')})`;
  const bound = 4 * maxRecordChars;
  const message =
    raw === undefined || Buffer.byteLength(raw, 'utf8') > bound
      ? `the record is over ${bound.toLocaleString('en-US')} bytes, four times ${limit}`
      : `the record is ${codePointLength(raw).toLocaleString('en-US')} characters, over ${limit}`;
  return { rule: SILVER_RULES.recordSize.name, action: 'quarantine', message };
}

/** A quarantine row's text up to its raw cell's opening quote. */
function rowStart(line: number, failure: RuleFailure): string {
  return `${formatCsv([[String(line), formatFailures([failure])]]).slice(0, -1)},"`;
}

/**
 * The quarantine row of a record held whole that is over four times the limit in bytes, as the
 * pieces of one read in pieces make it (its raw cell always quoted): the same bytes either way.
 *
 * @param line - the record's first line.
 * @param failure - its `record-size` failure (see {@link recordSizeFailure}).
 * @param raw - its raw text, without its line break.
 * @returns the row's CSV text, without its line break.
 */
export function oversizedQuarantineRow(line: number, failure: RuleFailure, raw: string): string {
  return `${rowStart(line, failure)}${raw.replaceAll('"', '""')}"`;
}

/** A record's line break at the end of its last piece. */
const LINE_BREAK_AT_END = /(?:\r\n|\n|\r)$/;

/**
 * The quarantine text of one piece of an oversized record, so that its pieces in order make one
 * quarantine row (`Line,Reason,"Raw Record"`, the raw text whole, quoted, its quotes doubled)
 * while no more than a piece is held: the `start` piece writes the line, the reason and the opening
 * quote (and counts the record: one data record, quarantined); the `end` one the closing quote.
 *
 * @param piece - the piece.
 * @returns its batch result (quarantine text only).
 * @throws CsvSyntaxError `CSV_QUOTE_NOT_CLOSED` at the record's line when the input ended inside its quotes.
 */
export function oversizedPieceResult(piece: OversizedPiece): SilverBatchResult {
  if (piece.unclosedQuote === true) throw new CsvSyntaxError('CSV_QUOTE_NOT_CLOSED', piece.firstLine);
  let text = Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength).toString('utf8');
  if (piece.oversized === 'end') text = text.replace(LINE_BREAK_AT_END, '');
  let quarantineText = text.replaceAll('"', '""');
  if (piece.oversized === 'end') quarantineText += '"\n';
  const start = piece.oversized === 'start';
  const failure = recordSizeFailure(undefined, piece.maxRecordChars);
  if (start) quarantineText = `${rowStart(piece.firstLine, failure)}${quarantineText}`;
  return {
    silverText: '',
    quarantineText,
    counts: start ? { ...NO_ROWS, dataRecords: 1, quarantinedRows: 1, ruleFailures: { [failure.rule]: 1 } } : NO_ROWS,
    customers: { customerIds: [], regions: [], subscribed: new Uint8Array(0), lines: new Int32Array(0) },
  };
}
