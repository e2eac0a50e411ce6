/**
 * A `MEDALLION_*` setting whose value is not one its parser accepts: the message names the variable,
 * the value and what it accepts. The CLI answers it with exit 2 before reading any file; a Lambda
 * invocation fails with it.
 */
export class InvalidSettingError extends Error {
  override readonly name = 'InvalidSettingError';

  /**
   * @param variable - e.g. `MEDALLION_MAX_QUARANTINED_PERCENT`.
   * @param value - the value as set.
   * @param accepted - what the variable accepts, for people, e.g. `a number from 0 to 100`.
   */
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly accepted: string,
  ) {
    super(`${variable}=${value}: give ${accepted}`);
  }
}
