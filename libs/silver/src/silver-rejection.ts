import { CsvSyntaxError, DEFAULT_MAX_RECORD_CHARS, NotUtf8Error, UnsupportedEncodingError } from '@medallion/csv-io';
import { FileRejectedError } from '@medallion/schemas';
import { MAX_RECORD_CHARS, readSetting, type SettingsEnvironment } from '@medallion/settings';
import { ruleNamed, SILVER_RULES, type ExpectationSuite } from '@medallion/silver-rules';
import type { SilverCounts } from './silver-result';

/** A whole-file refusal: the reason and the expectation that made it. */
export interface Rejection {
  readonly reason: string;
  /** A `file` rule of the registry (`SILVER_RULES`), e.g. `column-names-unique`, `record-size`. */
  readonly rule: string;
  /** The header cells the rejection is about (see `FileRejectedError.headerCells`): for the rejection record only, never logged. */
  readonly headerCells?: readonly string[];
}

/**
 * Largest bronze record accepted, in characters, from `MEDALLION_MAX_RECORD_CHARS` (a whole number
 * of characters, 1 or more; unset or empty: 1,048,576): a file holding a larger one is rejected
 * instead of exhausting memory.
 *
 * @param env - the environment to read. @default process.env
 * @returns the limit in characters.
 * @throws InvalidSettingError for any other value (`1MB`, `0`, `1.5`).
 */
export function maxRecordChars(env: SettingsEnvironment = process.env): number {
  return readSetting(env, MAX_RECORD_CHARS) ?? DEFAULT_MAX_RECORD_CHARS;
}

/**
 * The rejection an error means, if it is a file-level refusal rather than a failure to retry.
 *
 * @param error - what reading or transforming the file threw.
 * @returns the rejection, or undefined when the error should propagate (storage, bugs, a
 *   `FileRejectedError` naming no registered file rule; also a plain
 *   `NotUtf8Error`, which the caller answers by reading the file as Windows-1252).
 */
export function rejectionOf(error: unknown): Rejection | undefined {
  if (error instanceof CsvSyntaxError && error.code === 'CSV_MAX_RECORD_SIZE') {
    return {
      rule: SILVER_RULES.wellFormedCsv.name,
      reason: `the header (line ${error.line}) is over ${maxRecordChars().toLocaleString('en-US')} characters (MEDALLION_MAX_RECORD_CHARS): a data record that long is quarantined, a header cannot be; repair the file, or raise MEDALLION_MAX_RECORD_CHARS to read it`,
    };
  }
  if (error instanceof CsvSyntaxError) return { rule: SILVER_RULES.wellFormedCsv.name, reason: error.message };
  if (error instanceof UnsupportedEncodingError) return { rule: SILVER_RULES.encoding.name, reason: error.message };
  if (error instanceof NotUtf8Error && error.afterUtf8Text) {
    return {
      rule: SILVER_RULES.encoding.name,
      reason: `invalid UTF-8 in a UTF-8 file (at byte ${error.byteOffset}); repair the file or save it as UTF-8 again`,
    };
  }
  // A refusal names its rule; one without a registered rule is a bug, not a file's fault, and propagates.
  const rule = error instanceof FileRejectedError && error.rule !== undefined ? ruleNamed(error.rule) : undefined;
  if (rule?.level !== 'file') return undefined;
  const { message, headerCells } = error as FileRejectedError;
  return { rule: rule.name, reason: message, ...(headerCells === undefined ? {} : { headerCells }) };
}

/**
 * The `quarantine-threshold` rejection, when more than the suite's percentage of a file's data
 * records were quarantined.
 *
 * @param counts - the file's counts.
 * @param suite - the expectations (threshold undefined: off).
 * @returns the rejection, or undefined.
 */
export function thresholdRejection(counts: SilverCounts, suite: ExpectationSuite): Rejection | undefined {
  const threshold = suite.maxQuarantinedPercent;
  if (threshold === undefined || counts.dataRecords === 0) return undefined;
  const percent = (counts.quarantinedRows * 100) / counts.dataRecords;
  if (percent <= threshold) return undefined;
  return {
    rule: SILVER_RULES.quarantineThreshold.name,
    reason: `${shownAbove(percent, threshold)}% of data records quarantined (${counts.quarantinedRows} of ${counts.dataRecords}), over the ${threshold}% threshold (MEDALLION_MAX_QUARANTINED_PERCENT)`,
  };
}

/** A percentage with one decimal, or as many more (up to 6) as it takes to show it above the threshold (33.33, not 33.3, over 33.3). */
function shownAbove(percent: number, threshold: number): string {
  let decimals = 1;
  while (decimals < 6 && Number(percent.toFixed(decimals)) <= threshold) decimals++;
  return percent.toFixed(decimals);
}
