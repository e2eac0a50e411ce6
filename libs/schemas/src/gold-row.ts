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
 *
 * @param ids - Customer IDs, already sorted.
 * @returns the cell text, `[]` for none.
 */
export function formatCustomerIdList(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}

/**
 * Reads an ID list cell written by {@link formatCustomerIdList} back into IDs.
 *
 * @param cell - e.g. `"[001, 002]"`.
 * @returns the IDs, e.g. `["001", "002"]`; `[]` for `"[]"`.
 * @throws Error when the cell is not a bracketed list.
 */
export function parseCustomerIdList(cell: string): string[] {
  if (!cell.startsWith('[') || !cell.endsWith(']')) throw new Error(`not a Customer IDs list: ${JSON.stringify(cell.slice(0, 40))}`);
  const inner = cell.slice(1, -1);
  return inner === '' ? [] : inner.split(', ');
}
