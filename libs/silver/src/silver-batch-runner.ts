import { reviveCsvSyntaxError } from '@medallion/csv-io';
import { serveTasksOnWorkerOf, sharedTaskRunner, type TaskRunner } from '@medallion/worker-pool';
import { transformSilverBatch, type SilverBatchResult, type SilverBatchTask } from './silver-batch';

/** Silver's batch task kind; its workers load the module this code is in (the Lambda bundle, or this file through tsx). */
const SILVER_BATCH = {
  role: 'medallion:silver-batch',
  work: transformSilverBatch,
  script: new URL(import.meta.url),
  reviveError: reviveCsvSyntaxError,
};

// On one of silver's worker threads, serve batches; on the main thread, nothing happens at import.
serveTasksOnWorkerOf(SILVER_BATCH.role, transformSilverBatch);

/**
 * The runner for silver's batches (see `sharedTaskRunner`): inline for 0 threads, else worker
 * threads serving `transformSilverBatch`, kept for the next invocations.
 *
 * @param threads - worker threads; 0 runs batches on the calling thread.
 * @returns the runner; a task's CsvSyntaxError comes back as a CsvSyntaxError (code, line).
 */
export function silverBatchRunner(threads: number): TaskRunner<SilverBatchTask, SilverBatchResult> {
  return sharedTaskRunner(SILVER_BATCH, threads);
}
