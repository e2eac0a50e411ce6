import { CsvTextBuilder, readCsvBatch, type CsvRecord } from '@medallion/csv-io';
import { MAX_UNKNOWN_COUNTRIES, MORE_UNKNOWN_COUNTRIES, type SilverCounts } from '@medallion/schemas';
import { formatFailures, ROW_EXPECTATIONS, rowExpectationsNamed } from '@medallion/silver-rules';
import { oversizedPieceResult, oversizedQuarantineRow, recordSizeFailure } from './silver-oversized';
import { SectionHeaders, type SectionOrder } from './silver-sections';
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
  /**
   * The column order and width of the section the batch starts in (see `SectionHeaders`): where
   * each header column is in its records. @default the header's order and width
   */
  readonly sectionOrder?: SectionOrder;
  /** Set when the batch is a piece of a record that ran past the forced cut (see `CsvBatch.oversized`). */
  readonly oversized?: 'start' | 'part' | 'end';
  /** On the `end` piece: the input ended inside the record's quotes. */
  readonly unclosedQuote?: boolean;
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
  /** When the batch holds repeated headers or `sep=` lines: how many of each, and the column order of the section it ends in. */
  readonly sections?: { readonly headers: number; readonly sepLines: number; readonly endOrder: SectionOrder };
  /**
   * The `section-columns-match` reason and the header's cells, when a repeated header names other
   * columns (the batch stops there).
   */
  readonly differentSection?: { readonly reason: string; readonly headerCells: readonly string[] };
}

let cachedTransform: { key: string; transform: SilverTransform; sections: SectionHeaders } | undefined;

/** The transform of a header and row rules, reused across the batches of one file (and of files with the same header and rules). */
function transformFor(
  header: readonly string[],
  rowRules: readonly string[] | undefined,
  delimiter: string,
): { transform: SilverTransform; sections: SectionHeaders } {
  // JSON, not a join: header cells may hold any character, so only an unambiguous key is safe.
  const key = JSON.stringify([header, rowRules ?? null, delimiter]);
  if (cachedTransform?.key !== key) {
    const row = rowRules === undefined ? ROW_EXPECTATIONS : rowExpectationsNamed(rowRules);
    // The header was checked on the main thread; the threshold is applied there to the file's counts.
    const transform = new SilverTransform(header, { file: [], row, maxQuarantinedPercent: undefined }, delimiter);
    cachedTransform = { key, transform, sections: new SectionHeaders(header, transform.columns, delimiter) };
  }
  return cachedTransform;
}

/**
 * Transforms one batch of bronze records (the rows of `SilverTransform` with the task's row rules,
 * taken from the registry by name; nothing from the environment), synchronously; on a worker thread
 * or inline, the result is the same.
 *
 * @param task - the header, the batch's bytes and first line, the record size limit, the row rules.
 * @returns the silver and quarantine text of the batch, its counts and its customer rows.
 * A record over the size limit is quarantined (`record-size`), its raw text whole. A repeated
 * header (see `SectionHeaders`) is not a data record: it starts a section whose records are read by
 * its column order; one naming other columns stops the batch (`differentSection`).
 * A piece of a record past the forced cut gives its part of that record's quarantine row (see `oversizedPieceResult`).
 * @throws CsvSyntaxError for malformed CSV, or an unclosed quote (line in the whole file);
 *   UnregisteredRuleError for a row rule name the registry does not hold.
 */
export function transformSilverBatch(task: SilverBatchTask): SilverBatchResult {
  if (task.oversized !== undefined) return oversizedPieceResult({ ...task, oversized: task.oversized });
  const { transform, sections } = transformFor(task.header, task.rowRules, task.delimiter ?? ',');
  // The task's firstLine, maxRecordChars and delimiter are the batch's read options.
  const records = readCsvBatch(task.bytes, { ...task, oversizedRecords: 'keep' });
  const rows = new BatchRows(records.length);
  let order = task.sectionOrder;
  let headers = 0;
  let sepLines = 0;
  for (const record of records) {
    const pasted = record.oversizedChars === undefined ? sections.pastedLineOf(record.fields, record.line) : undefined;
    if (pasted?.kind === 'different') {
      const { reason, headerCells } = pasted;
      return { ...rows.result(), differentSection: { reason, headerCells } };
    }
    if (pasted?.kind === 'section') {
      order = pasted.order;
      headers++;
      continue;
    }
    if (pasted?.kind === 'sep-line') {
      sepLines++;
      continue;
    }
    rows.counts.dataRecords++;
    rows.add(
      record,
      record.oversizedChars !== undefined
        ? oversizedOutput(record, task.maxRecordChars)
        : order === undefined
          ? transform.apply(record)
          : transform.applyInOrder(record, order),
    );
  }
  return headers + sepLines === 0
    ? rows.result()
    : { ...rows.result(), sections: { headers, sepLines, endOrder: order } };
}

/** The outputs of one batch's records as they are added: silver and quarantine text, counts, customers. */
class BatchRows {
  readonly counts: RunningSilverCounts = { ...NO_ROWS, ruleFailures: {} };
  private readonly silver = new CsvTextBuilder();
  private readonly quarantine = new CsvTextBuilder();
  private readonly customerIds: string[] = [];
  private readonly regions: string[] = [];
  private readonly subscribed: Uint8Array;
  private readonly lines: Int32Array;

  /** @param records - the batch's record count (the most silver rows it can give). */
  constructor(records: number) {
    this.subscribed = new Uint8Array(records);
    this.lines = new Int32Array(records);
  }

  /** Adds one data record's output (`record`: its line is the customer's). */
  add(record: CsvRecord, output: SilverOutput): void {
    const { counts } = this;
    if (output.kind === 'blank') {
      counts.blankRows++;
      return;
    }
    const { ruleFailures } = counts;
    for (const failure of output.failures) ruleFailures[failure.rule] = (ruleFailures[failure.rule] ?? 0) + 1;
    if (output.kind === 'quarantine') {
      this.quarantine.add(output.row);
      counts.quarantinedRows++;
      return;
    }
    const row = this.customerIds.length;
    this.silver.add(output.row);
    this.subscribed[row] = output.subscribed ? 1 : 0;
    this.lines[row] = record.line;
    this.customerIds.push(output.customerId);
    this.regions.push(output.region);
    countSilverRow(counts, output);
    if (output.unrecognizedStatus !== undefined)
      countDistinctValue((counts.unknownStatuses ??= {}), output.unrecognizedStatus, 1);
  }

  /** The batch's result. */
  result(): SilverBatchResult {
    const rows = this.customerIds.length;
    return {
      silverText: this.silver.take(),
      quarantineText: this.quarantine.take(),
      counts: this.counts,
      customers: {
        customerIds: this.customerIds,
        regions: this.regions,
        subscribed: this.subscribed.slice(0, rows),
        lines: this.lines.slice(0, rows),
      },
    };
  }
}

/**
 * The quarantine row of a record over the size limit (see `readCsvBatch`'s `oversizedRecords`): its
 * line, the `record-size` reason with its length and the limit, and its raw text whole.
 */
function oversizedOutput(record: CsvRecord, maxRecordChars: number): SilverOutput {
  const failure = recordSizeFailure(record.raw, maxRecordChars);
  const row =
    Buffer.byteLength(record.raw, 'utf8') > 4 * maxRecordChars
      ? oversizedQuarantineRow(record.line, failure, record.raw)
      : ([String(record.line), formatFailures([failure]), record.raw] as [string, string, string]);
  return { kind: 'quarantine', row, failures: [failure] };
}

/** Counts one silver row, and its country value when it names no known country. */
function countSilverRow(counts: RunningSilverCounts, output: Extract<SilverOutput, { kind: 'silver' }>): void {
  counts.silverRows++;
  if (!isUnknownRegion(output.region)) return;
  counts.unknownCountryRows++;
  countDistinctValue((counts.unknownCountries ??= {}), output.country.trim(), 1);
}

/** A file's counts while its batches come in. */
export type RunningSilverCounts = {
  -readonly [
    K in Exclude<keyof SilverCounts, 'ruleFailures' | 'unknownCountries' | 'unknownStatuses' | 'sections' | 'sepLines'>
  ]: number;
} & {
  ruleFailures: Record<string, number>;
  unknownCountries?: Record<string, number>;
  unknownStatuses?: Record<string, number>;
};

/**
 * Adds rows of one unknown country or status value, keeping at most {@link MAX_UNKNOWN_COUNTRIES}
 * distinct values (further ones are counted under {@link MORE_UNKNOWN_COUNTRIES}).
 *
 * @param counts - value → rows; changed in place.
 * @param value - the trimmed value.
 * @param rows - its rows.
 */
function countDistinctValue(counts: Record<string, number>, value: string, rows: number): void {
  const known = Object.hasOwn(counts, value);
  const key = known || Object.keys(counts).length < MAX_UNKNOWN_COUNTRIES ? value : MORE_UNKNOWN_COUNTRIES;
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
  if (batch.unknownCountries) addDistinctValues((total.unknownCountries ??= {}), batch.unknownCountries);
  if (batch.unknownStatuses) addDistinctValues((total.unknownStatuses ??= {}), batch.unknownStatuses);
}

/** Adds a batch's value → rows counts into a file's, bounded as {@link countDistinctValue} bounds them. */
function addDistinctValues(total: Record<string, number>, batch: Readonly<Record<string, number>>): void {
  for (const [value, rows] of Object.entries(batch)) countDistinctValue(total, value, rows);
}
