import {
  CHECKPOINT_BASE_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CODE_VERSION,
  MAX_CUSTOMERS,
  MAX_FILE_CUSTOMERS,
  MAX_QUARANTINED_PERCENT,
  MAX_RECORD_CHARS,
  readSetting,
  type Setting,
  type SettingsEnvironment,
  WORKER_THREADS,
} from '@medallion/settings';

/**
 * Every `MEDALLION_*` variable the `medallion` command honours: the layers' settings. It sets
 * `MEDALLION_S3_ENDPOINT` itself (the embedded store), so a value of yours is not honoured.
 */
export const CLI_SETTINGS: readonly Setting<unknown>[] = [
  MAX_RECORD_CHARS,
  MAX_QUARANTINED_PERCENT,
  MAX_FILE_CUSTOMERS,
  MAX_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CHECKPOINT_BASE_CUSTOMERS,
  WORKER_THREADS,
  CODE_VERSION,
];

/**
 * Checks every setting the command honours ({@link CLI_SETTINGS}) at once, in that order, so that a
 * bad value stops the run before it touches anything.
 *
 * @param env - the environment to read.
 * @throws InvalidSettingError naming the first variable whose value its parser does not accept.
 */
export function checkCliSettings(env: SettingsEnvironment): void {
  for (const setting of CLI_SETTINGS) readSetting(env, setting);
}
