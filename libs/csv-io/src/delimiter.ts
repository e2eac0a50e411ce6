/** Field delimiters medallion detects in a header: comma, semicolon (European spreadsheet exports) and tab. */
export const DETECTED_DELIMITERS = [',', ';', '\t'] as const;

/** What deciding a file's delimiter gave: the delimiter, or why none could be chosen. */
export type DelimiterDecision =
  | { readonly delimiter: string }
  | {
      readonly delimiter: undefined;
      /** What was seen, e.g. `the header has 2 commas and 2 semicolons outside quotes`. */
      readonly seen: string;
    };

/**
 * A spreadsheet's `sep=X` first line (Excel writes and honours it): X is the delimiter. More X
 * after it (a spreadsheet that showed the line as a cell pads it to the row's width, `sep=;;;`)
 * and spaces or tabs after them (a hand-edited `sep=; `) are ignored; X itself may be a space or a
 * tab.
 */
const SEP_LINE = /^sep=([^"\r\n])\1*[ \t]*$/i;

/** Leading byte order marks (csv-parse drops one; a doubled one may be left). */
const LEADING_BOMS = /^\uFEFF+/;

/**
 * The delimiter a `sep=` first line names (`sep=;` → `;`, `sep=;;;`, `sep=\t`, `SEP=|`), or undefined when
 * the line is no such line.
 *
 * @param raw - the first record's raw text, without its line break (a BOM before it is ignored).
 * @returns the delimiter, one character other than a quote or a line break; or undefined.
 */
export function sepLineDelimiter(raw: string): string | undefined {
  return SEP_LINE.exec(raw.replace(LEADING_BOMS, ''))?.[1];
}

/**
 * Whether a line starts as a `sep=` line does (after any BOMs, in any case), whether or not it
 * names one delimiter ({@link sepLineDelimiter} says which): `sep=`, `sep=;,` do.
 *
 * @param raw - a record's raw text.
 * @returns true when it starts with `sep=`.
 */
export function startsAsSepLine(raw: string): boolean {
  return /^sep=/i.test(raw.replace(LEADING_BOMS, ''));
}

/** The names of the delimiters, for what was seen. */
const DELIMITER_NAMES: Readonly<Record<string, readonly [one: string, many: string]>> = {
  ',': ['comma', 'commas'],
  ';': ['semicolon', 'semicolons'],
  '\t': ['tab', 'tabs'],
};

/**
 * A delimiter's name for people: `comma`, `semicolon`, `tab` (`commas` … for a count other than 1),
 * any other one quoted (`"|"`).
 *
 * @param delimiter - the delimiter.
 * @param count - how many are meant. @default 1
 * @returns its name.
 */
export function delimiterName(delimiter: string, count = 1): string {
  const names = DELIMITER_NAMES[delimiter];
  return names === undefined ? JSON.stringify(delimiter) : names[count === 1 ? 0 : 1];
}

/** How often each of {@link DETECTED_DELIMITERS} occurs in `raw` outside double quotes. */
function countOutsideQuotes(raw: string): Map<string, number> {
  const counts = new Map<string, number>(DETECTED_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of raw) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}

/**
 * Decides a file's delimiter from its header line: the one of `,` `;` tab that occurs most often
 * outside double quotes. A header with none of them is one column, read with commas; a tie
 * between the most frequent is undecided (what was seen is said, for the rejection).
 *
 * @param headerRaw - the header record's raw text (as read with commas).
 * @returns the delimiter, or `delimiter: undefined` with what was seen.
 */
export function decideDelimiter(headerRaw: string): DelimiterDecision {
  const counts = [...countOutsideQuotes(headerRaw)].filter(([, count]) => count > 0);
  if (counts.length === 0) return { delimiter: ',' };
  const most = Math.max(...counts.map(([, count]) => count));
  const top = counts.filter(([, count]) => count === most);
  const [first] = top;
  if (first && top.length === 1) return { delimiter: first[0] };
  const seen = counts.map(([delimiter, count]) => `${count} ${delimiterName(delimiter, count)}`);
  return {
    delimiter: undefined,
    seen: `the header has ${seen.slice(0, -1).join(', ')} and ${seen.at(-1)} outside quotes`,
  };
}
