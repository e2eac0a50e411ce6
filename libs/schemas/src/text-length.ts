/**
 * The length of a text in characters (Unicode code points), as medallion's limits count them
 * (`MEDALLION_MAX_RECORD_CHARS`, a Customer ID's 32): an emoji or any other character beyond U+FFFF
 * is one, not the two UTF-16 units of `String.length`. One pass, no copy, so a record of many
 * megabytes costs no memory.
 *
 * @param text - any text (a lone surrogate counts as one character).
 * @returns its code points.
 */
export function codePointLength(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs += 1;
        i += 1;
      }
    }
  }
  return text.length - pairs;
}
