import { customersInMemory } from '@medallion/layer-runtime';
import { MAX_CUSTOMERS, type SettingsEnvironment } from '@medallion/settings';
import { AggregateStateTooLargeError } from './errors';

/**
 * Bytes of memory one customer takes at the peak of a merge, measured (README "Memory"): the state
 * before and after the merge (about 27 bytes each for an 8-character ID), the checkpoint file read
 * and written, the tables merged in and the output table.
 */
export const PEAK_BYTES_PER_CUSTOMER = 150;

/** Memory a function needs besides the state: the runtime, the SDK, buffers (MB). */
export const BASELINE_MEMORY_MB = 256;

/**
 * The most customers an aggregate's state may hold: `MEDALLION_MAX_CUSTOMERS` when set, else what
 * fits in the function's memory (`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, MB) after {@link BASELINE_MEMORY_MB}
 * at {@link PEAK_BYTES_PER_CUSTOMER}; without either (a laptop), unlimited.
 *
 * @param environment - the process environment.
 * @returns the limit (customers), e.g. 10,576,636 at 1,769 MB; Infinity when unlimited.
 * @throws InvalidSettingError for a `MEDALLION_MAX_CUSTOMERS` that is not a whole number of at least 1.
 */
export function maxAggregateCustomers(environment: SettingsEnvironment = process.env): number {
  return customersInMemory(environment, {
    setting: MAX_CUSTOMERS,
    reservedMb: BASELINE_MEMORY_MB,
    bytesPerCustomer: PEAK_BYTES_PER_CUSTOMER,
  });
}

/**
 * Stops an aggregate whose state would pass the limit, before it grows further.
 *
 * @param layer - the layer's name, for the message.
 * @param customers - the customers the state would hold (or an upper bound).
 * @param limit - from {@link maxAggregateCustomers}.
 * @throws AggregateStateTooLargeError naming both numbers and the settings.
 */
export function checkStateSize(layer: string, customers: number, limit: number): void {
  if (customers <= limit) return;
  throw new AggregateStateTooLargeError(
    `${layer}: the state would hold ${customers.toLocaleString('en-US')} customers, over the limit of ${limit.toLocaleString('en-US')} for this function's memory ` +
      `(${PEAK_BYTES_PER_CUSTOMER} bytes a customer at the peak of a merge); give the function more memory (about 1 GB per 7 million customers) or set MEDALLION_MAX_CUSTOMERS`,
  );
}
