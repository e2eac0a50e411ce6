import { httpUrl, matching, percent, wholeNumberAtLeast } from './parsers';
import type { Setting, SettingReader } from './setting';

/** `MEDALLION_MAX_RECORD_CHARS`: the largest bronze record silver accepts, in characters. */
export const MAX_RECORD_CHARS: Setting<number> = {
  name: 'MEDALLION_MAX_RECORD_CHARS',
  readers: ['silver'],
  ...wholeNumberAtLeast(1, 'characters'),
  defaultText: '1048576',
};

/** `MEDALLION_MAX_QUARANTINED_PERCENT`: the quarantine threshold, percent of a file's data records. */
export const MAX_QUARANTINED_PERCENT: Setting<number> = {
  name: 'MEDALLION_MAX_QUARANTINED_PERCENT',
  readers: ['silver'],
  accepts: "a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
  defaultText: 'no threshold',
  parse: percent,
};

/** `MEDALLION_MAX_FILE_CUSTOMERS`: the most distinct Customer IDs one bronze file may hold. */
export const MAX_FILE_CUSTOMERS: Setting<number> = {
  name: 'MEDALLION_MAX_FILE_CUSTOMERS',
  readers: ['silver'],
  ...wholeNumberAtLeast(1, 'customers'),
  defaultText: "what the function's memory holds; unlimited locally",
};

/** `MEDALLION_MAX_CUSTOMERS`: the most customers an aggregate's state may hold. */
export const MAX_CUSTOMERS: Setting<number> = {
  name: 'MEDALLION_MAX_CUSTOMERS',
  readers: ['gold', 'platinum'],
  ...wholeNumberAtLeast(1, 'customers'),
  defaultText: "what the function's memory holds; unlimited locally",
};

/** `MEDALLION_CHECKPOINT_SEGMENT_COMMITS`: the commits one checkpoint segment holds. */
export const CHECKPOINT_SEGMENT_COMMITS: Setting<number> = {
  name: 'MEDALLION_CHECKPOINT_SEGMENT_COMMITS',
  readers: ['gold', 'platinum'],
  ...wholeNumberAtLeast(2, 'commits'),
  defaultText: '32',
};

/** `MEDALLION_CHECKPOINT_BASE_CUSTOMERS`: the customers a commit's table needs to become a checkpoint's base. */
export const CHECKPOINT_BASE_CUSTOMERS: Setting<number> = {
  name: 'MEDALLION_CHECKPOINT_BASE_CUSTOMERS',
  readers: ['gold', 'platinum'],
  ...wholeNumberAtLeast(1, 'customers'),
  defaultText: '50000',
};

/** `MEDALLION_WORKER_THREADS`: the worker threads a layer uses for CSV work (0: inline). */
export const WORKER_THREADS: Setting<number> = {
  name: 'MEDALLION_WORKER_THREADS',
  readers: ['silver', 'gold', 'platinum'],
  ...wholeNumberAtLeast(0, 'worker threads'),
  defaultText: "the machine's available parallelism, at most 4",
};

/** `MEDALLION_CODE_VERSION`: the code version a layer records in its manifests. */
export const CODE_VERSION: Setting<string> = {
  name: 'MEDALLION_CODE_VERSION',
  readers: ['silver', 'gold', 'platinum'],
  note: 'the infra sets it',
  ...matching(/^\S+$/, "a version label without spaces (the infra sets the bundle's content hash)"),
  defaultText: 'local',
};

/** `MEDALLION_S3_ENDPOINT`: a custom S3-compatible endpoint for the S3 client. */
export const S3_ENDPOINT: Setting<string> = {
  name: 'MEDALLION_S3_ENDPOINT',
  readers: ['silver', 'gold', 'platinum'],
  accepts: 'an http:// or https:// URL of an S3-compatible store',
  defaultText: 'Amazon S3',
  parse: httpUrl,
};

/** `MEDALLION_LAYER`: the layer a function serves; the infra sets it, as a label. */
export const LAYER: Setting<string> = {
  name: 'MEDALLION_LAYER',
  readers: [],
  note: 'set by the infra on each function, as a label (nothing reads it)',
  ...matching(/^[a-z][a-z0-9-]*$/, 'a layer name: lowercase letters, digits and hyphens'),
  defaultText: 'unset',
};

/** `MEDALLION_STAGE`: the deployment stage, which names the stacks `medallion-<stage>-*`. */
export const STAGE: Setting<string> = {
  name: 'MEDALLION_STAGE',
  readers: ['infra'],
  ...matching(/^[a-z][a-z0-9-]*$/, 'a stage name: lowercase letters, digits and hyphens, starting with a letter'),
  defaultText: 'dev',
};

/** `MEDALLION_ACCOUNT`: the AWS account the stacks deploy to. */
export const ACCOUNT: Setting<string> = {
  name: 'MEDALLION_ACCOUNT',
  readers: ['infra'],
  ...matching(/^\d{12}$/, 'an AWS account ID: 12 digits'),
  defaultText: 'CDK_DEFAULT_ACCOUNT (your AWS profile)',
};

/** `MEDALLION_REGION`: the AWS region the stacks deploy to. */
export const REGION: Setting<string> = {
  name: 'MEDALLION_REGION',
  readers: ['infra'],
  ...matching(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region name, e.g. eu-west-1'),
  defaultText: 'CDK_DEFAULT_REGION (your AWS profile)',
};

/** `MEDALLION_BENCH_MEMORY`: whether the benchmarks also print heap and off-heap peaks. */
export const BENCH_MEMORY: Setting<boolean> = {
  name: 'MEDALLION_BENCH_MEMORY',
  readers: ['bench'],
  accepts: '1 to print heap and off-heap peaks (stderr), 0 not to',
  defaultText: '0',
  parse: (value) => (value === '1' ? true : value === '0' ? false : undefined),
};

/** Every `MEDALLION_*` variable, once, in the order of the README's table. */
export const SETTINGS: readonly Setting<unknown>[] = [
  MAX_RECORD_CHARS,
  MAX_QUARANTINED_PERCENT,
  MAX_FILE_CUSTOMERS,
  MAX_CUSTOMERS,
  CHECKPOINT_SEGMENT_COMMITS,
  CHECKPOINT_BASE_CUSTOMERS,
  WORKER_THREADS,
  CODE_VERSION,
  S3_ENDPOINT,
  LAYER,
  STAGE,
  ACCOUNT,
  REGION,
  BENCH_MEMORY,
];

/**
 * The settings a reader honours, in the registry's order.
 *
 * @param reader - e.g. `silver`.
 * @returns every setting whose `readers` name it.
 */
export function settingsReadBy(reader: SettingReader): readonly Setting<unknown>[] {
  return SETTINGS.filter((setting) => setting.readers.includes(reader));
}
