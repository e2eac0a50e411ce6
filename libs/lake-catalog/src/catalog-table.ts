/** A column type as the Glue Data Catalog and Athena (Hive DDL) name it. */
export type CatalogColumnType = 'string' | 'boolean' | 'int' | 'bigint' | 'double';

/** One column of a catalogued table, in file order. */
export interface CatalogColumn {
  /** The column's name in the catalog: lowercase letters, digits and `_` (Athena lowers any other). */
  readonly name: string;
  readonly type: CatalogColumnType;
  /** What a value means, for people (the Glue column comment). */
  readonly comment: string;
}

/**
 * How a table's files are stored: `parquet` (the Parquet SerDe; columns matched by name), or
 * `csv` (comma-delimited text, one header line skipped, no quoting: Hive's LazySimpleSerDe; columns
 * matched by position, so the writer's column order is the table's).
 */
export type CatalogTableFormat = 'parquet' | 'csv';

/**
 * A table of the lake that the Glue Data Catalog describes and Athena queries: every object under
 * `prefix` (and its subfolders) is one of its data files, so the prefix holds nothing else.
 */
export interface CatalogTable {
  /** The table's name in the lake's Glue database, e.g. `region_customers`. */
  readonly name: string;
  /** What a row is, for people (the Glue table description). */
  readonly description: string;
  /** The key prefix of its data files in the lake bucket (ends in `/`), e.g. `gold/region_customers/`. */
  readonly prefix: string;
  readonly format: CatalogTableFormat;
  readonly columns: readonly CatalogColumn[];
}
