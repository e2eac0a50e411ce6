import {
  readSetting,
  S3_ENDPOINT,
  SETTINGS,
  type Setting,
  type SettingReader,
  type SettingsEnvironment,
} from '@medallion/settings';

/** The layers the command runs whose settings it honours. */
const LAYERS_RUN: readonly SettingReader[] = ['silver', 'gold', 'platinum'];

/**
 * Every `MEDALLION_*` variable the `medallion` command honours: the settings of the layers it runs
 * (the registry's entries naming silver, gold or platinum) but `MEDALLION_S3_ENDPOINT`: the command
 * gives each handler its embedded store's S3 client, so a value of yours is not used.
 */
export const CLI_SETTINGS: readonly Setting<unknown>[] = SETTINGS.filter(
  (setting) => setting !== S3_ENDPOINT && LAYERS_RUN.some((layer) => setting.readers.includes(layer)),
);

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
