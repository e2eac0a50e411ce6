import { splitCsvStream, type CsvBatch, type TextEncoding } from '@medallion/csv-io';
import { LatestCustomerRows, type CustomerRecords } from '@medallion/customer-records';
import type { CsvObjectWriter } from '@medallion/layer-runtime';
import { FileRejectedError, QUARANTINE_COLUMNS } from '@medallion/schemas';
import { rowRuleNames, SILVER_RULES, type ExpectationSuite } from '@medallion/silver-rules';
import type { ParallelOptions } from '@medallion/worker-pool';
import type { Readable } from 'node:stream';
import {
  addSilverCounts,
  type RunningSilverCounts,
  type SilverBatchResult,
  type SilverBatchTask,
} from './silver-batch';
import { SectionedBatches } from './sectioned-batches';
import { silverBatchTask } from './silver-batch-task';
import { CUSTOMER_TABLE_BYTES_PER_CUSTOMER, maxFileCustomers } from './customer-table-limit';
import { maxRecordChars } from './silver-rejection';
import { readBronzeHeader, silverTransformOf } from './bronze-header';
import { NO_ROWS, type SilverCounts } from './silver-result';
import { MAX_FILE_CUSTOMERS, readSetting } from '@medallion/settings';

/** What reading one bronze object gave, besides the rows it wrote. */
export interface BronzeObjectSummary {
  /** The object's counts (data records = silver rows + quarantined rows + blank rows). */
  readonly counts: SilverCounts;
  /** Each Customer ID's latest silver row in the file, sorted by ID: its customer table. */
  readonly customers: CustomerRecords;
}

/**
 * Reads one bronze object in batches of whole records and writes its silver and quarantine rows:
 * the header first (after a `sep=` line, if any; its delimiter decided, see `readBronzeHeader`;
 * checked by `SilverTransform`), then each batch's rows in order, whether the
 * batches ran inline or on worker threads (objects of `parallelMinBytes` and more). A repeated
 * header (two exports pasted together, see `SectionHeaders`) starts a section read by its own
 * column order and written in the first header's; the counts then carry `sections`.
 *
 * @param bronze - the object's body and size in bytes.
 * @param encoding - how to decode it.
 * @param silver - the silver table's writer.
 * @param quarantine - the quarantine table's writer (its header is written before its first row).
 * @param expectations - the data-quality rules: the header's, and the row rules every batch applies
 *   (sent to the batches by name, so each must be one of the registry's `ROW_EXPECTATIONS`).
 * @param options - threads, the parallel threshold, the batch size.
 * @returns the object's counts and its customer records (each Customer ID's last silver row, sorted).
 * @throws FileRejectedError for a missing or bad header or an undecided delimiter,
 *   (`section-columns-match`) a repeated header naming other columns, or (`customer-table-size`) more distinct
 *   Customer IDs than {@link maxFileCustomers} allows; CsvSyntaxError, NotUtf8Error,
 *   UnsupportedEncodingError from reading; the writers' upload errors; UnregisteredRuleError, before
 *   reading anything, for a row rule that is not the registry's.
 */
export async function transformBronzeObject(
  bronze: { body: Readable; contentLength: number },
  encoding: TextEncoding,
  silver: CsvObjectWriter,
  quarantine: CsvObjectWriter,
  expectations: ExpectationSuite,
  options: ParallelOptions,
): Promise<BronzeObjectSummary> {
  const rowRules = rowRuleNames(expectations.row);
  const maxChars = maxRecordChars();
  const batches = splitCsvStream(bronze.body, {
    encoding,
    maxRecordChars: maxChars,
    batchBytes: options.batchBytes,
    oversizedRecords: 'pieces',
  });
  const { header, delimiter } = await readBronzeHeader(batches, maxChars);
  const transform = silverTransformOf(header.fields, expectations, delimiter);
  await silver.write(transform.header);
  const counts: RunningSilverCounts = { ...NO_ROWS, ruleFailures: {} };
  const customers = new LatestCustomerRows();
  const customerLimit = maxFileCustomers();
  const sections = new SectionedBatches((batch) => ({
    ...pieceOf(batch),
    header: header.fields,
    bytes: batch.bytes,
    firstLine: batch.firstLine,
    maxRecordChars: maxChars,
    delimiter,
    rowRules,
  }));
  const tasks = silverBatchTask.runInOrder(batches, sections.taskOf, bronze.contentLength, options);
  for await (const ran of tasks) {
    const result = sections.inOrder(ran);
    addSilverCounts(counts, result.counts);
    addCustomers(customers, result, customerLimit);
    await writeBatchRows(result, silver, quarantine);
  }
  return { counts: sections.withSections(counts), customers: customers.toRecords() };
}

/** A batch's piece fields, when it is a piece of an oversized record (see `CsvBatch.oversized`). */
function pieceOf(batch: CsvBatch): Pick<SilverBatchTask, 'oversized' | 'unclosedQuote'> {
  if (batch.oversized === undefined) return {};
  return batch.unclosedQuote === true
    ? { oversized: batch.oversized, unclosedQuote: true }
    : { oversized: batch.oversized };
}

/**
 * Adds a batch's customers to the file's latest rows.
 *
 * @throws FileRejectedError (`customer-table-size`) past `customerLimit` distinct Customer IDs.
 */
function addCustomers(customers: LatestCustomerRows, result: SilverBatchResult, customerLimit: number): void {
  customers.addAll(
    result.customers.customerIds,
    result.customers.regions,
    result.customers.subscribed,
    result.customers.lines,
  );
  if (customers.customers > customerLimit) throw customerTableTooLarge(customerLimit);
}

/** Writes a batch's silver rows, and its quarantine rows (the quarantine header before the first). */
async function writeBatchRows(
  result: SilverBatchResult,
  silver: CsvObjectWriter,
  quarantine: CsvObjectWriter,
): Promise<void> {
  await silver.writeText(result.silverText, result.counts.silverRows);
  if (result.quarantineText.length > 0 && quarantine.recordCount === 0) await quarantine.write(QUARANTINE_COLUMNS);
  await quarantine.writeText(result.quarantineText, result.counts.quarantinedRows);
}

/** The `customer-table-size` rejection: the file's customer table would not fit (the limit its setting or the function's memory sets). */
function customerTableTooLarge(limit: number): FileRejectedError {
  const shown = limit.toLocaleString('en-US');
  const reason =
    readSetting(process.env, MAX_FILE_CUSTOMERS) === undefined
      ? `the file holds more than ${shown} distinct Customer IDs, more than this function's memory holds for its customer table ` +
        `(${CUSTOMER_TABLE_BYTES_PER_CUSTOMER} bytes each); split the file, give the function more memory, or set MEDALLION_MAX_FILE_CUSTOMERS`
      : `the file holds more than ${shown} distinct Customer IDs, over MEDALLION_MAX_FILE_CUSTOMERS (${shown}); split the file, or raise the setting`;
  return new FileRejectedError(reason, { rule: SILVER_RULES.customerTableSize.name });
}
