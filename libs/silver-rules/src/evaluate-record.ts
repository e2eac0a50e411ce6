import type { ExpectationSuite } from './expectations';
import type { ExpectationAction } from './rules';
import { customerIdOf } from './customer-id';
import type { BronzeColumns } from './resolve-bronze-columns';

/** One failed expectation of a record. */
export interface RuleFailure {
  readonly rule: string;
  readonly action: Exclude<ExpectationAction, 'reject'>;
  /** Why, for a person; never quotes the record's values. */
  readonly message: string;
}

/** What silver does with one bronze data record. */
export type RecordVerdict =
  /** Every field is empty after trimming (`,,,`, a tab-only or empty line): skipped and counted. */
  | { readonly kind: 'blank' }
  /** Kept in silver; `failures` holds the warnings. `customerId` is as {@link customerIdOf} gives it. */
  | {
      readonly kind: 'accept';
      readonly customerId: string;
      readonly country: string;
      readonly failures: readonly RuleFailure[];
    }
  /** Moved to quarantine; `failures` holds every failed rule, warnings included. */
  | { readonly kind: 'quarantine'; readonly failures: readonly RuleFailure[] };

/**
 * Checks one bronze data record against every row expectation of a suite and records every failed
 * rule, not only the first (rules that read cells by column are skipped when the field count is
 * wrong, since their cells would be the wrong ones).
 *
 * @param fields - the record's fields.
 * @param columns - the file's column positions.
 * @param suite - the expectations.
 * @returns the verdict; never throws.
 */
export function evaluateRecord(
  fields: readonly string[],
  columns: BronzeColumns,
  suite: ExpectationSuite,
): RecordVerdict {
  if (fields.every((field) => field.trim() === '')) return { kind: 'blank' };
  const aligned = fields.length === columns.width;
  const failures: RuleFailure[] = [];
  for (const rule of suite.row) {
    if (rule.needsAlignedColumns && !aligned) continue;
    const message = rule.check(fields, columns);
    if (message !== undefined) failures.push({ rule: rule.name, action: rule.action, message });
  }
  if (failures.some((failure) => failure.action === 'quarantine')) return { kind: 'quarantine', failures };
  return {
    kind: 'accept',
    customerId: customerIdOf(fields, columns),
    country: fields[columns.country] ?? '',
    failures,
  };
}

/**
 * Writes failures as a quarantine reason: `rule: message` joined by `; `.
 *
 * @param failures - at least one failure.
 * @returns e.g. `customer-id-present: Customer ID is empty; country-known: country names no known country`.
 */
export function formatFailures(failures: readonly RuleFailure[]): string {
  return failures.map((failure) => `${failure.rule}: ${failure.message}`).join('; ');
}
