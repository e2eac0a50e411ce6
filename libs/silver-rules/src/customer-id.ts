import type { BronzeColumns } from './resolve-bronze-columns';

/** Unicode's White_Space at either end (not `String.prototype.trim`'s set, which also takes U+FEFF). */
const SURROUNDING_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/**
 * A field trimmed of spaces of every kind (Unicode White_Space: no-break, ideographic, tab…) at
 * either end, and of nothing else: a BOM (U+FEFF) or a zero-width space stays, for the
 * invisible-character rule to find.
 *
 * @param field - a cell as read.
 * @returns the cell without its surrounding spaces (itself when it has none, the usual case).
 */
export function trimSpaces(field: string): string {
  const first = field.charCodeAt(0);
  const last = field.charCodeAt(field.length - 1);
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return field;
  return field.replace(SURROUNDING_SPACE, '');
}

/**
 * A record's Customer ID as silver keeps and compares it: trimmed of spaces of every kind at either
 * end (see {@link trimSpaces}), and in Unicode normalization form NFC, so that `José` typed composed (`é`, U+00E9) and
 * decomposed (`e` and U+0301) is one customer, written composed. An ID already in NFC (every ASCII
 * ID) is unchanged.
 *
 * @param fields - the record's fields.
 * @param columns - where the Customer ID is.
 * @returns the ID; `''` when the record has no such field.
 */
export function customerIdOf(fields: readonly string[], columns: Pick<BronzeColumns, 'customerId'>): string {
  return trimSpaces(fields[columns.customerId] ?? '').normalize('NFC');
}
