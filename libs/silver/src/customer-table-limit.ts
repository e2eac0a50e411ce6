import { customersInMemory } from '@medallion/layer-runtime';
import { MAX_FILE_CUSTOMERS, type SettingsEnvironment } from '@medallion/settings';
import { workerThreadCount } from '@medallion/worker-pool';

/**
 * Bytes of memory one distinct Customer ID of a file takes while silver builds the file's customer
 * table (a map entry, its typed-array slots, the sort at the end): ~165 measured (README "Memory"),
 * budgeted with a margin.
 */
export const CUSTOMER_TABLE_BYTES_PER_CUSTOMER = 200;

/** Memory silver needs besides the customer table: the runtime, the SDK, batches, upload parts (MB). */
const BASELINE_MEMORY_MB = 256;

/** Memory each worker thread takes (a V8 isolate with the bundle loaded), MB. */
const WORKER_THREAD_MEMORY_MB = 64;

/**
 * The most distinct Customer IDs one bronze file may hold: `MEDALLION_MAX_FILE_CUSTOMERS` when set,
 * else what the function's memory (`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, MB) holds after a 256 MB
 * baseline and 64 MB per worker thread (`MEDALLION_WORKER_THREADS`) at
 * {@link CUSTOMER_TABLE_BYTES_PER_CUSTOMER}; without either (a laptop), unlimited.
 *
 * @param environment - the process environment.
 * @returns the limit (customers), e.g. 7,932,477 at 1,769 MB with no worker thread; Infinity when unlimited.
 * @throws InvalidSettingError (a RangeError) for a `MEDALLION_MAX_FILE_CUSTOMERS` or `MEDALLION_WORKER_THREADS` its parser does not accept.
 */
export function maxFileCustomers(environment: SettingsEnvironment = process.env): number {
  const reservedMb = BASELINE_MEMORY_MB + WORKER_THREAD_MEMORY_MB * workerThreadCount(environment);
  return customersInMemory(environment, {
    setting: MAX_FILE_CUSTOMERS,
    reservedMb,
    bytesPerCustomer: CUSTOMER_TABLE_BYTES_PER_CUSTOMER,
  });
}
