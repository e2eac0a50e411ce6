import {
  CODE_VERSION,
  MAX_FILE_CUSTOMERS,
  MAX_QUARANTINED_PERCENT,
  MAX_RECORD_CHARS,
  S3_ENDPOINT,
  type Setting,
  WORKER_THREADS,
} from '@medallion/settings';

/** Every `MEDALLION_*` setting silver reads; its handler checks them all at each invocation. */
export const SILVER_SETTINGS: readonly Setting<unknown>[] = [
  MAX_RECORD_CHARS,
  MAX_QUARANTINED_PERCENT,
  MAX_FILE_CUSTOMERS,
  WORKER_THREADS,
  CODE_VERSION,
  S3_ENDPOINT,
];
