export { PREFIXES, checkpointPrefixOf } from './prefixes';
export { SILVER_AGGREGATE_QUEUE } from './aggregate-queue';
