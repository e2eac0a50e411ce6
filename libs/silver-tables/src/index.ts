export { readSilverTableRecords, type SilverReadEnvironment } from './read-silver-table';
export {
  customerKeyOf,
  extractCustomerKeys,
  type CustomerKey,
  type CustomerKeys,
  type CustomerKeysTask,
} from './customer-keys';
export { compareSilverObjects, type SilverObjectOrder } from './silver-object-order';
export { SilverTableChangedError, SilverTablesError } from './errors';
