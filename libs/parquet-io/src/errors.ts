/**
 * A Parquet file that cannot be read as the table a reader expects: not Parquet, a column missing
 * or of another type, a null where values are required. The message names the column, never values.
 */
export class ParquetFormatError extends Error {
  override readonly name = 'ParquetFormatError';
}
