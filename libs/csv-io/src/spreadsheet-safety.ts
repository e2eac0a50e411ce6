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

/** A field of a plain (unquoted) CSV record that starts like a formula: at the start of the text or after a comma. */
const FORMULA_FIELD_IN_PLAIN_RECORD = /(?:^|,)'*[=+\-@\t\r]/;

/**
 * Whether any field of a plain record (see `isPlainRecord`: no quotes, so fields are separated by
 * every comma) would be changed by {@link escapeSpreadsheetCell}. One scan of the text instead of
 * one test per field.
 *
 * @param plainRecord - the raw text of a plain record, e.g. `001,=SUM(A1),France`.
 * @returns true when some field starts like a formula (true for that example).
 */
export function hasFormulaCell(plainRecord: string): boolean {
  return FORMULA_FIELD_IN_PLAIN_RECORD.test(plainRecord);
}
