export { readCommittedSilver, type CommittedSilverRead, type SilverReadEnvironment, type SilverReadOptions, type SilverSource } from './read-committed-silver';
export { customerKeyOf, extractCustomerKeys, type CustomerKey, type CustomerKeys, type CustomerKeysTask } from './customer-keys';
export { LatestCustomerRecords, type CustomerRecord, type SilverRowSink } from './latest-customer-records';
export { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';
export { silverReadMetrics, type SilverReadResult } from './silver-read-metrics';
