import {
  CHECKPOINT_BASE_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CODE_VERSION,
  MAX_CUSTOMERS,
  S3_ENDPOINT,
  type Setting,
  WORKER_THREADS,
} from '@medallion/settings';

/** Every `MEDALLION_*` setting an aggregate layer (gold, platinum) reads; its handler checks them all at each invocation. */
export const AGGREGATE_SETTINGS: readonly Setting<unknown>[] = [
  MAX_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CHECKPOINT_BASE_CUSTOMERS,
  WORKER_THREADS,
  CODE_VERSION,
  S3_ENDPOINT,
];
