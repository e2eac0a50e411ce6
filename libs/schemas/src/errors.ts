import { MedallionError } from '@medallion/errors';

/**
 * Base class of @medallion/schemas' errors: a table or a manifest that is not what the schema says
 * (a file silver rejects, a manifest it cannot read).
 */
export class SchemasError extends MedallionError {}

/**
 * A whole input file cannot be read as a table (empty object, no header, a required column
 * missing, a duplicated column name). The file is rejected: no silver output, a rejection record
 * with {@link FileRejectedError.message} as the reason.
 */
export class FileRejectedError extends SchemasError {
  /** The failed expectation's name, e.g. `column-names-unique`, when a rule failed. */
  readonly rule: string | undefined;
  /**
   * The cells of the header record the rejection is about, for the rejection record only: a header
   * line may really be a record, so they never go into the message (which goes to logs).
   */
  readonly headerCells: readonly string[] | undefined;

  /**
   * @param message - the reason, written for a person, e.g. `duplicate column "Customer Country"`;
   *   it quotes no cell that may be row contents.
   * @param options - the failed rule's name, the header cells, and the underlying error, if any, as `cause`.
   */
  constructor(message: string, options?: { rule?: string; headerCells?: readonly string[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.rule = options?.rule;
    this.headerCells = options?.headerCells;
  }
}

/** A JSON object that is not a silver manifest (it needs layer `silver`, `source.key`, counts and outputs). */
export class ManifestFormatError extends SchemasError {}
