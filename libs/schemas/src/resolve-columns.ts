import { COLUMN_ALIASES, REGION_COLUMN, findColumn, normalizeHeaderName } from './column-names';
import { FileRejectedError } from './errors';

/** Zero-based positions of the columns gold needs in a silver header. */
export interface SilverColumns {
  readonly customerId: number;
  readonly region: number;
  readonly status: number | undefined;
}

/**
 * Finds the Customer ID, Region and status columns of a silver header (the last `Region` column,
 * since silver appends it after every bronze column).
 *
 * @param header - the silver object's header cells.
 * @returns the column positions.
 * @throws FileRejectedError when the Customer ID or Region column is missing.
 */
export function resolveSilverColumns(header: readonly string[]): SilverColumns {
  const folded = header.map(normalizeHeaderName);
  const customerId = findColumn(folded, COLUMN_ALIASES.customerId);
  const region = folded.lastIndexOf(normalizeHeaderName(REGION_COLUMN));
  if (customerId === undefined || region < 0) {
    throw new FileRejectedError('not a silver table: it needs a Customer ID and a Region column');
  }
  return { customerId, region, status: findColumn(folded, COLUMN_ALIASES.status) };
}
