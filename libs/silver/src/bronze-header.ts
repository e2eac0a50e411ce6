import {
  decideDelimiter,
  delimiterName,
  readCsvBatch,
  sepLineDelimiter,
  startsAsSepLine,
  type CsvBatch,
  type CsvRecord,
} from '@medallion/csv-io';
import { FileRejectedError } from '@medallion/schemas';
import { SILVER_RULES, type ExpectationSuite } from '@medallion/silver-rules';
import { isKnownColumnName } from './header-cells-text';
import { SilverTransform } from './silver-transform';

/** A bronze file's header and the field delimiter its records are read with. */
export interface BronzeHeader {
  /** The header record (its fields split by `delimiter`). */
  readonly header: CsvRecord;
  /** `,` `;` a tab, or what a `sep=` first line names. */
  readonly delimiter: string;
}

/** Leading byte order marks, and the record's line break at the end. */
const BOMS_AND_LINE_BREAK = /^\uFEFF+|(?:\r\n|\n|\r)$/g;

/** A batch's text without leading BOMs or its final line break (the first batches are one record each). */
function recordText(batch: CsvBatch): string {
  return Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength)
    .toString('utf8')
    .replace(BOMS_AND_LINE_BREAK, '');
}

/** The `header-present` rejection: `what` holds no header. */
function noHeader(what: string): FileRejectedError {
  return new FileRejectedError(`no header: ${what}`, { rule: SILVER_RULES.headerPresent.name });
}

/**
 * Reads the header from the first batches (each one record, see `splitCsvBatches`) and decides the
 * field delimiter: the one a `sep=` first line names (the header is then the next record), or else
 * the most frequent of `,` `;` tab in the header outside quotes (`decideDelimiter`).
 *
 * @param batches - the object's batches; the header's (and a `sep=` line's) are consumed.
 * @param maxChars - the record size limit, in characters.
 * @returns the header record and the delimiter.
 * @throws FileRejectedError `header-present` when the object holds no records (or only a `sep=`
 *   line); `delimiter-known` when the header's delimiters tie (the reason says what was seen) or
 *   the first line starts with `sep=` but names no one delimiter (`sep=`, `sep=;;`);
 *   CsvSyntaxError from parsing the header.
 */
export async function readBronzeHeader(batches: AsyncGenerator<CsvBatch>, maxChars: number): Promise<BronzeHeader> {
  const first = await batches.next();
  if (first.done) throw noHeader('the object holds no records');
  const sep = sepLineDelimiter(recordText(first.value));
  let batch = first.value;
  let delimiter = sep;
  if (sep !== undefined) {
    const next = await batches.next();
    if (next.done) throw noHeader(`the object holds only a sep=${sep} line`);
    batch = next.value;
  } else if (startsAsSepLine(recordText(batch))) {
    throw new FileRejectedError(
      'the first line starts with sep= but names no one delimiter; write sep=, or sep=; (or sep= and a tab), or remove the line',
      { rule: SILVER_RULES.delimiterKnown.name },
    );
  } else {
    const decision = decideDelimiter(recordText(batch));
    if (decision.delimiter === undefined)
      throw new FileRejectedError(
        `the field delimiter cannot be decided: ${decision.seen}; give the file a first line sep=, or sep=; (or sep= and a tab) to say which`,
        { rule: SILVER_RULES.delimiterKnown.name },
      );
    delimiter = decision.delimiter;
  }
  const options = { firstLine: batch.firstLine, maxRecordChars: maxChars, delimiter };
  const header = readCsvBatch(batch.bytes, options)[0];
  if (!header) throw noHeader('the object holds no records');
  return { header, delimiter: delimiter ?? ',' };
}

/** Most header columns a reason lists. */
const LISTED_COLUMNS = 20;

/**
 * What a rejection says of a header's columns: their names (at most {@link LISTED_COLUMNS}) when
 * one of them is a column name medallion knows, so that the line is a header; otherwise only their
 * number, since a file without a header line has a record there, and row contents stay out of
 * reasons (which go to logs). The rejection record lists every cell either way.
 */
function headerColumnsText(fields: readonly string[], delimiter: string): string {
  const counted = `the header has ${fields.length} column${fields.length === 1 ? '' : 's'} split by ${delimiterName(delimiter)}`;
  if (!fields.some(isKnownColumnName))
    return `${counted}, none of them a column name medallion knows (is the header line missing?); the rejection record lists its cells`;
  const listed = fields.slice(0, LISTED_COLUMNS).map((name) => JSON.stringify(name));
  const more = fields.length > LISTED_COLUMNS ? `, … (${fields.length} in all)` : '';
  return `${counted}: ${listed.join(', ')}${more}`;
}

/**
 * The silver transform of a header (see `SilverTransform`); a header without a required column is
 * rejected with the columns that were found and the delimiter they were split by.
 *
 * @param fields - the bronze header's cells.
 * @param expectations - the data-quality rules.
 * @param delimiter - the file's field delimiter.
 * @returns the transform.
 * @throws FileRejectedError as `SilverTransform` does. On `column-names-unique`,
 *   `customer-id-column-present` and `country-column-present` it carries the header's cells
 *   (`headerCells`) for the rejection record; the first quotes the duplicated name only when the
 *   line holds a column name medallion knows, the other two end with the columns found (at most
 *   20 named, and only when one is a column name medallion knows: see `headerColumnsText`).
 */
export function silverTransformOf(
  fields: readonly string[],
  expectations: ExpectationSuite,
  delimiter: string,
): SilverTransform {
  try {
    return new SilverTransform(fields, expectations, delimiter);
  } catch (error) {
    if (!(error instanceof FileRejectedError) || error.rule === undefined) throw error;
    const { rule } = error;
    if (rule === SILVER_RULES.columnNamesUnique.name) {
      // The duplicated name is quoted only where the line is a header (it holds a known name).
      const reason = fields.some(isKnownColumnName)
        ? error.message
        : `a duplicated column in the header; ${headerColumnsText(fields, delimiter)}`;
      throw new FileRejectedError(reason, { rule, headerCells: fields });
    }
    const columnRules: readonly string[] = [
      SILVER_RULES.customerIdColumnPresent.name,
      SILVER_RULES.countryColumnPresent.name,
    ];
    if (!columnRules.includes(rule)) throw error;
    throw new FileRejectedError(`${error.message}; ${headerColumnsText(fields, delimiter)}`, {
      rule,
      headerCells: fields,
    });
  }
}
