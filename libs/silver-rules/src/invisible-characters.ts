/**
 * Code points that show as nothing (or as a plain space) where an ID is displayed, so that two IDs
 * that look the same differ: Unicode format characters (general category Cf: zero-width space and
 * joiners, BOM, bidirectional controls such as U+202E), private-use and unassigned code points,
 * line and paragraph separators, spaces other than U+0020 (no-break, ideographic, thin: trimmed at
 * either end, invisible inside), the braille blank U+2800, and every other default-ignorable code
 * point (Unicode's Default_Ignorable_Code_Point: variation selectors, U+034F, the Hangul fillers
 * U+115F, U+1160, U+3164, U+FFA0, tag characters).
 */
const INVISIBLE =
  /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2800]/u;

/**
 * The first invisible code point of a text (see {@link INVISIBLE}), written as `U+XXXX`.
 *
 * @param text - e.g. a trimmed Customer ID, `003\u200B`.
 * @returns e.g. `U+200B`; undefined when the text has none.
 */
export function firstInvisibleCodePoint(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  return found === undefined ? undefined : codePointName(found);
}

/** Control characters (general category Cc: C0, DEL, C1) but tab, line feed and carriage return: no text cell holds them, and they break the tools reading silver (NUL ends a C string, ESC drives terminals). */
const CONTROL = /[^\P{Cc}\t\n\r]/u;

/**
 * The first cell of a record that holds a control character (see {@link CONTROL}), with it.
 *
 * @param fields - the record's fields.
 * @returns the cell's 1-based column and the code point as `U+XXXX` (`{ column: 2, codePoint: 'U+0000' }`); undefined when no cell has one.
 */
export function firstControlCharacter(fields: readonly string[]): CellCharacter | undefined {
  return firstCellCharacter(fields, CONTROL);
}

/** A character found in a cell: the cell's 1-based column and the code point as `U+XXXX`. */
export interface CellCharacter {
  readonly column: number;
  readonly codePoint: string;
}

/** The first cell holding a character `pattern` matches, with that character. */
function firstCellCharacter(cells: readonly string[], pattern: RegExp): CellCharacter | undefined {
  for (const [at, cell] of cells.entries()) {
    const found = pattern.exec(cell)?.[0];
    if (found !== undefined) return { column: at + 1, codePoint: codePointName(found) };
  }
  return undefined;
}

/** `U+XXXX` for the first code point of a text of one character or more. */
function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Control characters (Cc) and format characters (Cf: the BOM U+FEFF, zero-width ones, bidi controls): what no header cell holds. */
const HEADER_UNPRINTABLE = /[\p{Cc}\p{Cf}]/u;

/**
 * The first header cell that holds a control character (tab and line breaks included) or a format
 * character (a BOM, a zero-width space, a bidi control).
 *
 * @param cells - the header's cells, as read (a BOM leading the file already dropped).
 * @returns the cell's 1-based column and the code point (`{ column: 2, codePoint: 'U+FEFF' }`); undefined when none has one.
 */
export function firstUnprintableHeaderCharacter(cells: readonly string[]): CellCharacter | undefined {
  return firstCellCharacter(cells, HEADER_UNPRINTABLE);
}
