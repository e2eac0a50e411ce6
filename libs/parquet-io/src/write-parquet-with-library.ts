import { parquetWriteBuffer } from 'hyparquet-writer';
import {
  checkColumnLengths,
  keyValueMetadataOf,
  layoutOf,
  PARQUET_CREATED_BY,
  schemaOf,
  type ParquetLayout,
} from './parquet-layout';
import type { ParquetColumn, ParquetTable } from './parquet-table';

type ColumnSource = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number];

function columnSourceOf(column: ParquetColumn): ColumnSource {
  switch (column.kind) {
    case 'text': {
      const { bytes, starts, ends } = column.values;
      return {
        name: column.name,
        data: Array.from(starts, (start, i) => bytes.subarray(start, ends[i]!)),
        encoding: 'PLAIN',
      };
    }
    case 'category':
      return {
        name: column.name,
        data: Array.from(column.codes, (code) => column.categories[code]!),
        encoding: 'RLE_DICTIONARY',
      };
    case 'int32':
      return { name: column.name, data: column.values, encoding: 'PLAIN' };
    case 'boolean':
      return { name: column.name, data: Array.from(column.values, (value) => value === 1) };
  }
}

/**
 * Writes a table as one Parquet file with hyparquet-writer alone: the reference that
 * {@link writeParquet} must equal byte for byte (a property test checks it). Every column required,
 * uncompressed, no statistics; text columns plain-encoded, category columns dictionary-encoded,
 * booleans run-length encoded; the table's metadata in the footer.
 *
 * @param table - rows, columns (each with `rows` values) and metadata.
 * @param layout - row group and page sizes.
 * @returns the file's bytes.
 * @throws RangeError when a column does not hold `rows` values.
 */
export function writeParquetWithLibrary(table: ParquetTable, layout: ParquetLayout = {}): Uint8Array {
  checkColumnLengths(table);
  const { rowGroupRows, pageBytes } = layoutOf(layout);
  const buffer = parquetWriteBuffer({
    schema: schemaOf(table),
    columnData: table.columns.map(columnSourceOf),
    codec: 'UNCOMPRESSED',
    statistics: false,
    rowGroupSize: rowGroupRows,
    pageSize: pageBytes,
    kvMetadata: keyValueMetadataOf(table),
    createdBy: PARQUET_CREATED_BY,
  });
  return new Uint8Array(buffer);
}
