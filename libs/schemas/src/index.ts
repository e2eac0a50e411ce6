export {
  COLUMN_ALIASES,
  GOLD_COLUMNS,
  QUARANTINE_COLUMNS,
  REGION_COLUMN,
  findColumn,
  normalizeHeaderName,
} from './column-names';
export { FileRejectedError, ManifestFormatError, SchemasError } from './errors';
export { resolveSilverColumns, type SilverColumns } from './resolve-columns';
export { isSubscribed, SUBSCRIBED_STATUSES } from './subscription-status';
export { formatCustomerIdList, type GoldRow } from './gold-row';
export { SILVER_METADATA } from './silver-metadata';
export {
  asSilverManifest,
  GOLD_MANIFEST_KEY,
  manifestObjectOf,
  MAX_UNKNOWN_COUNTRIES,
  MORE_UNKNOWN_COUNTRIES,
  SILVER_CUSTOMERS_PREFIX,
  SILVER_MANIFEST_PREFIX,
  type ManifestObject,
  type SilverCounts,
  type SilverManifest,
} from './manifests';
export { codePointLength } from './text-length';
