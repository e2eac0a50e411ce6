import { readSetting, type Setting, type SettingsEnvironment } from '@medallion/settings';

/** How a layer's limit on customers held in memory is set: its setting, or else the function's memory. */
export interface CustomerLimitSpec {
  /** The setting that sets the limit outright, e.g. `MAX_CUSTOMERS` (`MEDALLION_MAX_CUSTOMERS`). */
  readonly setting: Setting<number>;
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
 * @throws InvalidSettingError (a RangeError) for a setting its parser does not accept.
 */
export function customersInMemory(environment: SettingsEnvironment, spec: CustomerLimitSpec): number {
  const configured = readSetting(environment, spec.setting);
  if (configured !== undefined) return configured;
  const memoryMb = Number(environment['AWS_LAMBDA_FUNCTION_MEMORY_SIZE']);
  if (!Number.isFinite(memoryMb) || memoryMb <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.floor(((memoryMb - spec.reservedMb) * 1024 * 1024) / spec.bytesPerCustomer));
}
