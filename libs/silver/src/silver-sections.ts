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
 * to the first header's column order. A record is a header when one of its fields is a Customer ID
 * column name (the first header's or a known one, compared trimmed, ignoring case, spaces, `_`,
 * `-` and `.`: `CustomerID`, `customer_id`) and another is a column name of the first header's or a
 * known one (`Country` for `Customer Country`, `Subscription Status`), compared as headers are
 * (trimmed, ignoring case, see `normalizeHeaderName`): a second export that spells a column another
 * way is a section with different columns, never a customer, and so is another schema's export
 * (`Index,Customer Id,…` pasted after `Customer ID,Customer Name,…`) or one without a country
 * column, whatever its width.
 */
export class SectionHeaders {
  private readonly folded: readonly string[];
  private readonly names: ReadonlySet<string>;
  /** The names a Customer ID column may have in a repeated header (folded). */
  private readonly idNames: ReadonlySet<string>;
  /** {@link idNames} without spaces, `_`, `-` and `.`, as {@link compactName} folds (`customerid`): how a repeated header is found. */
  private readonly compactIdNames: ReadonlySet<string>;
  /** The shortest of {@link compactIdNames} (a field's length is at least this): a cheap first test. */
  private readonly shortestIdName: number;
  /** 1 at each UTF-16 unit a Customer ID name may start with: the first characters of {@link idNames}, either case, and what trimming removes (a second cheap test, one array read). */
  private readonly idFirstCharacters: Uint8Array;
  /** Every column name a repeated header may hold besides its Customer ID one: the first header's and the known ones (folded). */
  private readonly otherNames: ReadonlySet<string>;

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
    this.compactIdNames = new Set([...this.idNames].map(compactName));
    this.shortestIdName = Math.min(...[...this.compactIdNames].map((name) => name.length));
    this.idFirstCharacters = new Uint8Array(trimmedAwayTable());
    for (const name of this.idNames)
      for (const code of [name.charCodeAt(0), name.toUpperCase().charCodeAt(0)]) this.idFirstCharacters[code] = 1;
    this.otherNames = new Set([...this.names, ...Object.values(COLUMN_ALIASES).flat()]);
  }

  /**
   * Whether a record is a repeated header (cheap for data records: each field's length and first
   * character, and only a field that may be a Customer ID name is folded).
   *
   * @param fields - the record's fields.
   */
  private isHeader(fields: readonly string[]): boolean {
    for (const [at, field] of fields.entries()) {
      const first = field.charCodeAt(0);
      if (field.length < this.shortestIdName || this.idFirstCharacters[first] !== 1) continue;
      if (this.compactIdNames.has(compactName(normalizeHeaderName(field)))) return this.namesAnotherColumn(fields, at);
    }
    return false;
  }

  /** Whether a field other than the one at `idAt` is a column name a repeated header may hold (see {@link otherNames}). */
  private namesAnotherColumn(fields: readonly string[], idAt: number): boolean {
    return fields.some((field, at) => at !== idAt && this.otherNames.has(normalizeHeaderName(field)));
  }

  /**
   * What a record is besides data, if anything: a repeated header (its section, see
   * {@link sectionOf}); else a `sep=` line naming any delimiter (a spreadsheet directive, never data;
   * padded with delimiters or not), or a header split by another delimiter (cheap for data records:
   * {@link isHeader}'s tests, then a test of the first field's fourth character, and only a record
   * whose field count differs from the header's, or whose last field is empty, is looked at again).
   *
   * @param fields - the record's fields.
   * @param line - its line, for the reason.
   * @returns what the record is, or undefined for a data record.
   */
  pastedLineOf(fields: readonly string[], line: number): SectionHeader | PastedLine | undefined {
    if (this.isHeader(fields)) return this.sectionOf(fields, line);
    const first = fields[0] ?? '';
    const maybeSep = first.charCodeAt(3) === 0x3d || first.charCodeAt(0) === 0xfeff;
    const maybeOneCell = fields.length !== this.header.length || fields.at(-1) === '';
    return maybeSep || maybeOneCell ? this.pastedLineRead(fields, line, maybeSep) : undefined;
  }

  /** {@link pastedLineOf} for a record that may be one (a `sep=` start, or another field count than the header's). */
  private pastedLineRead(fields: readonly string[], line: number, maybeSep: boolean): PastedLine | undefined {
    const raw = fields.join(this.delimiter);
    if (maybeSep && isSepLine(raw, fields, this.delimiter)) return { kind: 'sep-line' };
    // A header split by another delimiter is one cell, padded to the width by a spreadsheet or not.
    if (fields.length === this.header.length && namedLength(fields) !== 1) return undefined;
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
  private sectionOf(fields: readonly string[], line: number): SectionHeader {
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

/**
 * Whether a record is a `sep=` line, as read (`raw`: its fields joined by the file's delimiter), or
 * padded by a spreadsheet that showed it as a cell: `sep=,,,` in a comma file, `"sep=;",,,` in one.
 */
function isSepLine(raw: string, fields: readonly string[], delimiter: string): boolean {
  const named =
    sepLineDelimiter(raw) ?? sepLineDelimiter(fields.slice(0, Math.max(1, namedLength(fields))).join(delimiter));
  // After the header, a letter or digit is taken for a customer's `sep=1`, not a delimiter.
  return named !== undefined && !/[\p{L}\p{N}]/u.test(named);
}

/** A folded header name without spaces, `_`, `-` and `.`: `customer id`, `customer_id` and `customerid` are one. */
function compactName(folded: string): string {
  return folded.replace(/[\s_.-]+/g, '');
}

let trimmedAway: Uint8Array | undefined;

/** 1 at each UTF-16 unit `trim()` removes (see {@link isTrimmedAway}), built once per thread on first need. */
function trimmedAwayTable(): Uint8Array {
  if (trimmedAway) return trimmedAway;
  trimmedAway = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (isTrimmedAway(code)) trimmedAway[code] = 1;
  return trimmedAway;
}

/** Whether a character is one `trim()` removes (ECMAScript's white space and line terminators, BOM included): a field may start with it and still fold to a name. */
function isTrimmedAway(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
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
