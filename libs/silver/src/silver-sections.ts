import { normalizeHeaderName } from '@medallion/schemas';
import type { BronzeColumns } from '@medallion/silver-rules';
import { headerCellsText } from './header-cells-text';

/**
 * Where each of the first header's columns is in a section's records: `order[i]` is the position,
 * in the section's header, of the first header's column `i`. Undefined: the first header's order.
 */
export type SectionOrder = readonly number[] | undefined;

/**
 * What a repeated header record means: a section in some column order, or different columns (the
 * `section-columns-match` reason, and the header's cells for the rejection record).
 */
export type SectionHeader =
  | { readonly kind: 'section'; readonly order: SectionOrder }
  | { readonly kind: 'different'; readonly reason: string; readonly headerCells: readonly string[] };

/**
 * Recognizes the repeated headers of a file (two exports pasted together) and maps their sections
 * to the first header's column order. A record is a header when its field at the Customer ID
 * column is one of the first header's column names and it holds the first header's Customer ID and
 * country column names, compared as headers are (trimmed, ignoring case, see `normalizeHeaderName`).
 */
export class SectionHeaders {
  private readonly folded: readonly string[];
  private readonly names: ReadonlySet<string>;
  /** The shortest first-header name (unfolded lengths are at least this): a cheap first test. */
  private readonly shortestName: number;
  private readonly idName: string;
  private readonly countryName: string;

  /**
   * @param header - the first header's cells.
   * @param columns - its column positions (see `resolveBronzeColumns`).
   */
  constructor(
    private readonly header: readonly string[],
    private readonly columns: BronzeColumns,
  ) {
    this.folded = header.map(normalizeHeaderName);
    this.names = new Set(this.folded.filter((name) => name !== ''));
    this.shortestName = Math.min(...[...this.names].map((name) => name.length));
    this.idName = this.folded[columns.customerId] ?? '';
    this.countryName = this.folded[columns.country] ?? '';
  }

  /**
   * Whether a record is a repeated header (cheap for data records: one field's length, most often).
   *
   * @param fields - the record's fields.
   */
  isHeader(fields: readonly string[]): boolean {
    const candidate = fields[this.columns.customerId];
    if (candidate === undefined || candidate.length < this.shortestName) return false;
    if (!this.names.has(normalizeHeaderName(candidate))) return false;
    const folded = fields.map(normalizeHeaderName);
    return folded.includes(this.idName) && folded.includes(this.countryName);
  }

  /**
   * What a repeated header means.
   *
   * @param fields - the header record's fields (see {@link isHeader}).
   * @param line - its line, for the reason.
   * @returns its section's column order (undefined when it is the first header's), or, when its
   *   names differ from the first header's, the `section-columns-match` reason naming them.
   */
  sectionOf(fields: readonly string[], line: number): SectionHeader {
    const folded = fields.map(normalizeHeaderName);
    const unused = folded.map((name, at) => ({ name, at }));
    const order: number[] = [];
    const missing: string[] = [];
    for (const [i, name] of this.folded.entries()) {
      const column = unused.find((candidate) => candidate.name === name);
      if (column === undefined) missing.push(this.header[i] ?? '');
      else {
        order.push(column.at);
        unused.splice(unused.indexOf(column), 1);
      }
    }
    if (missing.length > 0 || unused.length > 0) {
      const extra = unused.map(({ at }) => fields[at] ?? '');
      return { kind: 'different', reason: differentColumns(line, missing, extra), headerCells: fields };
    }
    return { kind: 'section', order: order.every((at, i) => at === i) ? undefined : order };
  }
}

/**
 * The `section-columns-match` reason: the header at `line` lacks `missing` (the first header's
 * names, as written) and has `extra` (named only when medallion knows them, see `headerCellsText`),
 * e.g. `… at line 7 lacks "Country" of the first header's columns and has 1 other cell besides them; …`.
 */
function differentColumns(line: number, missing: readonly string[], extra: readonly string[]): string {
  const names = missing.map((name) => JSON.stringify(name)).join(', ');
  const lacks = missing.length > 0 ? `lacks ${names} of the first header's columns` : undefined;
  const has =
    extra.length > 0
      ? `has ${headerCellsText(extra)} besides ${lacks ? 'them' : "the first header's columns"}`
      : undefined;
  const what = [lacks, has].filter((part) => part !== undefined).join(' and ');
  return `sections with different columns: the header repeated at line ${line} ${what}; split the file into one file per export`;
}
