import {
  CHECKPOINT_BASE_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  readSetting,
  type SettingsEnvironment,
} from '@medallion/settings';

/** Commits a segment holds when `MEDALLION_CHECKPOINT_SEGMENT_COMMITS` is not set. */
export const DEFAULT_SEGMENT_COMMITS = 32;

/** Customers a commit's table needs to become a checkpoint's base when `MEDALLION_CHECKPOINT_BASE_CUSTOMERS` is not set: below this, copying it into the checkpoint costs little. */
export const DEFAULT_BASE_MIN_CUSTOMERS = 50_000;

/** The environment variables {@link checkpointSettings} reads. */
export const CHECKPOINT_SETTING_VARIABLES = {
  segmentCommits: CHECKPOINT_SEGMENT_COMMITS.name,
  baseMinCustomers: CHECKPOINT_BASE_CUSTOMERS.name,
} as const;

/** How an aggregate's checkpoint is stored. */
export interface CheckpointSettings {
  /** Commits a segment holds (see `writeNewSegments`): with S, a rebuild over N small commits reads about N / S segments and at most S − 1 tables besides the ones changed. */
  readonly segmentCommits: number;
  /** Customers a commit's customer table needs to become the checkpoint's base (see `CheckpointBase`). */
  readonly baseMinCustomers: number;
}

/**
 * The checkpoint settings: `MEDALLION_CHECKPOINT_SEGMENT_COMMITS` (an integer ≥ 2, default
 * {@link DEFAULT_SEGMENT_COMMITS}) and `MEDALLION_CHECKPOINT_BASE_CUSTOMERS` (an integer ≥ 1,
 * default {@link DEFAULT_BASE_MIN_CUSTOMERS}).
 *
 * @param env - the environment to read. @default process.env
 * @returns the settings.
 * @throws InvalidSettingError when a setting is not a whole number in its range.
 */
export function checkpointSettings(env: SettingsEnvironment = process.env): CheckpointSettings {
  return {
    segmentCommits: readSetting(env, CHECKPOINT_SEGMENT_COMMITS) ?? DEFAULT_SEGMENT_COMMITS,
    baseMinCustomers: readSetting(env, CHECKPOINT_BASE_CUSTOMERS) ?? DEFAULT_BASE_MIN_CUSTOMERS,
  };
}
