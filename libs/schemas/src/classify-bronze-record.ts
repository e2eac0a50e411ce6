import type { BronzeColumns } from './resolve-columns';

/** What silver does with one bronze data record. */
export type BronzeRecordOutcome =
  /** Accepted: `customerId` is the trimmed ID, `country` the raw country cell. */
  | { readonly kind: 'accept'; readonly customerId: string; readonly country: string }
  /** Every field is empty after trimming (`,,,`, a tab-only or empty line): skipped and counted. */
  | { readonly kind: 'blank' }
  /** Moved to quarantine with a reason a person understands. */
  | { readonly kind: 'quarantine'; readonly reason: string };

/**
 * Decides the fate of one bronze data record. Checks, in order: blank; field count equal to the
 * header's (fields are never shifted into another column); non-empty Customer ID.
 *
 * @param fields - the record's parsed fields.
 * @param columns - the file's column positions from `resolveBronzeColumns`.
 * @returns the outcome; never throws.
 */
export function classifyBronzeRecord(fields: readonly string[], columns: BronzeColumns): BronzeRecordOutcome {
  if (fields.every((field) => field.trim() === '')) return { kind: 'blank' };
  if (fields.length !== columns.width) {
    return {
      kind: 'quarantine',
      reason: `column count: the record has ${fields.length} fields but the header has ${columns.width} columns`,
    };
  }
  const customerId = fields[columns.customerId]!.trim();
  if (customerId === '') return { kind: 'quarantine', reason: 'Customer ID is empty' };
  return { kind: 'accept', customerId, country: fields[columns.country]! };
}
