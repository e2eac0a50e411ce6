import type { CatalogTableFormat } from './catalog-table';

/** How Hive, Glue and Athena read and write one table format: the classes a Glue table's storage descriptor names. */
export interface StorageFormat {
  readonly inputFormat: string;
  readonly outputFormat: string;
  /** The SerDe library (serializer/deserializer). */
  readonly serializationLibrary: string;
  /** The SerDe's parameters, e.g. the field delimiter. */
  readonly serdeParameters: Readonly<Record<string, string>>;
  /** Table properties: `classification` (what Glue and Athena show) and, for CSV, the header line to skip. */
  readonly tableParameters: Readonly<Record<string, string>>;
}

/**
 * The storage of each table format. Source: the Athena user guide, "Parquet SerDe" and
 * "LazySimpleSerDe for CSV, TSV, and custom-delimited files" (class names as Athena's DDL writes
 * them; `skip.header.line.count` skips the header line).
 */
export const STORAGE_FORMATS: Readonly<Record<CatalogTableFormat, StorageFormat>> = {
  parquet: {
    inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    serdeParameters: {},
    tableParameters: { classification: 'parquet' },
  },
  csv: {
    inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
    serializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
    serdeParameters: { 'field.delim': ',' },
    tableParameters: { classification: 'csv', 'skip.header.line.count': '1' },
  },
};
