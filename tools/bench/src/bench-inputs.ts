import { CsvWriter, readCsvBatchFields, splitCsvStream, type CsvBatch } from '@medallion/csv-io';
import { generateCustomerRows } from '@medallion/data-generator';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Where generated inputs are kept between runs (git-ignored). */
export const BENCH_DIR = join(process.cwd(), 'tmp', 'bench');

/** A generated input file. */
export interface BenchFile {
  readonly path: string;
  /** Data rows (header excluded). */
  readonly rows: number;
  /** Size in bytes. */
  readonly bytes: number;
}

async function writeOnce(path: string, rows: number, write: (writer: CsvWriter) => Promise<void>): Promise<BenchFile> {
  if (!existsSync(path)) {
    await mkdir(BENCH_DIR, { recursive: true });
    const partial = `${path}.partial`;
    const writer = new CsvWriter();
    const done = pipeline(writer.output, createWriteStream(partial));
    await write(writer);
    writer.end();
    await done;
    await rename(partial, path);
  }
  return { path, rows, bytes: statSync(path).size };
}

/**
 * A bronze file in the original sample files' schema with a Subscription Status column (~190 bytes a row), generated once per size and seed.
 *
 * @param rows - data rows.
 * @param seed - generator seed. @default 42
 * @returns the file.
 */
export function customerFile(rows: number, seed = 42): Promise<BenchFile> {
  return writeOnce(join(BENCH_DIR, `customers-${rows}-${seed}-status.csv`), rows, async (writer) => {
    for (const row of generateCustomerRows(rows, seed)) await writer.write(row);
  });
}

/**
 * Reads a CSV file as the layers read objects (`splitCsvStream`): its header's fields, then every
 * later batch of whole records.
 *
 * @param path - the file.
 * @param visit - called with the header's fields and each batch after the header, in order.
 */
export async function forEachBatch(
  path: string,
  visit: (header: string[], batch: CsvBatch) => Promise<void> | void,
): Promise<void> {
  const batches = splitCsvStream(createReadStream(path));
  const first = await batches.next();
  const header = first.done ? [] : (readCsvBatchFields(first.value.bytes, first.value)[0] ?? []);
  for await (const batch of batches) await visit(header, batch);
}
