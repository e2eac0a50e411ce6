import { reviveCsvSyntaxError } from '@medallion/csv-io';
import { defineWorkerTask } from '@medallion/worker-pool';
import { extractCustomerKeys } from './customer-keys';

/**
 * The batches of silver tables read by gold and platinum as a worker task (`extractCustomerKeys`
 * per batch): inline below 1 MiB of silver table, else on worker threads, which load this module
 * (the Lambda bundle, or this file through tsx) and serve the batches. A task's CsvSyntaxError comes back as one.
 */
export const customerKeysTask = defineWorkerTask({
  role: 'medallion:customer-keys',
  work: extractCustomerKeys,
  script: new URL(import.meta.url),
  parallelMinBytes: 1024 * 1024,
  reviveError: reviveCsvSyntaxError,
});
