/** What a failed rule does: `warn` keeps the row and counts it; `quarantine` moves the row; `reject` refuses the whole file. */
export type ExpectationAction = 'warn' | 'quarantine' | 'reject';

/** What a rule is checked on: the whole `file` (its bytes, header, size or counts) or one `row` (a data record). */
export type RuleLevel = 'file' | 'row';

/** One data-quality rule as data: what the README's "Data quality" table lists, row for row. */
export interface RuleDeclaration {
  /** Stable rule name, e.g. `column-names-unique`; used in reasons, counts and manifests. */
  readonly name: string;
  /** What the rule is checked on. */
  readonly level: RuleLevel;
  /** What failing it does (a file rule always rejects the file). */
  readonly action: ExpectationAction;
  /** What the rule demands, for people. */
  readonly description: string;
}

/** Longest Customer ID accepted, in characters. */
export const MAX_CUSTOMER_ID_LENGTH = 64;

/**
 * Every rule silver applies, by key: the one registry of names, levels, actions and descriptions.
 * Silver names a rule only through it (`SILVER_RULES.recordSize.name`); the header and record
 * checks (`FILE_EXPECTATIONS`, `ROW_EXPECTATIONS`) are built on these entries, and a test compares
 * the README's "Data quality" table with {@link RULE_REGISTRY}.
 */
export const SILVER_RULES = {
  objectKeyFits: {
    name: 'object-key-fits',
    level: 'file',
    action: 'reject',
    description:
      "every key silver derives from the bronze key (silver, customer table, quarantine, manifest) fits in S3's 1,024 bytes",
  },
  headerPresent: {
    name: 'header-present',
    level: 'file',
    action: 'reject',
    description: 'the first record names the columns (an empty object fails too)',
  },
  delimiterKnown: {
    name: 'delimiter-known',
    level: 'file',
    action: 'reject',
    description:
      'the field delimiter is known: named by a sep= first line, or the most frequent of comma, semicolon and tab in the header',
  },
  columnNamesUnique: {
    name: 'column-names-unique',
    level: 'file',
    action: 'reject',
    description: 'no column name appears twice (ignoring case and surrounding space)',
  },
  columnNamesPrintable: {
    name: 'column-names-printable',
    level: 'file',
    action: 'reject',
    description:
      'no header cell holds a control character (C0, DEL, C1; tab, line feed and carriage return included) or a format character (a byte order mark, zero-width characters, bidi controls): silver would carry it in its header; the reason names the column and the code point',
  },
  customerIdColumnPresent: {
    name: 'customer-id-column-present',
    level: 'file',
    action: 'reject',
    description: 'a Customer ID column ("Customer ID" or "Customer Id")',
  },
  countryColumnPresent: {
    name: 'country-column-present',
    level: 'file',
    action: 'reject',
    description: 'a country column ("Customer Country" or "Country")',
  },
  sectionColumnsMatch: {
    name: 'section-columns-match',
    level: 'file',
    action: 'reject',
    description: "every repeated header (two exports pasted together) names the first header's columns, in any order",
  },
  wellFormedCsv: {
    name: 'well-formed-csv',
    level: 'file',
    action: 'reject',
    description:
      'the bytes parse as CSV (no unclosed quote, no quote inside an unquoted field; the header within MEDALLION_MAX_RECORD_CHARS characters)',
  },
  customerTableSize: {
    name: 'customer-table-size',
    level: 'file',
    action: 'reject',
    description: 'the file holds no more distinct Customer IDs than its customer table may hold',
  },
  encoding: {
    name: 'encoding',
    level: 'file',
    action: 'reject',
    description: 'the bytes are UTF-8, or else Windows-1252',
  },
  quarantineThreshold: {
    name: 'quarantine-threshold',
    level: 'file',
    action: 'reject',
    description: 'at most MEDALLION_MAX_QUARANTINED_PERCENT % of the data records are quarantined',
  },
  recordSize: {
    name: 'record-size',
    level: 'row',
    action: 'quarantine',
    description:
      "the record's raw text (delimiters included, its line break not) is at most MEDALLION_MAX_RECORD_CHARS characters; a longer one is quarantined whole",
  },
  columnCount: {
    name: 'column-count',
    level: 'row',
    action: 'quarantine',
    description: 'the record has as many fields as the header (fields are never shifted into another column)',
  },
  customerIdPresent: {
    name: 'customer-id-present',
    level: 'row',
    action: 'quarantine',
    description: 'the Customer ID is not empty after trimming',
  },
  customerIdSane: {
    name: 'customer-id-sane',
    level: 'row',
    action: 'quarantine',
    description: `the Customer ID has no control characters, no invisible ones (zero-width, bidi controls, spaces other than U+0020 inside: the reason names the code point) and at most ${MAX_CUSTOMER_ID_LENGTH} characters (code points)`,
  },
  cellsPrintable: {
    name: 'cells-printable',
    level: 'row',
    action: 'quarantine',
    description:
      'no cell holds a control character (C0, DEL, C1) other than tab, line feed and carriage return (NUL, escape, …): the reason names the column and the code point',
  },
  countryKnown: {
    name: 'country-known',
    level: 'row',
    action: 'warn',
    description: 'the country names a known country (else Region is Others)',
  },
  statusRecognized: {
    name: 'status-recognized',
    level: 'row',
    action: 'warn',
    description: 'the status, when the file has a status column, is a known subscribed or not-subscribed value',
  },
  statusColumnPresent: {
    name: 'status-column-present',
    level: 'row',
    action: 'warn',
    description:
      "the file has a status column; without one (the original sample files' schema) each row counts as subscribed, and is counted under this rule",
  },
} as const satisfies Record<string, RuleDeclaration>;

/** A rule's name, one of {@link SILVER_RULES}'. */
export type SilverRuleName = (typeof SILVER_RULES)[keyof typeof SILVER_RULES]['name'];

/** Every rule of {@link SILVER_RULES}, in the README table's order (file rules, then row rules). */
export const RULE_REGISTRY: readonly RuleDeclaration[] = Object.values(SILVER_RULES);

/**
 * The registry's rule of a name.
 *
 * @param name - e.g. `record-size`.
 * @returns the rule, or undefined for a name the registry does not hold.
 */
export function ruleNamed(name: string): RuleDeclaration | undefined {
  return RULE_REGISTRY.find((rule) => rule.name === name);
}
