import { COLUMN_ALIASES, normalizeHeaderName } from '@medallion/schemas';

const KNOWN_COLUMN_NAMES: ReadonlySet<string> = new Set(Object.values(COLUMN_ALIASES).flat());

/** Most known column names a reason lists. */
const LISTED_COLUMNS = 20;

/**
 * Whether a header cell is a column name medallion knows (`COLUMN_ALIASES`, compared as headers are).
 *
 * @param cell - a header cell as read.
 */
export function isKnownColumnName(cell: string): boolean {
  return KNOWN_COLUMN_NAMES.has(normalizeHeaderName(cell));
}

/**
 * What a rejection reason says of the cells a repeated header holds besides the first header's
 * names: the column names medallion knows among them, named (at most 20), and how many others
 * there are. Reasons go to logs, stderr and `--json`, and a repeated header is recognized by two
 * names only, so what else its record holds may be row contents (a record glued to it); the
 * rejection record lists every cell (`headerCells`).
 *
 * @param cells - the cells, as read.
 * @returns e.g. `"Customer ID", "Country" and 2 unknown cells`, `3 unknown cells`, or `"Customer ID"`.
 */
export function headerCellsText(cells: readonly string[]): string {
  const known = cells.filter(isKnownColumnName);
  const others = cells.length - known.length;
  const unknown = `${others} unknown ${others === 1 ? 'cell' : 'cells'}`;
  if (known.length === 0) return unknown;
  const listed = known.slice(0, LISTED_COLUMNS).map((name) => JSON.stringify(name));
  if (known.length > LISTED_COLUMNS) listed.push(`${known.length - LISTED_COLUMNS} more known names`);
  const named = listed.join(', ');
  return others === 0 ? named : `${named} and ${unknown}`;
}
