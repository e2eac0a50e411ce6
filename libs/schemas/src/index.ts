export { COLUMN_ALIASES, GOLD_COLUMNS, QUARANTINE_COLUMNS, REGION_COLUMN, normalizeHeaderName } from './column-names';
export { FileRejectedError } from './errors';
export { resolveBronzeColumns, resolveSilverColumns, type BronzeColumns, type SilverColumns } from './resolve-columns';
export {
  defaultExpectations,
  FILE_EXPECTATIONS,
  MAX_CUSTOMER_ID_LENGTH,
  ROW_EXPECTATIONS,
  type ExpectationAction,
  type ExpectationSuite,
  type FileExpectation,
  type RowExpectation,
} from './expectations';
export { evaluateRecord, formatFailures, type RecordVerdict, type RuleFailure } from './evaluate-record';
export { isSubscribed, SUBSCRIBED_STATUSES } from './subscription-status';
export { formatCustomerIdList, type GoldRow } from './gold-row';
export { SILVER_METADATA } from './silver-metadata';
export { asSilverManifest, GOLD_MANIFEST_KEY, SILVER_CUSTOMERS_PREFIX, SILVER_MANIFEST_PREFIX, type ManifestObject, type SilverCounts, type SilverManifest } from './manifests';
export { SILVER_AGGREGATE_QUEUE } from './aggregate-queue';
