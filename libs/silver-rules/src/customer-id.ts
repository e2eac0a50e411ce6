import type { BronzeColumns } from './resolve-bronze-columns';

/**
 * A record's Customer ID as silver keeps and compares it: trimmed of spaces of every kind at either
 * end, and in Unicode normalization form NFC, so that `José` typed composed (`é`, U+00E9) and
 * decomposed (`e` and U+0301) is one customer, written composed. An ID already in NFC (every ASCII
 * ID) is unchanged.
 *
 * @param fields - the record's fields.
 * @param columns - where the Customer ID is.
 * @returns the ID; `''` when the record has no such field.
 */
export function customerIdOf(fields: readonly string[], columns: Pick<BronzeColumns, 'customerId'>): string {
  return (fields[columns.customerId] ?? '').trim().normalize('NFC');
}
