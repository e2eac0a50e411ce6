import { MedallionError } from '@medallion/errors';

/** Any failure to read bytes as CSV text: bad encoding or bad syntax. `instanceof CsvIoError` catches them all. */
export class CsvIoError extends MedallionError {}

/** What each csv-parse error code medallion meets means, and what to do, for people (no values). */
const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED:
    'a field opens with a quote that is never closed; close it, or double a quote meant as text inside a quoted field',
  INVALID_OPENING_QUOTE:
    'a quote inside a field that does not start with one; quote the whole field and double the quotes in it',
  CSV_INVALID_CLOSING_QUOTE:
    'a closing quote is followed by text, not by the delimiter or a line break; quote the whole field and double the quotes in it',
  CSV_MAX_RECORD_SIZE: 'the header is longer than MEDALLION_MAX_RECORD_CHARS characters',
};

/**
 * The input is not well-formed CSV (an unclosed quote, a quote inside an unquoted field, text after
 * a closing quote, …).
 * The message names the csv-parse error code and the line, says what the code means and what to do
 * (for the codes in `SYNTAX_HINTS`), and never quotes field values, so it is safe to log: e.g.
 * `not well-formed CSV: CSV_INVALID_CLOSING_QUOTE (detected at line 5): a closing quote is followed by text, …`.
 */
export class CsvSyntaxError extends CsvIoError {
  /**
   * @param code - csv-parse's error code, e.g. `CSV_QUOTE_NOT_CLOSED`.
   * @param line - the 1-based physical line where the parser detected the fault (for an unclosed
   *   quote, the line where the record holding it starts).
   * @param options - the parser's error as `cause` (its message may quote field values).
   */
  constructor(
    readonly code: string,
    readonly line: number,
    options?: { cause?: unknown },
  ) {
    const hint = SYNTAX_HINTS[code];
    super(`not well-formed CSV: ${code} (detected at line ${line})${hint === undefined ? '' : `: ${hint}`}`, options);
  }
}

/**
 * Rebuilds a CsvSyntaxError that crossed threads as plain data (e.g. from a worker thread).
 *
 * @param error - `{ name, message, code?, line? }`.
 * @returns a CsvSyntaxError when `name`, `code` and `line` say it was one; else an Error with the same name and message.
 */
export function reviveCsvSyntaxError(error: {
  readonly name: string;
  readonly message: string;
  readonly [property: string]: unknown;
}): Error {
  const { code, line } = error;
  if (error.name === 'CsvSyntaxError' && typeof code === 'string' && typeof line === 'number')
    return new CsvSyntaxError(code, line);
  return Object.assign(new Error(error.message), { name: error.name });
}

/** The input is not valid UTF-8. */
export class NotUtf8Error extends CsvIoError {
  /**
   * @param byteOffset - offset (bytes, 0-based, in the whole input) of the first invalid byte.
   * @param afterUtf8Text - evidence of UTF-8 (a well-formed sequence of 3 or 4 bytes, or of 2 led by
   *   0xC2/0xC3; see the README's encoding rule) came before the fault: the file is UTF-8 with a bad
   *   byte, not a Windows-1252 file (reading it as Windows-1252 would garble all of its text).
   */
  constructor(
    readonly byteOffset: number,
    readonly afterUtf8Text: boolean,
  ) {
    super(`not valid UTF-8 (first invalid byte at byte ${byteOffset})`);
  }
}

/**
 * The input is valid UTF-8 only by chance: it holds no evidence of UTF-8 but a 2-byte sequence
 * that, in its context, is Windows-1252 text (an accented capital or `ß` followed by a symbol, as
 * in `JOSÉ’S`; see the README's encoding rule). Thrown at the end of the file; the reader answers
 * it by reading the file again as Windows-1252.
 */
export class ChanceUtf8Error extends CsvIoError {
  /**
   * @param byteOffset - offset (bytes, 0-based, in the whole input) of the first such sequence.
   */
  constructor(readonly byteOffset: number) {
    super(`valid UTF-8 only by chance: Windows-1252 text (first at byte ${byteOffset})`);
  }
}

/** The input is in an encoding medallion does not read (UTF-16, or bytes Windows-1252 leaves undefined). */
export class UnsupportedEncodingError extends CsvIoError {}
