import { InvalidSettingError } from './errors';

/** The environment a setting is read from: `process.env`, or a test's own record. */
export type SettingsEnvironment = Readonly<Record<string, string | undefined>>;

/** What reads settings: a layer, the infra (at synth) or the benchmark. */
export type SettingReader = 'silver' | 'gold' | 'platinum' | 'infra' | 'bench';

/** One environment variable: its name, who reads it, what it accepts, its default and its parser. */
export interface Setting<T> {
  /** The variable, e.g. `MEDALLION_MAX_RECORD_CHARS`. */
  readonly name: string;
  /** What it sets, in a phrase, from `settings.json`. */
  readonly about: string;
  /** Who reads it: the layers' handlers check exactly the settings that name them (`settingsReadBy`). */
  readonly readers: readonly SettingReader[];
  /** A remark for people beside the readers, e.g. `the infra sets it`. */
  readonly note?: string;
  /** What it accepts, for people; the error says `give <accepts>`. */
  readonly accepts: string;
  /** What holds when it is unset or blank, for people, e.g. `1048576` or `off`. */
  readonly defaultText: string;
  /**
   * The parser: the value (already trimmed, never empty) as a setting, or undefined when the
   * variable does not accept it.
   */
  readonly parse: (value: string) => T | undefined;
}

/**
 * Reads one setting: unset or blank (spaces only) is undefined, for the caller's default; anything
 * else goes through the setting's parser, trimmed.
 *
 * @param env - the environment to read.
 * @param setting - the variable's entry in the registry (`SETTINGS`).
 * @returns the parsed value, or undefined when unset or blank.
 * @throws InvalidSettingError naming the variable, the value as set and what it accepts.
 */
export function readSetting<T>(env: SettingsEnvironment, setting: Setting<T>): T | undefined {
  const raw = env[setting.name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = setting.parse(raw.trim());
  if (value === undefined) throw new InvalidSettingError(setting.name, raw, setting.accepts);
  return value;
}

/**
 * Who reads a setting, for people (the README table): its readers, then its note in parentheses.
 *
 * @param setting - a registry entry.
 * @returns e.g. `silver, gold, platinum (the infra sets it)`.
 */
export function usedByOf(setting: Setting<unknown>): string {
  const readers = setting.readers.join(', ');
  if (!setting.note) return readers;
  return readers ? `${readers} (${setting.note})` : setting.note;
}
