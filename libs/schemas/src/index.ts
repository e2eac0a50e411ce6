export { COLUMN_ALIASES, GOLD_COLUMNS, QUARANTINE_COLUMNS, REGION_COLUMN, normalizeHeaderName } from './column-names';
export { FileRejectedError } from './errors';
export { resolveBronzeColumns, resolveSilverColumns, type BronzeColumns, type SilverColumns } from './resolve-columns';
export { classifyBronzeRecord, type BronzeRecordOutcome } from './classify-bronze-record';
export { isSubscribed, SUBSCRIBED_STATUSES } from './subscription-status';
export { formatCustomerIdList, type GoldRow } from './gold-row';
export { SILVER_METADATA } from './silver-metadata';
