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
  const codePoint = found?.codePointAt(0);
  return codePoint === undefined ? undefined : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
