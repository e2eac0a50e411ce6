/**
 * The base of every error @medallion/parquet-io throws (besides `RangeError`s for arguments out of range):
 * `instanceof ParquetIoError` catches any of them.
 */
export class ParquetIoError extends Error {
  override readonly name: string = 'ParquetIoError';
}

/**
 * A Parquet file that cannot be read as the table a reader expects: not Parquet, a column missing
 * or of another type, a null where values are required. The message names the column, never values.
 */
export class ParquetFormatError extends ParquetIoError {
  override readonly name = 'ParquetFormatError';
}

/** Thrown inside the fast reader for a page it does not read; the file then goes to the library reader (never leaves the lib). */
export class NoFastPathError extends ParquetIoError {
  override readonly name = 'NoFastPathError';
}
