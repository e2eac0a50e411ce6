import type { SchemaElement } from 'hyparquet';
import type { ParquetColumn, ParquetTable } from './parquet-table';

/** How a table is laid out in its file: both writers lay it out the same way, so their bytes are equal. */
export interface ParquetLayout {
  /** Rows per row group. @default 1,000,000 (about 14 MB of customer rows, which Athena and DuckDB read in one piece) */
  readonly rowGroupRows?: number;
  /** Target size of a data page, in bytes of values. @default 1,048,576 (hyparquet-writer's) */
  readonly pageBytes?: number;
}

/** The layout's values with their defaults. */
export function layoutOf(layout: ParquetLayout = {}): Required<ParquetLayout> {
  return { rowGroupRows: layout.rowGroupRows ?? 1_000_000, pageBytes: layout.pageBytes ?? 1_048_576 };
}

/** What medallion records as a file's `created_by`. */
export const PARQUET_CREATED_BY = 'medallion (hyparquet-writer)';

/** The Parquet schema element of a column: required; text and category as `BYTE_ARRAY` `STRING`. */
export function schemaElementOf(column: ParquetColumn): SchemaElement {
  switch (column.kind) {
    case 'text':
    case 'category':
      return {
        name: column.name,
        type: 'BYTE_ARRAY',
        repetition_type: 'REQUIRED',
        converted_type: 'UTF8',
        logical_type: { type: 'STRING' },
      };
    case 'int32':
      return { name: column.name, type: 'INT32', repetition_type: 'REQUIRED' };
    case 'boolean':
      return { name: column.name, type: 'BOOLEAN', repetition_type: 'REQUIRED' };
  }
}

/** The file's schema: a root, then one element per column. */
export function schemaOf(table: ParquetTable): SchemaElement[] {
  return [{ name: 'root', num_children: table.columns.length }, ...table.columns.map(schemaElementOf)];
}

/** Values a column holds. */
export function columnLength(column: ParquetColumn): number {
  return column.kind === 'text'
    ? column.values.starts.length
    : column.kind === 'category'
      ? column.codes.length
      : column.values.length;
}

/**
 * Checks that every column holds one value per row.
 *
 * @throws RangeError naming the first column that does not.
 */
export function checkColumnLengths(table: ParquetTable): void {
  for (const column of table.columns) {
    const length = columnLength(column);
    if (length !== table.rows)
      throw new RangeError(`column ${column.name} holds ${length} values for ${table.rows} rows`);
  }
}

/** The footer's key-value metadata. */
export function keyValueMetadataOf(table: ParquetTable): Array<{ key: string; value: string }> {
  return Object.entries(table.metadata).map(([key, value]) => ({ key, value }));
}
