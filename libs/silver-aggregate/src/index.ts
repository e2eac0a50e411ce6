export { createSilverAggregateLayer, type SilverAggregateManifest, type SilverAggregateResult, type SilverAggregateSpec } from './silver-aggregate-layer';
export { CHECKPOINT_FORMAT, CHECKPOINT_METADATA_KEY, decodeCheckpoint, encodeCheckpoint, type Checkpoint } from './checkpoint';
export { checkpointKeysOf, type CheckpointKeys } from './checkpoint-keys';
export type { CommittedTable } from './committed-table';
export { BASELINE_MEMORY_MB, maxAggregateCustomers, PEAK_BYTES_PER_CUSTOMER } from './state-limit';
export { AggregateStateTooLargeError } from './errors';
export { DEFAULT_SEGMENT_COMMITS, SEGMENT_MAX_COMMIT_CUSTOMERS, segmentCommits } from './checkpoint-segments';
export type { SegmentRef } from './segment-ref';
