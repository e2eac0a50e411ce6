import { countLineBreaks } from './line-breaks';

/** One record the scan found: its fields, its raw text without its line break, and the line breaks it spans. */
export interface ScannedRecord {
  readonly record: string[];
  /** The record's text exactly as in the batch, without its trailing line break. */
  readonly raw: string;
  /** Line breaks from the record's start to the next record's: its own (0 for the batch's last record without one) and those inside quoted fields. */
  readonly breaks: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The fast path beside csv-parse for one batch of whole records: a scan of the decoded text that
 * reads what csv-parse reads with medallion's options (see `parseOptions` in read-csv-records: one
 * delimiter character, `"` quotes with `""` inside, `\r\n`, `\n` and a lone `\r` ending records,
 * empty lines as one empty field, ragged records, one BOM dropped at the file's start), and gives
 * up on anything else. A line without a quote is split by the native `String.split`; a record with
 * quotes is read character by character. It gives up (returns undefined, and the caller asks
 * csv-parse, which then reports the error) on a quote inside an unquoted field, a closing quote
 * followed by anything but the delimiter or a line break, and an unclosed quote: only well-formed
 * CSV is read here. The property test in read-csv-records.test.ts holds it to csv-parse's records,
 * raw texts and lines, on random batches.
 *
 * @param text - the batch's text (decoded UTF-8: whole records).
 * @param delimiter - the field delimiter, one character other than `"`, `\r` and `\n`.
 * @param startsFile - whether the batch starts the file (a BOM there is dropped, as csv-parse's `bom` does).
 * @returns the records in order, or undefined when the batch holds what only csv-parse should judge.
 */
export function scanCsvBatch(text: string, delimiter: string, startsFile: boolean): ScannedRecord[] | undefined {
  const records: ScannedRecord[] = [];
  const length = text.length;
  let at = startsFile && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The next quote, line feed and carriage return at or after `at` (length: none), found again only once passed.
  let nextQuote = -1;
  let nextLf = -1;
  let nextCr = -1;
  while (at < length) {
    if (nextQuote < at) nextQuote = indexOrEnd(text, '"', at);
    if (nextLf < at) nextLf = indexOrEnd(text, '\n', at);
    if (nextCr < at) nextCr = indexOrEnd(text, '\r', at);
    const end = Math.min(nextLf, nextCr);
    if (nextQuote < end) {
      const quoted = scanQuotedRecord(text, at, delimiter);
      if (quoted === undefined) return undefined;
      records.push(quoted.record);
      at = quoted.next;
      continue;
    }
    const raw = text.slice(at, end);
    const breakLength = end === length ? 0 : end === nextCr && text.charCodeAt(end + 1) === LF ? 2 : 1;
    records.push({ record: raw.split(delimiter), raw, breaks: breakLength === 0 ? 0 : 1 });
    at = end + breakLength;
  }
  return records;
}

/** `text.indexOf(search, from)`, or the text's length when there is none. */
function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

/** One record holding a quote, read character by character from `start`; undefined where only csv-parse should judge. */
function scanQuotedRecord(
  text: string,
  start: number,
  delimiter: string,
): { record: ScannedRecord; next: number } | undefined {
  const length = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let at = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(at) === QUOTE) {
      const quoted = readQuotedField(text, at + 1);
      if (quoted === undefined) return undefined;
      value = quoted.value;
      at = quoted.next;
    } else {
      let end = at;
      for (; end < length; end++) {
        const code = text.charCodeAt(end);
        if (code === delimiterCode || code === LF || code === CR) break;
        if (code === QUOTE) return undefined;
      }
      value = text.slice(at, end);
      at = end;
    }
    fields.push(value);
    const code = text.charCodeAt(at);
    if (code === delimiterCode) {
      at++;
      continue;
    }
    if (at < length && code !== LF && code !== CR) return undefined;
    const raw = text.slice(start, at);
    const breakLength = at === length ? 0 : code === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
    const breaks = countLineBreaks(raw) + (breakLength === 0 ? 0 : 1);
    return { record: { record: fields, raw, breaks }, next: at + breakLength };
  }
}

/** A quoted field's value from just after its opening quote to just after its closing one; undefined when it is not closed. */
function readQuotedField(text: string, from: number): { value: string; next: number } | undefined {
  let value = '';
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return undefined;
    value += text.slice(at, quote);
    if (text.charCodeAt(quote + 1) !== QUOTE) return { value, next: quote + 1 };
    value += '"';
    at = quote + 2;
  }
}
