import { CODE_VERSION, readSetting, type SettingsEnvironment } from '@medallion/settings';

/**
 * The version of the layer code that wrote an output, recorded in manifests: the deployment's
 * `MEDALLION_CODE_VERSION` (the infra sets it to the bundle's content hash), else `local`.
 *
 * @param env - the environment to read. @default process.env
 * @returns e.g. `3f1c…` or `local`.
 * @throws InvalidSettingError for a value with spaces in it.
 */
export function codeVersion(env: SettingsEnvironment = process.env): string {
  return readSetting(env, CODE_VERSION) ?? 'local';
}
