export {
  createSilverAggregateLayer,
  type CatalogTableOutput,
  type SilverAggregateManifest,
  type SilverAggregateResult,
  type SilverAggregateSpec,
} from './silver-aggregate-layer';
export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_METADATA_KEY,
  decodeCheckpoint,
  encodeCheckpoint,
  type BaseTableReader,
  type Checkpoint,
  type CheckpointBase,
} from './checkpoint';
export { AGGREGATE_SETTINGS } from './aggregate-settings';
export { checkpointKeysOf, type CheckpointKeys } from './checkpoint-keys';
export type { CommittedTable } from './committed-table';
export { BASELINE_MEMORY_MB, maxAggregateCustomers, PEAK_BYTES_PER_CUSTOMER } from './state-limit';
export {
  AggregateStateTooLargeError,
  CommitChangedError,
  ContendedWriteError,
  SilverAggregateError,
  UnusableCheckpointError,
} from './errors';
export { SEGMENT_MAX_COMMIT_CUSTOMERS } from './checkpoint-segments';
export {
  checkpointSettings,
  DEFAULT_BASE_MIN_CUSTOMERS,
  DEFAULT_SEGMENT_COMMITS,
  type CheckpointSettings,
} from './checkpoint-settings';
export type { SegmentRef } from './segment-ref';
