import { CHECKPOINT_SETTING_VARIABLES, type CheckpointSettings } from '../checkpoint-settings';

/**
 * Sets the checkpoint settings of this process's aggregates, as their environment variables
 * (`MEDALLION_CHECKPOINT_SEGMENT_COMMITS`, `MEDALLION_CHECKPOINT_BASE_CUSTOMERS`): tests make
 * segments and bases appear with tiny lakes. A setting left out is unset (its default).
 *
 * @param settings - the settings to use; `{}` restores the defaults.
 */
export function useCheckpointSettings(settings: Partial<CheckpointSettings>): void {
  for (const [name, variable] of Object.entries(CHECKPOINT_SETTING_VARIABLES) as Array<
    [keyof CheckpointSettings, string]
  >) {
    const value = settings[name];
    if (value === undefined) delete process.env[variable];
    else process.env[variable] = String(value);
  }
}
