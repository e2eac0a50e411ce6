import { CsvSyntaxError } from '@medallion/csv-io';
import { inlineRunner, serveTasks, workerRunner, type TaskRunner } from '@medallion/worker-pool';
import { isMainThread, workerData } from 'node:worker_threads';
import { transformSilverBatch, type SilverBatchResult, type SilverBatchTask } from './silver-batch';

/** The `workerData` of silver's batch workers. */
const SILVER_BATCH_ROLE = 'medallion:silver-batch';

// On one of silver's worker threads, this module (the Lambda bundle, or this file through tsx)
// serves batches. On the main thread it does nothing at import.
if (!isMainThread && workerData === SILVER_BATCH_ROLE) serveTasks(transformSilverBatch);

const INLINE = inlineRunner(transformSilverBatch);
const runners = new Map<number, TaskRunner<SilverBatchTask, SilverBatchResult>>();

/**
 * The runner for silver's batches: inline for 0 threads, else worker threads that load the module
 * this code is in (the Lambda bundle, or this source file through tsx) and serve
 * `transformSilverBatch`. Worker runners are made once per thread count and kept: their threads
 * start on first use and stay for the next invocations of a warm Lambda environment.
 *
 * @param threads - worker threads; 0 runs batches on the calling thread.
 * @returns the runner; a task's CsvSyntaxError comes back as a CsvSyntaxError (code, line).
 */
export function silverBatchRunner(threads: number): TaskRunner<SilverBatchTask, SilverBatchResult> {
  if (threads <= 0) return INLINE;
  let runner = runners.get(threads);
  if (!runner) {
    runner = workerRunner<SilverBatchTask, SilverBatchResult>({
      script: new URL(import.meta.url),
      threads,
      workerData: SILVER_BATCH_ROLE,
      reviveError: (error) =>
        error.name === 'CsvSyntaxError' && typeof error['code'] === 'string' && typeof error['line'] === 'number'
          ? new CsvSyntaxError(error['code'], error['line'])
          : Object.assign(new Error(error.message), { name: error.name }),
    });
    runners.set(threads, runner);
  }
  return runner;
}
