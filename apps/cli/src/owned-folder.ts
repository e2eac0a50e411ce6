import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A folder medallion may not empty: it exists, holds files, and carries no marker of ours. */
export class ForeignFolderError extends Error {
  override readonly name = 'ForeignFolderError';
}

/**
 * Checks that {@link claimFolder} may take `dir`, without writing anything: absent, empty, carrying
 * `marker`, or medallion's by definition.
 *
 * @param dir - absolute folder path.
 * @param marker - file name that marks the folder as medallion's, e.g. `.medallion-lake`.
 * @param ours - the folder is medallion's by definition (the default lake under `.medallion/`).
 * @param option - the CLI option that named the folder (e.g. `--out`), said first in the error.
 * @throws ForeignFolderError for a non-empty folder without the marker (or a file at that path).
 */
export function checkFolderClaimable(dir: string, marker: string, ours = false, option?: string): void {
  const named = option ? `${option} ${dir}` : dir;
  if (!existsSync(dir) || ours) return;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new ForeignFolderError(`${named} is not a folder`);
  }
  if (entries.length > 0 && !entries.includes(marker))
    throw new ForeignFolderError(`${named} is not empty and was not made by medallion; give an empty or new folder`);
}

/**
 * Refuses two folders of which one holds the other (or both are one): emptying one would empty the other.
 *
 * @param a - absolute path named by option `aOption`.
 * @param b - absolute path named by option `bOption`.
 * @throws ForeignFolderError naming both options.
 */
export function checkSeparateFolders(a: string, aOption: string, b: string, bOption: string): void {
  const inside = (outer: string, inner: string): boolean => {
    const path = relative(resolve(outer), resolve(inner));
    return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
  };
  if (inside(a, b) || inside(b, a))
    throw new ForeignFolderError(
      `${aOption} ${a} and ${bOption} ${b} overlap (each is emptied at the start of a run); give two separate folders`,
    );
}

/**
 * Makes `dir` an empty folder owned by medallion, for a lake or an export: creates it when absent;
 * empties it when it is empty already or carries `marker` (medallion made it before); refuses any
 * other folder, so that `--out ~` or `--lake-dir .` never deletes a user's files.
 *
 * @param dir - absolute folder path.
 * @param marker - file name that marks the folder as medallion's, e.g. `.medallion-lake`.
 * @param ours - the folder is medallion's by definition (the default lake under `.medallion/`): empty it regardless.
 * @param option - the CLI option that named the folder (e.g. `--out`), said first in the error.
 * @throws ForeignFolderError for a non-empty folder without the marker (or a file at that path).
 */
export async function claimFolder(dir: string, marker: string, ours = false, option?: string): Promise<void> {
  checkFolderClaimable(dir, marker, ours, option);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, marker), 'made by medallion: emptied at the start of each run\n');
}
