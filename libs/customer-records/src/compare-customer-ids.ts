/**
 * The order of a UTF-8 lead byte in UTF-16 code-unit order: code points up to U+D7FF (leads up to
 * 0xED) come first, then the supplementary planes (4-byte leads 0xF0–0xF4, surrogate pairs in
 * UTF-16), then U+E000–U+FFFF (leads 0xEE, 0xEF). Continuation bytes keep their value.
 */
function utf16Rank(byte: number): number {
  if (byte < 0xee) return byte;
  return byte >= 0xf0 ? byte - 2 : byte + 5;
}

/**
 * Compares two Customer IDs given as UTF-8 bytes in the order JavaScript sorts strings (UTF-16
 * code units: `Array.prototype.sort()` without a comparator), which is the order gold lists IDs in.
 * Byte order is code-point order, which differs from it only between U+E000–U+FFFF and the
 * supplementary planes; the first differing byte is ranked accordingly.
 *
 * @param a - bytes holding the first ID at `[aStart, aEnd)`.
 * @param b - bytes holding the second ID at `[bStart, bEnd)`.
 * @returns negative when the first ID sorts first, positive when the second does, 0 when equal.
 */
export function compareCustomerIds(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): number {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const shared = aLength < bLength ? aLength : bLength;
  for (let i = 0; i < shared; i++) {
    const x = a[aStart + i]!;
    const y = b[bStart + i]!;
    if (x !== y) return utf16Rank(x) - utf16Rank(y);
  }
  return aLength - bLength;
}
