import { lookupCountry } from '@medallion/regions';
import { codePointLength, COLUMN_ALIASES, isSubscribed, normalizeHeaderName } from '@medallion/schemas';
import { MAX_QUARANTINED_PERCENT, readSetting, type SettingsEnvironment } from '@medallion/settings';
import { customerIdOf, trimSpaces } from './customer-id';
import { UnregisteredRuleError } from './errors';
import type { BronzeColumns } from './resolve-bronze-columns';
import { MAX_CUSTOMER_ID_LENGTH, SILVER_RULES, type RuleDeclaration, type SilverRuleName } from './rules';
import {
  firstControlCharacter,
  firstInvisibleCodePoint,
  firstUnprintableHeaderCharacter,
} from './invisible-characters';

/** A rule on a file's header (a `file` rule of the registry, see `SILVER_RULES`). Failing it rejects the file. */
export interface FileExpectation extends RuleDeclaration {
  /** Stable rule name, e.g. `column-names-unique`; used in reasons, counts and manifests. */
  readonly name: SilverRuleName;
  readonly level: 'file';
  readonly action: 'reject';
  /** What the rule demands, for people (the README lists these). */
  readonly description: string;
  /**
   * @param header - the header cells as read.
   * @returns why the header fails, or undefined when it passes.
   */
  check(header: readonly string[]): string | undefined;
}

/** A rule on one data record (a `row` rule of the registry, see `SILVER_RULES`). */
export interface RowExpectation extends RuleDeclaration {
  /** Stable rule name, e.g. `customer-id-present`. */
  readonly name: SilverRuleName;
  readonly level: 'row';
  readonly action: 'warn' | 'quarantine';
  readonly description: string;
  /** The rule reads cells by column, so it is checked only when the record has the header's field count. */
  readonly needsAlignedColumns: boolean;
  /**
   * @param fields - the record's fields.
   * @param columns - the file's column positions.
   * @returns why the record fails, or undefined when it passes.
   */
  check(fields: readonly string[], columns: BronzeColumns): string | undefined;
}

/** The expectations silver applies, and the file-level threshold. */
export interface ExpectationSuite {
  readonly file: readonly FileExpectation[];
  readonly row: readonly RowExpectation[];
  /** Reject a file when more than this percentage (0-100) of its data records are quarantined; undefined: off. */
  readonly maxQuarantinedPercent: number | undefined;
}

/** Status values recognized as "not subscribed" (compared trimmed, lower-cased). */
const NOT_SUBSCRIBED_STATUSES: ReadonlySet<string> = new Set([
  'inactive',
  'cancelled',
  'canceled',
  'unsubscribed',
  'no',
  'n',
  'false',
  '0',
]);

const folded = (header: readonly string[]): string[] => header.map(normalizeHeaderName);
const hasAny = (header: readonly string[], aliases: readonly string[]): boolean =>
  folded(header).some((name) => aliases.includes(name));

/** Header rules, checked in order; the first failure rejects the file. */
export const FILE_EXPECTATIONS: readonly FileExpectation[] = [
  {
    ...SILVER_RULES.headerPresent,
    check: (header) =>
      folded(header).every((name) => name === '') ? 'no header: the first record has no column names' : undefined,
  },
  {
    ...SILVER_RULES.columnNamesUnique,
    check: (header) => {
      const seen = new Set<string>();
      for (const [index, name] of folded(header).entries()) {
        if (seen.has(name)) return `duplicate column "${(header[index] ?? '').trim()}" in the header`;
        seen.add(name);
      }
      return undefined;
    },
  },
  {
    ...SILVER_RULES.columnNamesPrintable,
    check: (header) => {
      const found = firstUnprintableHeaderCharacter(header);
      return found && `header column ${found.column} has an unprintable character, ${found.codePoint}`;
    },
  },
  {
    ...SILVER_RULES.customerIdColumnPresent,
    check: (header) =>
      hasAny(header, COLUMN_ALIASES.customerId)
        ? undefined
        : 'no Customer ID column (expected "Customer ID" or "Customer Id")',
  },
  {
    ...SILVER_RULES.countryColumnPresent,
    check: (header) =>
      hasAny(header, COLUMN_ALIASES.country)
        ? undefined
        : 'no country column (expected "Customer Country" or "Country")',
  },
];

/** Record rules; every one is checked (aligned-column rules only when the field count is right). */
export const ROW_EXPECTATIONS: readonly RowExpectation[] = [
  {
    ...SILVER_RULES.recordSize,
    needsAlignedColumns: false,
    // The size is checked as the record is read, on its raw text (which the fields are not): an
    // oversized record reaches silver's transform marked, and never this check (see `readCsvBatch`).
    check: () => undefined,
  },
  {
    ...SILVER_RULES.columnCount,
    needsAlignedColumns: false,
    check: (fields, columns) =>
      fields.length === columns.width
        ? undefined
        : `the record has ${fields.length} fields but the header has ${columns.width} columns`,
  },
  {
    ...SILVER_RULES.customerIdPresent,
    needsAlignedColumns: true,
    check: (fields, columns) =>
      trimSpaces(fields[columns.customerId] ?? '') === '' ? 'Customer ID is empty' : undefined,
  },
  {
    ...SILVER_RULES.customerIdSane,
    needsAlignedColumns: true,
    check: (fields, columns) => {
      const id = customerIdOf(fields, columns);
      if (/\p{Cc}/u.test(id)) return 'Customer ID has control characters';
      const invisible = firstInvisibleCodePoint(id);
      if (invisible) return `Customer ID has an invisible character, ${invisible}`;
      // UTF-16 units are never fewer than code points: only an ID long in units is counted (no array per row).
      if (id.length <= MAX_CUSTOMER_ID_LENGTH) return undefined;
      const length = codePointLength(id);
      if (length > MAX_CUSTOMER_ID_LENGTH)
        return `Customer ID has ${length} characters, over ${MAX_CUSTOMER_ID_LENGTH}`;
      return undefined;
    },
  },
  {
    ...SILVER_RULES.cellsPrintable,
    needsAlignedColumns: false,
    check: (fields) => {
      const found = firstControlCharacter(fields);
      return found && `column ${found.column} has a control character, ${found.codePoint}`;
    },
  },
  {
    ...SILVER_RULES.countryKnown,
    needsAlignedColumns: true,
    check: (fields, columns) =>
      lookupCountry(fields[columns.country] ?? '') ? undefined : 'country names no known country',
  },
  {
    ...SILVER_RULES.statusRecognized,
    needsAlignedColumns: true,
    check: (fields, columns) => {
      if (columns.status === undefined) return undefined;
      const status = (fields[columns.status] ?? '').trim().toLowerCase();
      return isSubscribed(status) || NOT_SUBSCRIBED_STATUSES.has(status)
        ? undefined
        : status === ''
          ? 'status is empty'
          : 'status is not a recognized value';
    },
  },
  {
    ...SILVER_RULES.statusColumnPresent,
    needsAlignedColumns: false,
    check: (_fields, columns) =>
      columns.status === undefined ? 'the file has no status column: the row counts as subscribed' : undefined,
  },
];

/**
 * The quarantine threshold from `MEDALLION_MAX_QUARANTINED_PERCENT`: a decimal number from 0 to 100
 * (percent of a file's data records), e.g. `10` or `2.5`; unset or empty, no threshold.
 *
 * @param env - the environment to read.
 * @returns the percentage, or undefined when unset.
 * @throws InvalidSettingError for any other value (`10%`, `ten`, `150`): never a silent default.
 */
export function maxQuarantinedPercentSetting(env: SettingsEnvironment): number | undefined {
  return readSetting(env, MAX_QUARANTINED_PERCENT);
}

/**
 * The suite silver uses: {@link FILE_EXPECTATIONS}, {@link ROW_EXPECTATIONS}, and the threshold
 * from `MEDALLION_MAX_QUARANTINED_PERCENT` (see {@link maxQuarantinedPercentSetting}).
 *
 * @param env - the environment to read. @default process.env
 * @returns the suite.
 * @throws InvalidSettingError for a threshold that is not a number from 0 to 100.
 */
export function defaultExpectations(env: SettingsEnvironment = process.env): ExpectationSuite {
  return { file: FILE_EXPECTATIONS, row: ROW_EXPECTATIONS, maxQuarantinedPercent: maxQuarantinedPercentSetting(env) };
}

/**
 * The names of a suite's row rules, for a batch task that may cross to a worker thread (see
 * {@link rowExpectationsNamed}, which turns them back into rules there).
 *
 * @param rules - the suite's row rules; each must be one of {@link ROW_EXPECTATIONS} itself.
 * @returns their names, in order.
 * @throws UnregisteredRuleError for a rule that is not the registry's (a copy with another check counts as not).
 */
export function rowRuleNames(rules: readonly RowExpectation[]): SilverRuleName[] {
  return rules.map((rule) => {
    if (!ROW_EXPECTATIONS.includes(rule)) throw new UnregisteredRuleError(rule.name);
    return rule.name;
  });
}

/**
 * The registry's row rules of some names, in the order given.
 *
 * @param names - names from {@link rowRuleNames}.
 * @returns the rules.
 * @throws UnregisteredRuleError for a name {@link ROW_EXPECTATIONS} does not hold.
 */
export function rowExpectationsNamed(names: readonly string[]): RowExpectation[] {
  return names.map((name) => {
    const rule = ROW_EXPECTATIONS.find((candidate) => candidate.name === name);
    if (rule === undefined) throw new UnregisteredRuleError(name);
    return rule;
  });
}
