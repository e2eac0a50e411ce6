import { InvalidRegistryError } from './errors';
import { flag, httpUrl, matching, percent, wholeNumberAtLeast, type SettingValue } from './parsers';
import type { Setting, SettingReader } from './setting';
import registry from './settings.json';

/** A `MEDALLION_*` variable the registry (`settings.json`) defines, e.g. `MEDALLION_MAX_RECORD_CHARS`. */
export type SettingName = keyof typeof registry;

/** One entry of `settings.json`: what people read, who reads it, and the kind of value it takes. */
interface SettingEntry {
  readonly about: string;
  readonly readers: readonly string[];
  readonly note?: string;
  readonly value: ValueEntry;
  readonly default: string;
}

/** A value's kind in `settings.json`, with what that kind needs. */
type ValueEntry =
  | { readonly kind: 'wholeNumber'; readonly least: number; readonly unit: string; readonly most?: number }
  | { readonly kind: 'percent' | 'url' | 'flag'; readonly accepts: string }
  | { readonly kind: 'text'; readonly pattern: string; readonly accepts: string };

/** The kinds of value whose parser gives a number, a boolean or text. */
const NUMBER_KINDS = ['wholeNumber', 'percent'];
const BOOLEAN_KINDS = ['flag'];
const TEXT_KINDS = ['text', 'url'];

const READERS: readonly SettingReader[] = ['silver', 'gold', 'platinum', 'infra', 'bench'];

function valueOf(name: string, value: ValueEntry): SettingValue<unknown> {
  switch (value.kind) {
    case 'wholeNumber':
      return wholeNumberAtLeast(value.least, value.unit, value.most);
    case 'text':
      return matching(new RegExp(value.pattern), value.accepts);
    case 'percent':
      return { accepts: value.accepts, parse: percent };
    case 'url':
      return { accepts: value.accepts, parse: httpUrl };
    case 'flag':
      return { accepts: value.accepts, parse: flag };
    default:
      throw new InvalidRegistryError(name, `has no value kind medallion knows`);
  }
}

function settingOf(name: string, entry: SettingEntry): Setting<unknown> {
  const unknownReader = entry.readers.find((reader) => !READERS.includes(reader as SettingReader));
  if (unknownReader !== undefined) throw new InvalidRegistryError(name, `names an unknown reader ${unknownReader}`);
  return {
    name,
    about: entry.about,
    readers: entry.readers as SettingReader[],
    ...(entry.note === undefined ? {} : { note: entry.note }),
    ...valueOf(name, entry.value),
    defaultText: entry.default,
  };
}

/** Every `MEDALLION_*` variable, once, in the order of `settings.json` and of the README's table. */
export const SETTINGS: readonly Setting<unknown>[] = Object.entries(registry as Record<string, SettingEntry>).map(
  ([name, entry]) => settingOf(name, entry),
);

function typedSetting<T>(name: SettingName, kinds: readonly string[]): Setting<T> {
  const { kind } = (registry as Record<SettingName, SettingEntry>)[name].value;
  if (!kinds.includes(kind)) throw new InvalidRegistryError(name, `is not of kind ${kinds.join(' or ')}`);
  return SETTINGS.find((setting) => setting.name === name) as Setting<T>;
}

/**
 * A setting whose value is a number, typed for `readSetting`.
 *
 * @param name - its variable.
 * @returns its registry entry.
 * @throws InvalidRegistryError when `settings.json` gives it a kind that is not a number.
 */
export function numberSetting(name: SettingName): Setting<number> {
  return typedSetting(name, NUMBER_KINDS);
}

/**
 * A setting whose value is text, typed for `readSetting`.
 *
 * @param name - its variable.
 * @returns its registry entry.
 * @throws InvalidRegistryError when `settings.json` gives it a kind that is not text.
 */
export function textSetting(name: SettingName): Setting<string> {
  return typedSetting(name, TEXT_KINDS);
}

/**
 * A setting whose value is on or off, typed for `readSetting`.
 *
 * @param name - its variable.
 * @returns its registry entry.
 * @throws InvalidRegistryError when `settings.json` gives it a kind that is not a flag.
 */
export function flagSetting(name: SettingName): Setting<boolean> {
  return typedSetting(name, BOOLEAN_KINDS);
}

/** The settings each reader names; what they mean is in `settings.json` (`about`) and the README. */
export const MAX_RECORD_CHARS = numberSetting('MEDALLION_MAX_RECORD_CHARS');
export const MAX_QUARANTINED_PERCENT = numberSetting('MEDALLION_MAX_QUARANTINED_PERCENT');
export const MAX_FILE_CUSTOMERS = numberSetting('MEDALLION_MAX_FILE_CUSTOMERS');
export const MAX_CUSTOMERS = numberSetting('MEDALLION_MAX_CUSTOMERS');
export const CHECKPOINT_SEGMENT_COMMITS = numberSetting('MEDALLION_CHECKPOINT_SEGMENT_COMMITS');
export const CHECKPOINT_BASE_CUSTOMERS = numberSetting('MEDALLION_CHECKPOINT_BASE_CUSTOMERS');
export const WORKER_THREADS = numberSetting('MEDALLION_WORKER_THREADS');
export const CODE_VERSION = textSetting('MEDALLION_CODE_VERSION');
export const S3_ENDPOINT = textSetting('MEDALLION_S3_ENDPOINT');
export const LAYER = textSetting('MEDALLION_LAYER');
export const STAGE = textSetting('MEDALLION_STAGE');
export const ACCOUNT = textSetting('MEDALLION_ACCOUNT');
export const REGION = textSetting('MEDALLION_REGION');
export const BENCH_MEMORY = flagSetting('MEDALLION_BENCH_MEMORY');

/**
 * The settings a reader honours, in the registry's order.
 *
 * @param reader - e.g. `silver`.
 * @returns every setting whose `readers` name it.
 */
export function settingsReadBy(reader: SettingReader): readonly Setting<unknown>[] {
  return SETTINGS.filter((setting) => setting.readers.includes(reader));
}
