/**
 * A whole input file cannot be read as a table (empty object, no header, a required column
 * missing, a duplicated column name). The file is rejected: no silver output, a rejection record
 * with {@link FileRejectedError.message} as the reason.
 */
export class FileRejectedError extends Error {
  override readonly name = 'FileRejectedError';

  /**
   * @param message - the reason, written for a person, e.g. `duplicate column "Customer Country"`.
   * @param options - the underlying error, if any, as `cause`.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
