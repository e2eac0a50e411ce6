import { hasCsvExtension } from '@medallion/s3-events';
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** A FILE argument the run cannot take; the message says what to do. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** One file to ingest and the bronze key it is uploaded as. */
export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** `bronze/<file name>`. */
  readonly key: string;
}

/**
 * Checks the FILE arguments and gives each its bronze key. Relative paths are taken from `baseDir`
 * (the folder `npm start` was run in). Each must be an existing `.csv` or `.CSV` file, and no two
 * may land on the same object key, since the second upload would replace the first.
 *
 * @param files - FILE arguments in order.
 * @param baseDir - folder relative paths start from.
 * @returns the files with their keys, in order.
 * @throws InputFileError for a missing file, a folder, a non-CSV file or two files of one name.
 */
export function resolveInputFiles(files: readonly string[], baseDir: string): InputFile[] {
  const seen = new Map<string, string>();
  return files.map((file) => {
    const path = resolve(baseDir, file);
    if (!existsSync(path) || !statSync(path).isFile())
      throw new InputFileError(
        `FILE ${file} does not exist or is not a file (looked for ${path}); give paths to CSV files`,
      );
    if (!hasCsvExtension(path))
      throw new InputFileError(`FILE ${file} is not a .csv file; the layers take .csv or .CSV objects only`);
    const key = `bronze/${basename(path)}`;
    const other = seen.get(key);
    if (other !== undefined)
      throw new InputFileError(
        `FILEs ${other} and ${file} would both be uploaded as ${key}; rename one, or run them separately`,
      );
    seen.set(key, file);
    return { path, key };
  });
}
