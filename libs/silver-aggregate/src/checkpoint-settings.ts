/** Commits a segment holds when `MEDALLION_CHECKPOINT_SEGMENT_COMMITS` is not set. */
export const DEFAULT_SEGMENT_COMMITS = 32;

/** Customers a commit's table needs to become a checkpoint's base when `MEDALLION_CHECKPOINT_BASE_CUSTOMERS` is not set: below this, copying it into the checkpoint costs little. */
export const DEFAULT_BASE_MIN_CUSTOMERS = 50_000;

/** The environment variables {@link checkpointSettings} reads. */
export const CHECKPOINT_SETTING_VARIABLES = {
  segmentCommits: 'MEDALLION_CHECKPOINT_SEGMENT_COMMITS',
  baseMinCustomers: 'MEDALLION_CHECKPOINT_BASE_CUSTOMERS',
} as const;

/** How an aggregate's checkpoint is stored. */
export interface CheckpointSettings {
  /** Commits a segment holds (see `writeNewSegments`): with S, a rebuild over N small commits reads about N / S segments and at most S − 1 tables besides the ones changed. */
  readonly segmentCommits: number;
  /** Customers a commit's customer table needs to become the checkpoint's base (see `CheckpointBase`). */
  readonly baseMinCustomers: number;
}

function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, least: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least)
    throw new RangeError(`${name} must be an integer of at least ${least}, not ${JSON.stringify(raw)}`);
  return value;
}

/**
 * The checkpoint settings: `MEDALLION_CHECKPOINT_SEGMENT_COMMITS` (an integer ≥ 2, default
 * {@link DEFAULT_SEGMENT_COMMITS}) and `MEDALLION_CHECKPOINT_BASE_CUSTOMERS` (an integer ≥ 1,
 * default {@link DEFAULT_BASE_MIN_CUSTOMERS}).
 *
 * @param env - the environment to read. @default process.env
 * @returns the settings.
 * @throws RangeError when a setting is not an integer in its range.
 */
export function checkpointSettings(env: NodeJS.ProcessEnv = process.env): CheckpointSettings {
  return {
    segmentCommits: integerSetting(env, CHECKPOINT_SETTING_VARIABLES.segmentCommits, DEFAULT_SEGMENT_COMMITS, 2),
    baseMinCustomers: integerSetting(env, CHECKPOINT_SETTING_VARIABLES.baseMinCustomers, DEFAULT_BASE_MIN_CUSTOMERS, 1),
  };
}
