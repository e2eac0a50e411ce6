/**
 * A header's cell count up to and including its last named cell: what is left when its trailing
 * unnamed columns (blank cells, from a delimiter ending every line) are cut off.
 *
 * @param cells - the header's cells, as read or folded (see `normalizeHeaderName`).
 * @returns that count, 0 for a header of blank cells only.
 */
export function namedLength(cells: readonly string[]): number {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') end--;
  return end;
}
