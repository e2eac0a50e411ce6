export { textAt, textColumnFromStrings, textColumnToStrings, type TextColumn } from './text-column';
export type { ParquetColumn, ParquetColumnKind, ParquetColumnRequest, ParquetTable } from './parquet-table';
export { PARQUET_CREATED_BY, type ParquetLayout } from './parquet-layout';
export { writeParquet } from './write-parquet';
export { writeParquetWithLibrary } from './write-parquet-with-library';
export { readParquet } from './read-parquet';
export { ParquetFormatError, ParquetIoError } from './errors';
