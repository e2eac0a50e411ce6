/** One row of the gold table `gold/customers_by_region.csv`. */
export interface GoldRow {
  /** A region of the taxonomy, e.g. `"Europe"`. */
  readonly region: string;
  /** Distinct Customer IDs whose latest record is in this region and subscribed. */
  readonly subscribedCustomers: number;
  /** Those Customer IDs, sorted by plain code-unit order (`00003` < `0002` < `001`). */
  readonly customerIds: readonly string[];
}

/**
 * Writes a gold row's ID list the way the original README's sample does: `[001, 002, 003]`.
 * The format is not reversible for IDs that contain `, ` or brackets; read IDs from the run
 * summary (`--json`) or silver instead.
 *
 * @param ids - Customer IDs, already sorted.
 * @returns the cell text, `[]` for none.
 */
export function formatCustomerIdList(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}
