import { CsvTextBuilder, readCsvBatch } from '@medallion/csv-io';
import { MAX_UNKNOWN_COUNTRIES, MORE_UNKNOWN_COUNTRIES, type SilverCounts } from '@medallion/schemas';
import { ROW_EXPECTATIONS, rowExpectationsNamed } from '@medallion/silver-rules';
import { isUnknownRegion, SilverTransform, type SilverOutput } from './silver-transform';
import { NO_ROWS } from './silver-result';

/** One batch of bronze records to transform (structured-cloneable: it may cross to a worker thread). */
export interface SilverBatchTask {
  /** The bronze header cells (the file's first record), already accepted by `SilverTransform`. */
  readonly header: readonly string[];
  /** Whole records, UTF-8 (see `splitCsvBatches`). */
  readonly bytes: Uint8Array;
  /** The physical line of the batch's first record. */
  readonly firstLine: number;
  /** The record size limit, in characters. */
  readonly maxRecordChars: number;
  /** The file's field delimiter (see `decideDelimiter`). @default ',' */
  readonly delimiter?: string;
  /**
   * The row rules to apply, by name, in order (see `rowRuleNames`): the worker takes them from the
   * registry. @default every rule of `ROW_EXPECTATIONS`
   */
  readonly rowRules?: readonly string[];
}

/** The customer rows of one batch, in row order (structured-cloneable): what the file's customer table is built from. */
export interface SilverBatchCustomers {
  /** Each silver row's Customer ID (trimmed). */
  readonly customerIds: string[];
  /** Each silver row's Region. */
  readonly regions: string[];
  /** 1 where the row's status counts as subscribed. */
  readonly subscribed: Uint8Array;
  /** Each silver row's physical line in the bronze file. */
  readonly lines: Int32Array;
}

/** What one batch gave. */
export interface SilverBatchResult {
  /** Silver rows as CSV text (each ended by `\n`, no header). */
  readonly silverText: string;
  /** Quarantine rows (`Line, Reason, Raw Record`) as CSV text, no header; '' when none. */
  readonly quarantineText: string;
  /** The batch's counts (data records = silver rows + quarantined rows + blank rows). */
  readonly counts: SilverCounts;
  /** The batch's silver rows as customer records, in order. */
  readonly customers: SilverBatchCustomers;
}

let cachedTransform: { key: string; transform: SilverTransform } | undefined;

/** The transform of a header and row rules, reused across the batches of one file (and of files with the same header and rules). */
function transformFor(
  header: readonly string[],
  rowRules: readonly string[] | undefined,
  delimiter: string,
): SilverTransform {
  // JSON, not a join: header cells may hold any character, so only an unambiguous key is safe.
  const key = JSON.stringify([header, rowRules ?? null, delimiter]);
  if (cachedTransform?.key !== key) {
    const row = rowRules === undefined ? ROW_EXPECTATIONS : rowExpectationsNamed(rowRules);
    // The header was checked on the main thread; the threshold is applied there to the file's counts.
    cachedTransform = {
      key,
      transform: new SilverTransform(header, { file: [], row, maxQuarantinedPercent: undefined }, delimiter),
    };
  }
  return cachedTransform.transform;
}

/**
 * Transforms one batch of bronze records (the rows of `SilverTransform` with the task's row rules,
 * taken from the registry by name; nothing from the environment), synchronously; on a worker thread
 * or inline, the result is the same.
 *
 * @param task - the header, the batch's bytes and first line, the record size limit, the row rules.
 * @returns the silver and quarantine text of the batch, its counts and its customer rows.
 * @throws CsvSyntaxError for malformed CSV or an oversized record (line in the whole file);
 *   UnregisteredRuleError for a row rule name the registry does not hold.
 */
export function transformSilverBatch(task: SilverBatchTask): SilverBatchResult {
  const transform = transformFor(task.header, task.rowRules, task.delimiter ?? ',');
  const silver = new CsvTextBuilder();
  const quarantine = new CsvTextBuilder();
  const ruleFailures: Record<string, number> = {};
  const counts: RunningSilverCounts = { ...NO_ROWS, ruleFailures };
  // The task's firstLine, maxRecordChars and delimiter are the batch's read options.
  const records = readCsvBatch(task.bytes, task);
  const customerIds: string[] = [];
  const regions: string[] = [];
  const subscribed = new Uint8Array(records.length);
  const lines = new Int32Array(records.length);
  for (const record of records) {
    counts.dataRecords++;
    const output = transform.apply(record);
    if (output.kind === 'blank') {
      counts.blankRows++;
      continue;
    }
    for (const failure of output.failures) ruleFailures[failure.rule] = (ruleFailures[failure.rule] ?? 0) + 1;
    if (output.kind === 'quarantine') {
      quarantine.add(output.row);
      counts.quarantinedRows++;
    } else {
      silver.add(output.row);
      subscribed[customerIds.length] = output.subscribed ? 1 : 0;
      lines[customerIds.length] = record.line;
      customerIds.push(output.customerId);
      regions.push(output.region);
      countSilverRow(counts, output);
    }
  }
  const rows = customerIds.length;
  return {
    silverText: silver.take(),
    quarantineText: quarantine.take(),
    counts,
    customers: { customerIds, regions, subscribed: subscribed.slice(0, rows), lines: lines.slice(0, rows) },
  };
}

/** Counts one silver row, and its country value when it names no known country. */
function countSilverRow(counts: RunningSilverCounts, output: Extract<SilverOutput, { kind: 'silver' }>): void {
  counts.silverRows++;
  if (!isUnknownRegion(output.region)) return;
  counts.unknownCountryRows++;
  countUnknownCountry((counts.unknownCountries ??= {}), output.country.trim(), 1);
}

/** A file's counts while its batches come in. */
export type RunningSilverCounts = {
  -readonly [K in Exclude<keyof SilverCounts, 'ruleFailures' | 'unknownCountries'>]: number;
} & {
  ruleFailures: Record<string, number>;
  unknownCountries?: Record<string, number>;
};

/**
 * Adds rows of one unknown country value, keeping at most {@link MAX_UNKNOWN_COUNTRIES} distinct
 * values (further ones are counted under {@link MORE_UNKNOWN_COUNTRIES}).
 *
 * @param counts - value → rows; changed in place.
 * @param country - the trimmed country value.
 * @param rows - its rows.
 */
function countUnknownCountry(counts: Record<string, number>, country: string, rows: number): void {
  const known = Object.hasOwn(counts, country);
  const key = known || Object.keys(counts).length < MAX_UNKNOWN_COUNTRIES ? country : MORE_UNKNOWN_COUNTRIES;
  counts[key] = (counts[key] ?? 0) + rows;
}

/**
 * Adds a batch's counts into a file's running counts.
 *
 * @param total - the file's counts so far; changed in place.
 * @param batch - one batch's counts.
 */
export function addSilverCounts(total: RunningSilverCounts, batch: SilverCounts): void {
  total.dataRecords += batch.dataRecords;
  total.silverRows += batch.silverRows;
  total.quarantinedRows += batch.quarantinedRows;
  total.blankRows += batch.blankRows;
  total.unknownCountryRows += batch.unknownCountryRows;
  for (const [rule, count] of Object.entries(batch.ruleFailures))
    total.ruleFailures[rule] = (total.ruleFailures[rule] ?? 0) + count;
  if (batch.unknownCountries) {
    total.unknownCountries ??= {};
    for (const [country, rows] of Object.entries(batch.unknownCountries))
      countUnknownCountry(total.unknownCountries, country, rows);
  }
}
