export { InvalidSettingError, SettingsError } from './errors';
export { httpUrl, matching, percent, wholeNumberAtLeast, type SettingValue } from './parsers';
export {
  ACCOUNT,
  BENCH_MEMORY,
  CHECKPOINT_BASE_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CODE_VERSION,
  LAYER,
  MAX_CUSTOMERS,
  MAX_FILE_CUSTOMERS,
  MAX_QUARANTINED_PERCENT,
  MAX_RECORD_CHARS,
  REGION,
  S3_ENDPOINT,
  SETTINGS,
  settingsReadBy,
  STAGE,
  WORKER_THREADS,
} from './registry';
export { readSetting, usedByOf, type Setting, type SettingReader, type SettingsEnvironment } from './setting';
export { settingsHelp } from './settings-help';
