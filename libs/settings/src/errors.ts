import { MedallionError } from '@medallion/errors';

/**
 * Base class of @medallion/settings' errors: what it refuses is a value outside what a variable
 * accepts.
 */
export class SettingsError extends MedallionError {}

/**
 * A `MEDALLION_*` setting whose value is not one its parser accepts: the message names the variable,
 * the value and what it accepts (`MEDALLION_MAX_RECORD_CHARS=1MB: give a whole number of characters,
 * 1 or more`). The CLI answers it with exit 2 before reading any file; a Lambda
 * invocation fails with it.
 */
export class InvalidSettingError extends SettingsError {
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

/**
 * An entry of the settings registry (`settings.json`) that medallion cannot use: an unknown reader
 * or value kind, or a kind the typed accessor does not give. Thrown when the registry loads, so a
 * bad entry fails every test and build that imports settings.
 */
export class InvalidRegistryError extends SettingsError {
  /**
   * @param variable - the entry's variable, e.g. `MEDALLION_STAGE`.
   * @param problem - what is wrong, e.g. `names an unknown reader silvr`.
   */
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`settings.json: ${variable} ${problem}`);
  }
}
