export { readCommittedSilver, type CommittedSilverRead, type SilverReadEnvironment, type SilverSource } from './read-committed-silver';
export { LatestCustomerRecords, type CustomerRecord, type SilverRowSink } from './latest-customer-records';
export { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';
