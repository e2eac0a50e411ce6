/**
 * The byte patterns the encoding rule weighs (see `createTextDecoder` and the README's "Input
 * hardening"): which UTF-8 sequences are evidence of UTF-8, and which 2-byte sequences are
 * Windows-1252 text that happens to be valid UTF-8.
 */

/**
 * Length (bytes) of the well-formed UTF-8 multi-byte sequence starting at `at` (Unicode's table
 * of well-formed byte sequences: no overlong forms, no surrogates, nothing past U+10FFFF), or 0
 * when the byte there starts none (ASCII, a stray continuation byte, a bad or cut-off sequence).
 */
export function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0xc2 || lead > 0xf4) return 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (at + length > bytes.length) return 0;
  const second = bytes[at + 1] ?? 0;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if (((bytes[at + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * Offset of the first byte of `bytes` that is not part of well-formed UTF-8, or -1 when all are.
 * (A JavaScript scan: only for the error path, after `isUtf8` said no.)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length - 1;
  }
  return -1;
}

const ASCII_UPPER = /^[A-Z]$/;
const ASCII_LETTER = /^[A-Za-z]$/;
const NOT_LATIN_SCRIPT = /^[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]$/u;
const LOWERCASE_OR_MODIFIER_LETTER = /^[\p{Ll}\p{Lm}]$/u;

function isAsciiUpper(byte: number): boolean {
  return byte >= 0 && ASCII_UPPER.test(String.fromCharCode(byte));
}

function isAsciiLetter(byte: number): boolean {
  return byte >= 0 && ASCII_LETTER.test(String.fromCharCode(byte));
}

/**
 * Whether a lone 2-byte UTF-8 sequence (not led by 0xC3, not beside another 2-byte sequence) is
 * Windows-1252 text by chance: its UTF-8 reading is no text a person writes there, while its
 * Windows-1252 reading is an accented capital or `ß` followed by a symbol (`É’`, `ß°`, `Ü«`, `Ç`
 * and a no-break space). It is when the UTF-8 reading is
 * - a C1 control character (U+0080–U+009F; in Windows-1252 `Â` and a symbol, `Â’`);
 * - a letter of another script than Latin beside an ASCII letter (`JOSÜ’S` → Syriac, `GROß°` →
 *   NKo, `MÑ’S` → Cyrillic): words do not mix scripts;
 * - a lowercase or modifier letter after an uppercase ASCII letter with another uppercase ASCII
 *   letter before it or after it (`JOSÉ’S` → `JOSɒS`, `CAFÉ«` → `CAFɫ`): the pair ends a word
 *   in capitals, which UTF-8 text would write in capitals too;
 * - a modifier symbol (U+02C2–U+02FF) beside an ASCII letter, or a combining mark after an ASCII
 *   character that is not a letter (a mark combines with a letter).
 * What it cannot tell: pairs whose UTF-8 reading is a plausible letter in place, e.g. `Ä’` → `Ē`,
 * `Å’` → `Œ`, `È’` → `Ȓ` in a word of capitals, `Ì’` → a combining mark after a letter.
 *
 * @param lead - the sequence's first byte, 0xC2 or 0xC4–0xDF.
 * @param second - its continuation byte, 0x80–0xBF.
 * @param before - the two bytes before it, nearest last (-1 where the file starts).
 * @param after - the byte after it (-1 where the file ends).
 * @returns true when the pair is evidence of Windows-1252.
 */
export function isWindows1252ByChance(
  lead: number,
  second: number,
  before: readonly [number, number],
  after: number,
): boolean {
  const codePoint = ((lead & 0x1f) << 6) | (second & 0x3f);
  if (codePoint < 0xa0) return true;
  const character = String.fromCodePoint(codePoint);
  const [twoBefore, oneBefore] = before;
  const besideLetter = isAsciiLetter(oneBefore) || isAsciiLetter(after);
  if (NOT_LATIN_SCRIPT.test(character) && besideLetter) return true;
  const inCapitals = isAsciiUpper(oneBefore) && (isAsciiUpper(twoBefore) || isAsciiUpper(after));
  if (LOWERCASE_OR_MODIFIER_LETTER.test(character) && inCapitals) return true;
  if (/^\p{Sk}$/u.test(character) && besideLetter) return true;
  return /^\p{Mn}$/u.test(character) && oneBefore < 0x80 && !isAsciiLetter(oneBefore);
}

/** Where the first evidence of each encoding stands in a scanned window (offsets in it, -1: none). */
export interface EncodingEvidence {
  /** The first evidence of UTF-8 (see {@link scanEncodingEvidence}). */
  readonly utf8At: number;
  /** The first 2-byte sequence that is Windows-1252 by chance ({@link isWindows1252ByChance}). */
  readonly windows1252At: number;
}

/**
 * Scans `bytes` for evidence of UTF-8 and for Windows-1252 text that is valid UTF-8 by chance.
 * Evidence of UTF-8 is a well-formed sequence of 3 or 4 bytes; of 2 bytes led by 0xC3, or by 0xC2
 * with a second byte 0xA0–0xBF (U+00A0–U+00FF: the accented letters of Western names, no-break
 * space, «, °; read as Windows-1252, a lowercase accented letter followed by two symbols, or `Â`/`Ã`
 * and a symbol: mojibake, not text); or of 2 bytes next to another 2-byte sequence (a word of
 * Greek, Cyrillic, Hebrew, Arabic…; in Windows-1252, accented capital, symbol, accented capital,
 * symbol). Any other 2-byte sequence is an accented capital (`Â`, `Ä`–`Ý`), `Þ` or `ß` followed by
 * a byte 0x80–0xBF in Windows-1252, and is judged by {@link isWindows1252ByChance}.
 *
 * @param bytes - the window: context bytes, then the bytes to judge.
 * @param from - the offset of the first byte to judge (the bytes before it are context only).
 * @param stopAtUtf8 - stop at the first evidence of UTF-8 (it decides the file).
 * @returns the offsets (in `bytes`) of the first evidence of each kind at or after `from`.
 */
export function scanEncodingEvidence(bytes: Uint8Array, from = 0, stopAtUtf8 = true): EncodingEvidence {
  let utf8At = -1;
  let windows1252At = -1;
  let previousPairEnd = -1;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0xc2) continue;
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) continue;
    if (i >= from) {
      const second = bytes[i + 1] ?? 0;
      const inRun = length === 2 && (previousPairEnd === i || utf8SequenceLength(bytes, i + 2) === 2);
      const latin1Letter = lead === 0xc3 || (lead === 0xc2 && second >= 0xa0);
      if (length > 2 || latin1Letter || inRun) {
        if (utf8At < 0) utf8At = i;
        if (stopAtUtf8) break;
      } else if (windows1252At < 0) {
        const before: [number, number] = [bytes[i - 2] ?? -1, bytes[i - 1] ?? -1];
        if (isWindows1252ByChance(lead, second, before, bytes[i + 2] ?? -1)) windows1252At = i;
      }
    }
    if (length === 2) previousPairEnd = i + 2;
    i += length - 1;
  }
  return { utf8At, windows1252At };
}

/**
 * Offset of the first evidence of UTF-8 in `bytes` (see {@link scanEncodingEvidence}), or -1.
 *
 * @param bytes - the bytes to scan.
 * @returns the offset, or -1 when there is none.
 */
export function firstUtf8Evidence(bytes: Uint8Array): number {
  return scanEncodingEvidence(bytes).utf8At;
}
