import { MedallionError } from '@medallion/errors';

/**
 * Every error @medallion/parquet-io raises extends this one. Only files the lib cannot read raise
 * them; a caller catches `ParquetIoError` to treat any unreadable table alike.
 */
export class ParquetIoError extends MedallionError {}

/**
 * A Parquet file that cannot be read as the table a reader expects: not Parquet, a column missing
 * or of another type, a null where values are required. The message names the column, never values.
 */
export class ParquetFormatError extends ParquetIoError {}

/** Thrown inside the fast reader for a page it does not read; the file then goes to the library reader (never leaves the lib). */
export class NoFastPathError extends ParquetIoError {
  constructor() {
    super('a page the fast reader does not read');
  }
}
