import { reviveCsvSyntaxError } from '@medallion/csv-io';
import { serveTasksOnWorkerOf, sharedTaskRunner, type TaskRunner } from '@medallion/worker-pool';
import { extractGoldKeys, type GoldBatchKeys, type GoldBatchTask } from './gold-batch';

/** Gold's batch task kind; its workers load the module this code is in (the Lambda bundle, or this file through tsx). */
const GOLD_BATCH = { role: 'medallion:gold-batch', work: extractGoldKeys, script: new URL(import.meta.url), reviveError: reviveCsvSyntaxError };

// On one of gold's worker threads, serve batches; on the main thread, nothing happens at import.
serveTasksOnWorkerOf(GOLD_BATCH.role, extractGoldKeys);

/**
 * The runner for gold's batches (see `sharedTaskRunner`): inline for 0 threads, else worker threads
 * serving `extractGoldKeys`, kept for the next invocations.
 *
 * @param threads - worker threads; 0 runs batches on the calling thread.
 * @returns the runner; a task's CsvSyntaxError comes back as a CsvSyntaxError.
 */
export function goldBatchRunner(threads: number): TaskRunner<GoldBatchTask, GoldBatchKeys> {
  return sharedTaskRunner(GOLD_BATCH, threads);
}
