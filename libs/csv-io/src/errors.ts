/**
 * The input is not well-formed CSV (an unclosed quote, a quote inside an unquoted field, text after
 * a closing quote, …).
 * The message names the csv-parse error code and the line, never field values, so it is safe to log.
 */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';

  /**
   * @param code - csv-parse's error code, e.g. `CSV_QUOTE_NOT_CLOSED`.
   * @param line - the 1-based physical line where the parser detected the fault (for an unclosed
   *   quote, the end of the input).
   * @param options - the parser's error as `cause` (its message may quote field values).
   */
  constructor(
    readonly code: string,
    readonly line: number,
    options?: { cause?: unknown },
  ) {
    super(`not well-formed CSV: ${code} (detected at line ${line})`, options);
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
