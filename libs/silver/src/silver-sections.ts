import { delimiterName, DETECTED_DELIMITERS, sepLineDelimiter } from '@medallion/csv-io';
import { COLUMN_ALIASES, normalizeHeaderName } from '@medallion/schemas';
import type { BronzeColumns } from '@medallion/silver-rules';
import { headerCellsText } from './header-cells-text';
import { namedLength } from './named-length';

/**
 * How a section's records map to the first header's columns. Undefined: the first header's order
 * and width.
 */
export type SectionOrder =
  | {
      /**
       * `order[i]` is the position, in the section's header, of the first header's column `i`; -1
       * for a trailing unnamed column of the first header that the section's header lacks (read as
       * empty). One entry per column of the first header.
       */
      readonly order: readonly number[];
      /** The section header's cell count: the field count its records must have. */
      readonly width: number;
    }
  | undefined;

/**
 * What a repeated header record means: a section in some column order, or different columns (the
 * `section-columns-match` reason, and the header's cells for the rejection record).
 */
export type SectionHeader =
  | { readonly kind: 'section'; readonly order: SectionOrder }
  | { readonly kind: 'different'; readonly reason: string; readonly headerCells: readonly string[] };

/**
 * A record of a pasted export that is not a repeated header: a `sep=` line (skipped, counted as
 * `sepLines`), or a header split by another delimiter (the file is rejected:
 * `section-columns-match`, with the reason and the cells).
 */
export type PastedLine =
  | { readonly kind: 'sep-line' }
  | { readonly kind: 'different'; readonly reason: string; readonly headerCells: readonly string[] };

/**
 * Recognizes the repeated headers of a file (two exports pasted together) and maps their sections
 * to the first header's column order. A record is a header when it holds, in any of its fields, a
 * Customer ID column name and a country column name, each the first header's or another spelling
 * medallion knows (`Country` for `Customer Country`), compared as headers are (trimmed, ignoring
 * case, see `normalizeHeaderName`): a second export that spells a column another way is a section
 * with different columns, never a customer, and so is another schema's export (`Index,Customer Id,…`
 * pasted after `Customer ID,Customer Name,…`), whatever its width.
 */
export class SectionHeaders {
  private readonly folded: readonly string[];
  private readonly names: ReadonlySet<string>;
  /** The names a Customer ID column may have in a repeated header (folded). */
  private readonly idNames: ReadonlySet<string>;
  /** The shortest of {@link idNames} (a field's unfolded length is at least this): a cheap first test. */
  private readonly shortestIdName: number;
  /** The first characters of {@link idNames}, either case, and what trimming removes (space, tab, BOM): a second one. */
  private readonly idFirstCharacters: ReadonlySet<number>;
  /** The names a country column may have in a repeated header (folded). */
  private readonly countryNames: ReadonlySet<string>;

  /**
   * @param header - the first header's cells.
   * @param columns - its column positions (see `resolveBronzeColumns`).
   * @param delimiter - the file's field delimiter.
   */
  constructor(
    private readonly header: readonly string[],
    private readonly columns: BronzeColumns,
    private readonly delimiter: string,
  ) {
    this.folded = header.map(normalizeHeaderName);
    this.names = new Set(this.folded.filter((name) => name !== ''));
    this.idNames = new Set([this.folded[columns.customerId] ?? '', ...COLUMN_ALIASES.customerId]);
    this.shortestIdName = Math.min(...[...this.idNames].map((name) => name.length));
    const firsts = [...this.idNames].flatMap((name) => [name.charCodeAt(0), name.toUpperCase().charCodeAt(0)]);
    this.idFirstCharacters = new Set([...firsts, 0x20, 0x09, 0xfeff, 0xa0]);
    this.countryNames = new Set([this.folded[columns.country] ?? '', ...COLUMN_ALIASES.country]);
  }

  /**
   * Whether a record is a repeated header (cheap for data records: each field's length and first
   * character, and only a field that may be a Customer ID name is folded).
   *
   * @param fields - the record's fields.
   */
  isHeader(fields: readonly string[]): boolean {
    for (const field of fields)
      if (
        field.length >= this.shortestIdName &&
        this.idFirstCharacters.has(field.charCodeAt(0)) &&
        this.idNames.has(normalizeHeaderName(field))
      )
        return this.namesIdAndCountry(fields);
    return false;
  }

  /** Whether some of `fields` are a Customer ID column name and a country column name (see the class). */
  private namesIdAndCountry(fields: readonly string[]): boolean {
    const folded = fields.map(normalizeHeaderName);
    return folded.some((name) => this.idNames.has(name)) && folded.some((name) => this.countryNames.has(name));
  }

  /**
   * Whether a record that {@link isHeader} did not take is another line of a pasted export: a
   * `sep=` line naming any delimiter (a spreadsheet directive, never data; padded with delimiters
   * or not), or a header split by another delimiter (cheap for data records: a test of the
   * first field's fourth character, and only a record whose field count differs from the header's
   * is looked at again).
   *
   * @param fields - the record's fields.
   * @param line - its line, for the reason.
   * @returns what the record is, or undefined for a data record.
   */
  pastedLineOf(fields: readonly string[], line: number): PastedLine | undefined {
    const first = fields[0] ?? '';
    const maybeSep = first.charCodeAt(3) === 0x3d || first.charCodeAt(0) === 0xfeff;
    return maybeSep || fields.length !== this.header.length ? this.pastedLineRead(fields, line, maybeSep) : undefined;
  }

  /** {@link pastedLineOf} for a record that may be one (a `sep=` start, or another field count than the header's). */
  private pastedLineRead(fields: readonly string[], line: number, maybeSep: boolean): PastedLine | undefined {
    const raw = fields.join(this.delimiter);
    // A spreadsheet pads a line it showed as a cell: `sep=,,,` in a comma file, `"sep=;",,,` in one.
    const named = fields.slice(0, Math.max(1, namedLength(fields))).join(this.delimiter);
    if (maybeSep && (sepLineDelimiter(raw) ?? sepLineDelimiter(named)) !== undefined) return { kind: 'sep-line' };
    if (fields.length === this.header.length) return undefined;
    for (const other of DETECTED_DELIMITERS) {
      if (other === this.delimiter) continue;
      const cells = raw.split(other);
      if (cells.length > 1 && this.isHeader(cells))
        return this.differentDelimiter(`the header repeated at line ${line} is ${splitBy(other)}`, cells);
    }
    return undefined;
  }

  /** The rejection of a pasted export whose delimiter is another one. */
  private differentDelimiter(what: string, headerCells: readonly string[]): PastedLine {
    const reason = `sections with different delimiters: ${what}, the first header is ${splitBy(this.delimiter)}; split the file into one file per export`;
    return { kind: 'different', reason, headerCells };
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
    const named = namedLength(this.folded);
    const sectionNamed = namedLength(folded);
    const unused = folded.slice(0, sectionNamed).map((name, at) => ({ name, at }));
    const order: number[] = [];
    const missing: string[] = [];
    for (const [i, name] of this.folded.slice(0, named).entries()) {
      const column = unused.find((candidate) => candidate.name === name);
      if (column === undefined) missing.push(this.header[i] ?? '');
      else {
        order.push(column.at);
        unused.splice(unused.indexOf(column), 1);
      }
    }
    if (missing.length > 0 || unused.length > 0) {
      const repeated = unused.filter(({ name }) => this.names.has(name)).map(({ at }) => fields[at] ?? '');
      const extra = unused.filter(({ name }) => !this.names.has(name)).map(({ at }) => fields[at] ?? '');
      return { kind: 'different', reason: differentColumns(line, { missing, repeated, extra }), headerCells: fields };
    }
    // Trailing unnamed columns (a delimiter ending every line) pair up in order, whichever has more.
    for (let i = named; i < this.folded.length; i++) {
      const at = sectionNamed + (i - named);
      order.push(at < fields.length ? at : -1);
    }
    const inFirstOrder = fields.length === this.folded.length && order.every((at, i) => at === i);
    return { kind: 'section', order: inFirstOrder ? undefined : { order, width: fields.length } };
  }
}

/** `split by commas`, `split by semicolons`, … */
function splitBy(delimiter: string): string {
  return `split by ${delimiterName(delimiter, 2)}`;
}

/**
 * The `section-columns-match` reason: the header at `line` lacks `missing` (the first header's
 * names, as written), names `repeated` (first-header names) a second time and has `extra` (named
 * only when medallion knows them, see `headerCellsText`), e.g. `… at line 7 lacks "Country" of the
 * first header's columns and has 1 unknown cell besides them; …` or `… at line 7 names "Country" twice; …`.
 */
function differentColumns(
  line: number,
  cells: {
    readonly missing: readonly string[];
    readonly repeated: readonly string[];
    readonly extra: readonly string[];
  },
): string {
  const { missing, repeated, extra } = cells;
  const quoted = (names: readonly string[]): string => names.map((name) => JSON.stringify(name)).join(', ');
  const lacks = missing.length > 0 ? `lacks ${quoted(missing)} of the first header's columns` : undefined;
  const twice = repeated.length > 0 ? `names ${quoted(repeated)} twice` : undefined;
  const has =
    extra.length > 0
      ? `has ${headerCellsText(extra)} besides ${lacks ? 'them' : "the first header's columns"}`
      : undefined;
  const what = [lacks, twice, has].filter((part) => part !== undefined).join(' and ');
  return `sections with different columns: the header repeated at line ${line} ${what}; split the file into one file per export`;
}
