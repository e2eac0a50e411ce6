/** How a layer's limit on customers held in memory is set: its setting, or else the function's memory. */
export interface CustomerLimitSpec {
  /** The environment variable that sets the limit outright, e.g. `MEDALLION_MAX_CUSTOMERS`. */
  readonly setting: string;
  /** Memory the layer needs besides the customers (MB): the runtime, the SDK, buffers. */
  readonly reservedMb: number;
  /** Memory one customer takes at the layer's peak (bytes). */
  readonly bytesPerCustomer: number;
}

/**
 * The most customers a layer may hold in memory: the `setting` variable when set, else what the
 * function's memory (`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, MB, set by Lambda) holds after `reservedMb`
 * at `bytesPerCustomer`; without either (a laptop), unlimited.
 *
 * @param environment - the process environment.
 * @param spec - the setting's name, the reserved memory and the bytes a customer.
 * @returns the limit (customers), 0 when the memory is all reserved; Infinity when unlimited.
 * @throws RangeError for a setting that is not a whole number of at least 1.
 */
export function customersInMemory(environment: NodeJS.ProcessEnv, spec: CustomerLimitSpec): number {
  const configured = environment[spec.setting];
  if (configured !== undefined && configured !== '') {
    if (!/^[1-9]\d*$/.test(configured))
      throw new RangeError(`${spec.setting}=${configured}: give a whole number of customers, 1 or more`);
    return Number(configured);
  }
  const memoryMb = Number(environment['AWS_LAMBDA_FUNCTION_MEMORY_SIZE']);
  if (!Number.isFinite(memoryMb) || memoryMb <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.floor(((memoryMb - spec.reservedMb) * 1024 * 1024) / spec.bytesPerCustomer));
}
