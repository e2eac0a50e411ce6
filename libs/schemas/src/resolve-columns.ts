import { COLUMN_ALIASES, REGION_COLUMN, normalizeHeaderName } from './column-names';
import { FileRejectedError } from './errors';
import { FILE_EXPECTATIONS, type FileExpectation } from './expectations';

/** Zero-based positions of the columns silver needs in a bronze header. */
export interface BronzeColumns {
  /** Number of columns in the header; every data record must have exactly this many fields. */
  readonly width: number;
  readonly customerId: number;
  readonly country: number;
  /** Absent when the file has no status column: every customer then counts as subscribed. */
  readonly status: number | undefined;
}

/** Zero-based positions of the columns gold needs in a silver header. */
export interface SilverColumns {
  readonly customerId: number;
  readonly region: number;
  readonly status: number | undefined;
}

function findColumn(folded: readonly string[], aliases: readonly string[]): number | undefined {
  for (const alias of aliases) {
    const index = folded.indexOf(alias);
    if (index >= 0) return index;
  }
  return undefined;
}

/**
 * Finds the Customer ID, country and status columns of a bronze header.
 *
 * @param header - the header record's cells, as read (BOM already removed).
 * @param expectations - the header rules, checked in order. @default FILE_EXPECTATIONS
 * @returns the column positions.
 * @throws FileRejectedError (naming the rule) at the first failed rule: by default when the header
 *   is empty, a column name appears twice (after trimming and lower-casing), or the Customer ID or
 *   country column is missing.
 */
export function resolveBronzeColumns(header: readonly string[], expectations: readonly FileExpectation[] = FILE_EXPECTATIONS): BronzeColumns {
  for (const rule of expectations) {
    const message = rule.check(header);
    if (message !== undefined) throw new FileRejectedError(message, { rule: rule.name });
  }
  const folded = header.map(normalizeHeaderName);
  const customerId = findColumn(folded, COLUMN_ALIASES.customerId);
  const country = findColumn(folded, COLUMN_ALIASES.country);
  if (customerId === undefined || country === undefined) throw new FileRejectedError('no Customer ID or country column', { rule: 'required-columns' });
  return { width: header.length, customerId, country, status: findColumn(folded, COLUMN_ALIASES.status) };
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
