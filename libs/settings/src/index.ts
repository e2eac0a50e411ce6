export { InvalidRegistryError, InvalidSettingError, SettingsError } from './errors';
export { flag, httpUrl, matching, percent, wholeNumberAtLeast, type SettingValue } from './parsers';
export {
  ACCOUNT,
  BENCH_MEMORY,
  CHECKPOINT_BASE_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CODE_VERSION,
  flagSetting,
  LAYER,
  MAX_CUSTOMERS,
  MAX_FILE_CUSTOMERS,
  MAX_QUARANTINED_PERCENT,
  MAX_RECORD_CHARS,
  numberSetting,
  REGION,
  S3_ENDPOINT,
  SETTINGS,
  settingsReadBy,
  type SettingName,
  STAGE,
  textSetting,
  WORKER_THREADS,
} from './registry';
export { readSetting, usedByOf, type Setting, type SettingReader, type SettingsEnvironment } from './setting';
export { settingsHelp } from './settings-help';
