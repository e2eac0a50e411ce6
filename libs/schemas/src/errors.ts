/**
 * A whole input file cannot be read as a table (empty object, no header, a required column
 * missing, a duplicated column name). The file is rejected: no silver output, a rejection record
 * with {@link FileRejectedError.message} as the reason.
 */
export class FileRejectedError extends Error {
  override readonly name = 'FileRejectedError';

  /** The failed expectation's name, e.g. `column-names-unique`, when a rule failed. */
  readonly rule: string | undefined;

  /**
   * @param message - the reason, written for a person, e.g. `duplicate column "Customer Country"`.
   * @param options - the failed rule's name and the underlying error, if any, as `cause`.
   */
  constructor(message: string, options?: { rule?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.rule = options?.rule;
  }
}
