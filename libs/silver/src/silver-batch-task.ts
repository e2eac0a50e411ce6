import { reviveCsvSyntaxError } from '@medallion/csv-io';
import { defineWorkerTask } from '@medallion/worker-pool';
import { transformSilverBatch } from './silver-batch';

/**
 * Silver's batches as a worker task (`transformSilverBatch` per batch of bronze records): inline
 * below 8 MiB of bronze object, else on worker threads, which load this module (the Lambda bundle,
 * or this file through tsx) and serve the batches. A task's CsvSyntaxError comes back as one (code, line).
 */
export const silverBatchTask = defineWorkerTask({
  role: 'medallion:silver-batch',
  work: transformSilverBatch,
  script: new URL(import.meta.url),
  parallelMinBytes: 8 * 1024 * 1024,
  reviveError: reviveCsvSyntaxError,
});
