import { CsvTextBuilder, readCsvBatch } from '@medallion/csv-io';
import type { SilverCounts } from '@medallion/schemas';
import { isUnknownRegion, SilverTransform } from './silver-transform';
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
}

/** What one batch gave. */
export interface SilverBatchResult {
  /** Silver rows as CSV text (each ended by `\n`, no header). */
  readonly silverText: string;
  /** Quarantine rows (`Line, Reason, Raw Record`) as CSV text, no header; '' when none. */
  readonly quarantineText: string;
  /** The batch's counts (data records = silver rows + quarantined rows + blank rows). */
  readonly counts: SilverCounts;
}

let cachedTransform: { header: string; transform: SilverTransform } | undefined;

/** The transform of a header, reused across the batches of one file (and of files with the same header). */
function transformFor(header: readonly string[]): SilverTransform {
  // JSON, not a join: header cells may hold any character, so only an unambiguous key is safe.
  const key = JSON.stringify(header);
  if (cachedTransform?.header !== key) cachedTransform = { header: key, transform: new SilverTransform(header) };
  return cachedTransform.transform;
}

/**
 * Transforms one batch of bronze records (the rows of `SilverTransform` with the default row
 * expectations, which take nothing from the environment), synchronously; on a worker thread or
 * inline, the result is the same.
 *
 * @param task - the header, the batch's bytes and first line, the record size limit.
 * @returns the silver and quarantine text of the batch, and its counts.
 * @throws CsvSyntaxError for malformed CSV or an oversized record (line in the whole file).
 */
export function transformSilverBatch(task: SilverBatchTask): SilverBatchResult {
  const transform = transformFor(task.header);
  const silver = new CsvTextBuilder();
  const quarantine = new CsvTextBuilder();
  const ruleFailures: Record<string, number> = {};
  const counts: RunningSilverCounts = { ...NO_ROWS, ruleFailures };
  for (const record of readCsvBatch(task.bytes, { firstLine: task.firstLine, maxRecordChars: task.maxRecordChars })) {
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
      counts.silverRows++;
      if (isUnknownRegion(output.region)) counts.unknownCountryRows++;
    }
  }
  return { silverText: silver.take(), quarantineText: quarantine.take(), counts };
}

/** A file's counts while its batches come in. */
export type RunningSilverCounts = { -readonly [K in Exclude<keyof SilverCounts, 'ruleFailures'>]: number } & { ruleFailures: Record<string, number> };

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
  for (const [rule, count] of Object.entries(batch.ruleFailures)) total.ruleFailures[rule] = (total.ruleFailures[rule] ?? 0) + count;
}
