import { hasCsvExtension } from '@medallion/s3-events';
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

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
 * The `.csv` and `.CSV` files directly in a folder (not in its subfolders), in name order
 * (code-point order, as `ls` sorts in the C locale).
 *
 * @param folder - the folder's path as given.
 * @param path - its absolute path.
 * @returns the files' paths, as `folder/name`.
 * @throws InputFileError when the folder holds none.
 */
function csvFilesIn(folder: string, path: string): string[] {
  const names = readdirSync(path, { withFileTypes: true, encoding: 'buffer' })
    .filter((entry) => entry.isFile() && hasCsvExtension(entry.name.toString('latin1')))
    .map((entry) => utf8NameOf(folder, entry.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0)
    throw new InputFileError(`FILE ${folder} is a folder with no .csv files in it (subfolders are not read)`);
  return names.map((name) => join(folder, name));
}

/**
 * A file name as text, when its bytes are UTF-8 (an object key is UTF-8, and Node would read other
 * bytes as U+FFFD, naming a file that does not exist).
 *
 * @throws InputFileError for a name that is not valid UTF-8, showing its bytes.
 */
function utf8NameOf(folder: string, name: Buffer): string {
  if (isUtf8(name)) return name.toString('utf8');
  throw new InputFileError(
    `FILE ${folder} holds a file whose name is not valid UTF-8 (${name.toString('latin1')}, bytes ${name.toString('hex')}): an object key is UTF-8; rename the file`,
  );
}

/**
 * Checks the FILE arguments and gives each its bronze key. Relative paths are taken from `baseDir`
 * (the folder `npm start` was run in). Each must be an existing `.csv` or `.CSV` file, or a folder,
 * which stands for the CSV files directly in it, in name order (a way past the command line's length
 * limit for thousands of files). No two may land on the same object key, since the second upload
 * would replace the first.
 *
 * @param files - FILE arguments in order.
 * @param baseDir - folder relative paths start from.
 * @returns the files with their keys, in order.
 * @throws InputFileError for a missing file, a folder without CSV files, a non-CSV file or two files of one name.
 */
export function resolveInputFiles(files: readonly string[], baseDir: string): InputFile[] {
  const seen = new Map<string, string>();
  const expanded = files.flatMap((file) => {
    const path = resolve(baseDir, file);
    return existsSync(path) && statSync(path).isDirectory() ? csvFilesIn(file, path) : [file];
  });
  return expanded.map((file) => {
    const path = resolve(baseDir, file);
    if (!existsSync(path))
      throw new InputFileError(`FILE ${file} does not exist (looked for ${path}); give paths to CSV files or folders`);
    if (!statSync(path).isFile()) throw new InputFileError(`FILE ${file} is neither a file nor a folder (${path})`);
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
