import { createTextDecoder, readCsvBatch, splitCsvBatches, type TextEncoding } from '@medallion/csv-io';
import type { CsvObjectWriter } from '@medallion/layer-runtime';
import { FileRejectedError, QUARANTINE_COLUMNS, type ExpectationSuite } from '@medallion/schemas';
import { mapInOrder, workerThreadCount } from '@medallion/worker-pool';
import type { Readable } from 'node:stream';
import { addSilverCounts, type RunningSilverCounts } from './silver-batch';
import { silverBatchRunner } from './silver-batch-runner';
import { maxRecordChars } from './silver-rejection';
import type { SilverCounts } from './silver-result';
import { SilverTransform } from './silver-transform';

/** How silver spreads the CSV work of one object. */
export interface SilverLayerOptions {
  /** Worker threads for objects of at least `parallelMinBytes`. @default workerThreadCount() (`MEDALLION_WORKER_THREADS`) */
  readonly threads?: number;
  /** Smallest object (bytes) worth the worker threads; smaller ones run inline. @default 8 MiB */
  readonly parallelMinBytes?: number;
  /** Batch size (bytes) for `splitCsvBatches`. @default 256 KiB (small batches keep the heap small: their records die young) */
  readonly batchBytes?: number;
}

/**
 * Reads one bronze object in batches of whole records and writes its silver and quarantine rows:
 * the header first (checked by `SilverTransform`), then each batch's rows in order, whether the
 * batches ran inline or on worker threads (objects of `parallelMinBytes` and more).
 *
 * @param bronze - the object's body and size in bytes.
 * @param encoding - how to decode it.
 * @param silver - the silver table's writer.
 * @param quarantine - the quarantine table's writer (its header is written before its first row).
 * @param expectations - the data-quality rules (the header's; rows use the default row rules, which are the same).
 * @param options - threads, the parallel threshold, the batch size.
 * @returns the object's counts (data records = silver rows + quarantined rows + blank rows).
 * @throws FileRejectedError for a missing or bad header; CsvSyntaxError, NotUtf8Error,
 *   UnsupportedEncodingError from reading; the writers' upload errors.
 */
export async function transformBronzeObject(
  bronze: { body: Readable; contentLength: number },
  encoding: TextEncoding,
  silver: CsvObjectWriter,
  quarantine: CsvObjectWriter,
  expectations: ExpectationSuite,
  options: SilverLayerOptions,
): Promise<SilverCounts> {
  const maxChars = maxRecordChars();
  const text = createTextDecoder(encoding);
  bronze.body.once('error', (error) => text.destroy(error));
  const batches = splitCsvBatches(bronze.body.pipe(text), { batchBytes: options.batchBytes ?? 256 * 1024, maxRecordChars: maxChars });
  const first = await batches.next();
  const header = first.done ? undefined : readCsvBatch(first.value.bytes, { firstLine: 1, maxRecordChars: maxChars })[0];
  if (!header) throw new FileRejectedError('no header: the object holds no records', { rule: 'header-present' });
  const transform = new SilverTransform(header.fields, expectations);
  await silver.write(transform.header);
  const threads = bronze.contentLength >= (options.parallelMinBytes ?? 8 * 1024 * 1024) ? (options.threads ?? workerThreadCount()) : 0;
  const runner = silverBatchRunner(threads);
  const counts: RunningSilverCounts = { dataRecords: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, ruleFailures: {} };
  const run = (batch: { bytes: Uint8Array; firstLine: number }) => runner.run({ header: header.fields, bytes: batch.bytes, firstLine: batch.firstLine, maxRecordChars: maxChars });
  for await (const result of mapInOrder(batches, run, Math.max(2, 2 * threads))) {
    addSilverCounts(counts, result.counts);
    await silver.writeText(result.silverText, result.counts.silverRows);
    if (result.quarantineText.length > 0 && quarantine.recordCount === 0) await quarantine.write(QUARANTINE_COLUMNS);
    await quarantine.writeText(result.quarantineText, result.counts.quarantinedRows);
  }
  return counts;
}
