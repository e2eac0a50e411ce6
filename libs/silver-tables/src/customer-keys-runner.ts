import { reviveCsvSyntaxError } from '@medallion/csv-io';
import { serveTasksOnWorkerOf, sharedTaskRunner, type TaskRunner } from '@medallion/worker-pool';
import { extractCustomerKeys, type CustomerKeys, type CustomerKeysTask } from './customer-keys';

/** The batch task kind of silver's readers; its workers load the module this code is in (the Lambda bundle, or this file through tsx). */
const CUSTOMER_KEYS = {
  role: 'medallion:customer-keys',
  work: extractCustomerKeys,
  script: new URL(import.meta.url),
  reviveError: reviveCsvSyntaxError,
};

// On one of these worker threads, serve batches; on the main thread, nothing happens at import.
serveTasksOnWorkerOf(CUSTOMER_KEYS.role, extractCustomerKeys);

/**
 * The runner for the batches of silver tables read by gold and platinum (see `sharedTaskRunner`):
 * inline for 0 threads, else worker threads serving `extractCustomerKeys`, kept for the next invocations.
 *
 * @param threads - worker threads; 0 runs batches on the calling thread.
 * @returns the runner; a task's CsvSyntaxError comes back as a CsvSyntaxError.
 */
export function customerKeysRunner(threads: number): TaskRunner<CustomerKeysTask, CustomerKeys> {
  return sharedTaskRunner(CUSTOMER_KEYS, threads);
}
