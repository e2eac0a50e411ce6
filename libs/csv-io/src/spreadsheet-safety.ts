/** A cell a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a CR, possibly after quotes. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet (OWASP "CSV injection"): a cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return (after any leading apostrophes) gets one leading
 * apostrophe, which spreadsheets show as text. Reversible with {@link unescapeSpreadsheetCell}.
 *
 * @param value - the cell, e.g. `=HYPERLINK("http://x")` or `-10`.
 * @returns the safe cell, e.g. `'=HYPERLINK("http://x")`, `'-10`; other cells unchanged.
 */
export function escapeSpreadsheetCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Reverses {@link escapeSpreadsheetCell}: removes the one apostrophe it added.
 *
 * @param value - a cell as written by `escapeSpreadsheetCell`.
 * @returns the original value.
 */
export function unescapeSpreadsheetCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
