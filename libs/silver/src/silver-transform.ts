import { escapeSpreadsheetCell, formatCsv, hasFormulaCell, isPlainRecord, type CsvRecord } from '@medallion/csv-io';
import { regionForCountry, UNKNOWN_REGION, type Region } from '@medallion/regions';
import { isSubscribed, REGION_COLUMN } from '@medallion/schemas';
import {
  defaultExpectations,
  evaluateRecord,
  formatFailures,
  resolveBronzeColumns,
  SILVER_RULES,
  type BronzeColumns,
  type ExpectationSuite,
  type RuleFailure,
} from '@medallion/silver-rules';
import { namedLength } from './named-length';
import type { SectionOrder } from './silver-sections';

/** Where one bronze data record goes. */
export type SilverOutput =
  /**
   * A silver row: every bronze field in order (Customer ID trimmed), then the Region; every cell
   * spreadsheet-safe. When nothing in the bronze record changes (it is comma-separated and plain, see `isPlainRecord`,
   * with no formula-like cell and no blanks around the Customer ID), `row` is its CSV text: the raw
   * bronze text plus `,` and the Region cell, the same bytes csv-stringify would write for the cells.
   * `customerId` (trimmed, in NFC: see `customerIdOf`), `region` and `subscribed` are what the file's customer table keeps.
   */
  | {
      readonly kind: 'silver';
      readonly row: string[] | string;
      readonly customerId: string;
      readonly region: Region;
      /** The country cell as read (untrimmed): what a `Others` region came from. */
      readonly country: string;
      /** Whether the status counts as subscribed (true in a file without a status column). */
      readonly subscribed: boolean;
      /** The status cell, trimmed, when it failed `status-recognized` (neither a subscribed nor a not-subscribed value). */
      readonly unrecognizedStatus?: string;
      readonly failures: readonly RuleFailure[];
    }
  /**
   * A quarantine row: `Line, Reason, Raw Record`; the reason names every failed rule. As text (see
   * `oversizedQuarantineRow`) for a record over four times the size limit, whose raw cell is always
   * quoted, as it is when such a record is read in pieces.
   */
  | {
      readonly kind: 'quarantine';
      readonly row: [line: string, reason: string, raw: string] | string;
      readonly failures: readonly RuleFailure[];
    }
  | { readonly kind: 'blank' };

/**
 * The silver transform of one file, free of S3: built from the bronze header, it maps each data
 * record to a silver row, a quarantine row or a blank. Silver cells that a spreadsheet would run as
 * a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading apostrophe (see `escapeSpreadsheetCell`);
 * quarantine keeps the raw record exactly as in bronze.
 */
export class SilverTransform {
  /** The silver header: the bronze header cells as read (spreadsheet-safe), then `Region`. */
  readonly header: string[];
  /** The bronze header's column positions (its trailing unnamed columns counted in `width`). */
  readonly columns: BronzeColumns;

  /**
   * @param bronzeHeader - the bronze file's header cells.
   * @param expectations - the data-quality rules. @default defaultExpectations()
   * @throws FileRejectedError when the header fails a file expectation (see `resolveBronzeColumns`);
   *   its trailing unnamed columns (empty or blank, from a delimiter ending every line) are checked
   *   as one, so that two or more of them are not `duplicate column ""`, as one never was.
   * @param delimiter - the bronze file's field delimiter (silver is always comma-separated). @default ','
   */
  constructor(
    bronzeHeader: readonly string[],
    private readonly expectations: ExpectationSuite = defaultExpectations(),
    private readonly delimiter = ',',
  ) {
    // Trailing columns without a name (a delimiter at the end of every line) are checked as one.
    const named = resolveBronzeColumns(withoutTrailingUnnamed(bronzeHeader), expectations.file);
    this.columns = { ...named, width: bronzeHeader.length };
    this.header = [...bronzeHeader.map(escapeSpreadsheetCell), REGION_COLUMN];
  }

  /**
   * Transforms one data record.
   *
   * @param record - the parsed record with its raw text and start line.
   * @returns the record's output.
   */
  apply(record: CsvRecord): SilverOutput {
    return this.applyFields(record, true);
  }

  /**
   * Transforms one data record of a section whose columns are in another order or width (see
   * `SectionHeaders`): its fields are put in the header's order first; silver gets them in the
   * header's order, quarantine the raw text as in bronze. A record whose field count is not its
   * section header's fails `column-count` against that header; one with a value in a trailing
   * unnamed column the first header lacks (which silver has no column for) fails it against the
   * first header.
   *
   * @param record - the parsed record with its raw text and start line.
   * @param section - where each header column is in the section's records, and their field count.
   * @returns the record's output.
   */
  applyInOrder(record: CsvRecord, section: NonNullable<SectionOrder>): SilverOutput {
    const { fields } = record;
    if (fields.length !== section.width) return this.applyFields(record, false, section.width);
    const ordered = section.order.map((at) => (at < 0 ? '' : (fields[at] ?? '')));
    if (fields.length > ordered.length && hasValueOutside(fields, section.order))
      return this.applyFields(record, false);
    return this.applyFields({ ...record, fields: ordered }, false);
  }

  /**
   * Transforms one data record (`rawInOrder`: its raw text has its fields in the header's order;
   * `width`: the field count it must have, when its section's header is not the first header's width).
   */
  private applyFields(record: CsvRecord, rawInOrder: boolean, width = this.columns.width): SilverOutput {
    const columns = width === this.columns.width ? this.columns : { ...this.columns, width };
    const outcome = evaluateRecord(record.fields, columns, this.expectations);
    if (outcome.kind === 'blank') return outcome;
    if (outcome.kind === 'quarantine')
      return {
        kind: 'quarantine',
        row: [String(record.line), formatFailures(outcome.failures), record.raw],
        failures: outcome.failures,
      };
    const region = regionForCountry(outcome.country);
    const { customerId, failures, country } = outcome;
    const status = this.columns.status === undefined ? undefined : record.fields[this.columns.status];
    const subscribed = isSubscribed(status);
    const unrecognized = failures.length > 0 && failures.some((failure) => failure.rule === STATUS_RECOGNIZED);
    const statusFact = unrecognized ? { unrecognizedStatus: (status ?? '').trim() } : {};
    if (
      rawInOrder &&
      this.delimiter === ',' &&
      isPlainRecord(record.raw) &&
      !hasFormulaCell(record.raw) &&
      record.fields[this.columns.customerId] === customerId
    ) {
      // Nothing to escape, quote or trim: the bronze text is the silver text (no re-serializing).
      const row = `${record.raw},${regionCell(region)}`;
      return { kind: 'silver', row, customerId, region, country, subscribed, failures, ...statusFact };
    }
    const row = record.fields.map(escapeSpreadsheetCell);
    row[this.columns.customerId] = escapeSpreadsheetCell(customerId);
    row.push(region);
    return { kind: 'silver', row, customerId, region, country, subscribed, failures, ...statusFact };
  }
}

/** Whether a record has a non-blank field at a position `order` does not take. */
function hasValueOutside(fields: readonly string[], order: readonly number[]): boolean {
  const taken = new Set(order);
  return fields.some((field, at) => !taken.has(at) && field.trim() !== '');
}

/**
 * The header up to and including its last named column, plus one unnamed column when it had any
 * after that (so a header of only unnamed columns is still "no header", and one trailing empty
 * column is checked as before).
 */
function withoutTrailingUnnamed(header: readonly string[]): readonly string[] {
  const end = namedLength(header);
  return end >= header.length - 1 ? header : header.slice(0, end + 1);
}

/** The rule whose failure marks a status cell unrecognized. */
const STATUS_RECOGNIZED = SILVER_RULES.statusRecognized.name;

const REGION_CELLS = new Map<Region, string>();

/** A Region as a CSV cell (spreadsheet-safe, quoted if it needs to be), formatted once per region. */
function regionCell(region: Region): string {
  let cell = REGION_CELLS.get(region);
  if (cell === undefined) REGION_CELLS.set(region, (cell = formatCsv([[escapeSpreadsheetCell(region)]]).slice(0, -1)));
  return cell;
}

/** Whether a region means the country value named no known country. */
export function isUnknownRegion(region: Region): boolean {
  return region === UNKNOWN_REGION;
}
