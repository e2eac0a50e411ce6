/**
 * Header names medallion recognises, per logical column. Headers are matched after trimming and
 * lower-casing (see {@link normalizeHeaderName}), so `Customer Id`, ` customer ID ` and
 * `CUSTOMER ID` are one column.
 *
 * - The original README's schema: `Customer ID, Customer Name, Customer Country, Subscription Status`.
 * - The original sample files' schema: `Index, Customer Id, First Name, Last Name, Company, City,
 *   Country, Phone 1, Phone 2, Email, Subscription Date, Website` (no status column).
 *
 * Where a file has more than one alias of a column (e.g. both `Customer Country` and `Country`),
 * the earlier alias in the list wins.
 */
export const COLUMN_ALIASES = {
  customerId: ['customer id'],
  country: ['customer country', 'country'],
  status: ['subscription status', 'status'],
} as const;

/** The column silver appends to every bronze row. */
export const REGION_COLUMN = 'Region';

/** Columns of a quarantine object (`quarantine/<path>.csv`), in order. */
export const QUARANTINE_COLUMNS = ['Line', 'Reason', 'Raw Record'] as const;

/** Columns of the gold table (`gold/customers_by_region.csv`), in order. */
export const GOLD_COLUMNS = ['Region', 'Subscribed Customers', 'Customer IDs'] as const;

/**
 * Folds a header cell for matching: trims surrounding white space and lower-cases.
 *
 * @param name - a header cell as read, e.g. `" Customer Id "`.
 * @returns the folded name, e.g. `"customer id"`.
 */
export function normalizeHeaderName(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * The position of the first of `aliases` (in their order of preference) among a header's folded
 * names (see {@link normalizeHeaderName}).
 *
 * @param folded - the header's names, folded.
 * @param aliases - the accepted names of one column, folded, preferred first.
 * @returns the zero-based position, or undefined when the header has none of them.
 */
export function findColumn(folded: readonly string[], aliases: readonly string[]): number | undefined {
  for (const alias of aliases) {
    const index = folded.indexOf(alias);
    if (index >= 0) return index;
  }
  return undefined;
}
