export { compareCustomerIds } from './compare-customer-ids';
export { customerIdAt, firstUnsortedId, NO_CUSTOMER_RECORDS, type CustomerRecords } from './customer-records';
export { mergeAllCustomerRecords, mergeCustomerRecords, renumberSources } from './merge-customer-records';
export { LatestCustomerRows } from './latest-customer-rows';
export { joinCustomerIds, recordsByRegion, type RegionRecords } from './records-by-region';
export {
  CUSTOMER_RECORD_COLUMNS,
  CUSTOMER_RECORD_REQUEST,
  customerRecordColumns,
  customerRecordsOf,
} from './customer-record-columns';
export {
  CUSTOMER_TABLE_FORMAT,
  CUSTOMER_TABLE_METADATA_KEY,
  CUSTOMER_TABLE_ORDER_COLUMNS,
  decodeCustomerTable,
  encodeCustomerTable,
  type CustomerTableFacts,
} from './customer-table-file';
export { CustomerRecordsError, CustomerRecordsFormatError, TooManyRegionsError } from './errors';
