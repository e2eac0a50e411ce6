import { lookupCountry } from '@medallion/regions';
import { COLUMN_ALIASES, isSubscribed, normalizeHeaderName } from '@medallion/schemas';
import { InvalidSettingError } from './errors';
import type { BronzeColumns } from './resolve-bronze-columns';

/** What a failed expectation does: `warn` keeps the row and counts it; `quarantine` moves the row; `reject` refuses the whole file. */
export type ExpectationAction = 'warn' | 'quarantine' | 'reject';

/** A rule on a file's header. Failing it rejects the file. */
export interface FileExpectation {
  /** Stable rule name, e.g. `column-names-unique`; used in reasons, counts and manifests. */
  readonly name: string;
  readonly action: 'reject';
  /** What the rule demands, for people (the README lists these). */
  readonly description: string;
  /**
   * @param header - the header cells as read.
   * @returns why the header fails, or undefined when it passes.
   */
  check(header: readonly string[]): string | undefined;
}

/** A rule on one data record. */
export interface RowExpectation {
  readonly name: string;
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

/** Longest Customer ID accepted, in characters. */
export const MAX_CUSTOMER_ID_LENGTH = 64;

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
    name: 'header-present',
    action: 'reject',
    description: 'the first record names the columns',
    check: (header) =>
      folded(header).every((name) => name === '') ? 'no header: the first record has no column names' : undefined,
  },
  {
    name: 'column-names-unique',
    action: 'reject',
    description: 'no column name appears twice (ignoring case and surrounding space)',
    check: (header) => {
      const seen = new Set<string>();
      for (const [index, name] of folded(header).entries()) {
        if (seen.has(name)) return `duplicate column "${header[index]!.trim()}" in the header`;
        seen.add(name);
      }
      return undefined;
    },
  },
  {
    name: 'customer-id-column-present',
    action: 'reject',
    description: 'a Customer ID column ("Customer ID" or "Customer Id")',
    check: (header) =>
      hasAny(header, COLUMN_ALIASES.customerId)
        ? undefined
        : 'no Customer ID column (expected "Customer ID" or "Customer Id")',
  },
  {
    name: 'country-column-present',
    action: 'reject',
    description: 'a country column ("Customer Country" or "Country")',
    check: (header) =>
      hasAny(header, COLUMN_ALIASES.country)
        ? undefined
        : 'no country column (expected "Customer Country" or "Country")',
  },
];

/** Record rules; every one is checked (aligned-column rules only when the field count is right). */
export const ROW_EXPECTATIONS: readonly RowExpectation[] = [
  {
    name: 'column-count',
    action: 'quarantine',
    description: 'the record has as many fields as the header (fields are never shifted into another column)',
    needsAlignedColumns: false,
    check: (fields, columns) =>
      fields.length === columns.width
        ? undefined
        : `the record has ${fields.length} fields but the header has ${columns.width} columns`,
  },
  {
    name: 'customer-id-present',
    action: 'quarantine',
    description: 'the Customer ID is not empty after trimming',
    needsAlignedColumns: true,
    check: (fields, columns) => ((fields[columns.customerId] ?? '').trim() === '' ? 'Customer ID is empty' : undefined),
  },
  {
    name: 'customer-id-sane',
    action: 'quarantine',
    description: `the Customer ID has no control characters and at most ${MAX_CUSTOMER_ID_LENGTH} characters`,
    needsAlignedColumns: true,
    check: (fields, columns) => {
      const id = (fields[columns.customerId] ?? '').trim();
      if (/\p{Cc}/u.test(id)) return 'Customer ID has control characters';
      if (id.length > MAX_CUSTOMER_ID_LENGTH)
        return `Customer ID has ${id.length} characters, over ${MAX_CUSTOMER_ID_LENGTH}`;
      return undefined;
    },
  },
  {
    name: 'country-known',
    action: 'warn',
    description: 'the country names a known country (else Region is Others)',
    needsAlignedColumns: true,
    check: (fields, columns) =>
      lookupCountry(fields[columns.country] ?? '') ? undefined : 'country names no known country',
  },
  {
    name: 'status-recognized',
    action: 'warn',
    description: 'the status, when the file has a status column, is a known subscribed or not-subscribed value',
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
];

/**
 * The quarantine threshold from `MEDALLION_MAX_QUARANTINED_PERCENT`: a decimal number from 0 to 100
 * (percent of a file's data records), e.g. `10` or `2.5`; unset or empty, no threshold.
 *
 * @param env - the environment to read.
 * @returns the percentage, or undefined when unset.
 * @throws InvalidSettingError for any other value (`10%`, `ten`, `150`): never a silent default.
 */
export function maxQuarantinedPercentSetting(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env['MEDALLION_MAX_QUARANTINED_PERCENT'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const percent = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(percent >= 0 && percent <= 100))
    throw new InvalidSettingError(
      'MEDALLION_MAX_QUARANTINED_PERCENT',
      raw,
      "a number from 0 to 100 (percent of a file's data records, no % sign), or leave it unset for no threshold",
    );
  return percent;
}

/**
 * The suite silver uses: {@link FILE_EXPECTATIONS}, {@link ROW_EXPECTATIONS}, and the threshold
 * from `MEDALLION_MAX_QUARANTINED_PERCENT` (see {@link maxQuarantinedPercentSetting}).
 *
 * @param env - the environment to read. @default process.env
 * @returns the suite.
 * @throws InvalidSettingError for a threshold that is not a number from 0 to 100.
 */
export function defaultExpectations(env: Readonly<Record<string, string | undefined>> = process.env): ExpectationSuite {
  return { file: FILE_EXPECTATIONS, row: ROW_EXPECTATIONS, maxQuarantinedPercent: maxQuarantinedPercentSetting(env) };
}
