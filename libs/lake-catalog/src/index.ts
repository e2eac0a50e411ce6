export type { CatalogColumn, CatalogColumnType, CatalogTable, CatalogTableFormat } from './catalog-table';
export {
  GOLD_REGION_CUSTOMERS_TABLE,
  LAKE_TABLES,
  PLATINUM_SUBSCRIPTION_RATE_TABLE,
  SILVER_CUSTOMERS_TABLE,
  tableFileKeyOf,
} from './lake-tables';
export { STORAGE_FORMATS, type StorageFormat } from './storage-format';
export { createTableDdl, lakeDatabaseName } from './table-ddl';
