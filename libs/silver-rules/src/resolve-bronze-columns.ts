import { COLUMN_ALIASES, FileRejectedError, findColumn, normalizeHeaderName } from '@medallion/schemas';
import { FILE_EXPECTATIONS, type FileExpectation } from './expectations';
import { SILVER_RULES } from './rules';
import { RuleInvariantError } from './errors';

/** The header rules every suite is held to, its own or not: silver cannot work without these columns. */
const REQUIRED_COLUMN_RULES = FILE_EXPECTATIONS.filter(
  (rule) =>
    rule.name === SILVER_RULES.customerIdColumnPresent.name || rule.name === SILVER_RULES.countryColumnPresent.name,
);

/** Zero-based positions of the columns silver needs in a bronze header. */
export interface BronzeColumns {
  /** Number of columns in the header; every data record must have exactly this many fields. */
  readonly width: number;
  readonly customerId: number;
  readonly country: number;
  /** Absent when the file has no status column: every customer then counts as subscribed. */
  readonly status: number | undefined;
}

/**
 * Finds the Customer ID, country and status columns of a bronze header.
 *
 * @param header - the header record's cells, as read (BOM already removed).
 * @param expectations - the header rules, checked in order. @default FILE_EXPECTATIONS
 * @returns the column positions.
 * @throws FileRejectedError (naming the rule) at the first failed rule: by default when the header
 *   is empty, a column name appears twice (after trimming and lower-casing), or the Customer ID or
 *   country column is missing; a suite without the two column rules is still held to them
 *   (`customer-id-column-present`, `country-column-present`).
 */
export function resolveBronzeColumns(
  header: readonly string[],
  expectations: readonly FileExpectation[] = FILE_EXPECTATIONS,
): BronzeColumns {
  // A set: the default suite holds the column rules already, and each is checked once.
  for (const rule of new Set([...expectations, ...REQUIRED_COLUMN_RULES])) {
    const message = rule.check(header);
    if (message !== undefined) throw new FileRejectedError(message, { rule: rule.name });
  }
  const folded = header.map(normalizeHeaderName);
  const customerId = findColumn(folded, COLUMN_ALIASES.customerId);
  const country = findColumn(folded, COLUMN_ALIASES.country);
  // The required-column rules above have passed, so both are present.
  if (customerId === undefined || country === undefined)
    throw new RuleInvariantError('a required column passed its rule but is missing');
  return { width: header.length, customerId, country, status: findColumn(folded, COLUMN_ALIASES.status) };
}
