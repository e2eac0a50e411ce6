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
/** Lowercase and modifier letters but Greek ones, which science writes after capitals (`TGFβ`, `TNFα`). */
const LOWERCASE_OR_MODIFIER_LETTER = /^(?!\p{Script=Greek})[\p{Ll}\p{Lm}]$/u;
/** Modifier letters written as apostrophes (ʹ ʺ ʻ ʼ ʽ ʾ ʿ): Hawaiian ʻokina, Uzbek oʻ, Arabic transliteration. */
const APOSTROPHE_LETTERS = /^[\u02b9-\u02bf]$/u;
/** Latin letters no living orthography writes: U+0240–U+024F, and IPA Extensions but for the African reference alphabet's and common IPA's. */
const RARE_LATIN = /^[\u0240-\u024f\u0250-\u02af]$/u;
const ORTHOGRAPHY_IPA = new Set([...'ɐɑɒɓɔɖɗəɛɡɣɦɨɩɪɲɵʃʉʊʋʌʒʔ']);
/** The combining marks decomposed (NFD) text of living orthographies uses (grave … caron, horn, dot and comma below, cedilla, ogonek, macron below). */
const COMMON_MARKS = /^[\u0300-\u030c\u031b\u0323\u0326-\u0328\u0331]$/u;
/** Windows-1252 characters of 0x80–0xBF that text puts right after a word: apostrophes, closing quotes, dashes, ellipsis, no-break space, marks, degree, ordinals, superscripts. */
const AFTER_A_WORD = new Set([...'’´”»›…–—\u00a0°™®©²³¹·ªº']);
/** Of those, the ones a letter does not follow directly. */
const CLOSING = new Set([...'”»›…']);
/** Windows-1252's characters for 0x80–0xBF (undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D). */
const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿';
const UNDEFINED_SECOND = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** Windows-1252's `’`, the apostrophe of `JOSÉ’S`. */
const RIGHT_SINGLE_QUOTE = 0x92;
/** Windows-1252's `‘` and `´`, typed for an apostrophe now and then (`ANDRÉ‘S`, `ANDRÄ´S`). */
const OTHER_APOSTROPHES = new Set([0x91, 0xb4]);

/**
 * Whether the Windows-1252 reading of a lone pair is an accented capital (or `ß`) ending a word and
 * an apostrophe with `s` after it: an English possessive (`JOSÉ’S`, `ANDRÄ’S`, and `ANDRÉ‘S`,
 * `ANDRÄ´S` in capitals), far more common than what the UTF-8 reading would be there (Latvian `Ē`
 * before `S` in a word of capitals, `ANDRĒS`; Esperanto `Ĵ`).
 */
function isPossessive(second: number, { before, after }: PairContext): boolean {
  if (!test(ASCII_LETTER, before[1])) return false;
  if (second === RIGHT_SINGLE_QUOTE) return test(/^[Ss]$/, after);
  return OTHER_APOSTROPHES.has(second) && test(ASCII_UPPER, before[1]) && after === 0x53;
}

function test(pattern: RegExp, byte: number): boolean {
  return byte >= 0 && byte < 0x80 && pattern.test(String.fromCharCode(byte));
}

/** The bytes around a lone 2-byte sequence: the two before it (nearest last) and the one after (-1: none). */
export interface PairContext {
  readonly before: readonly [number, number];
  readonly after: number;
}

/**
 * Whether the UTF-8 reading of a lone 2-byte sequence is text a person writes there. It is not
 * when it is a C1 control (U+0080–U+009F); a lowercase or modifier letter (apostrophe-like and
 * Greek ones aside: `TGFβ`) ending or inside a word in capitals (`JOSɒS`, `PEђA`); a titlecase letter inside a word; a Latin letter
 * no orthography writes (U+0240–U+024F, IPA but the African reference alphabet's); a modifier
 * symbol beside a letter; or a combining mark after no letter, or one decomposed text does not use.
 */
function isPlausibleUtf8(codePoint: number, { before, after }: PairContext): boolean {
  if (codePoint < 0xa0) return false;
  const character = String.fromCodePoint(codePoint);
  const [twoBefore, oneBefore] = before;
  const besideLetter = test(ASCII_LETTER, oneBefore) || test(ASCII_LETTER, after);
  if (LOWERCASE_OR_MODIFIER_LETTER.test(character) && !APOSTROPHE_LETTERS.test(character)) {
    const afterCapital = test(ASCII_UPPER, oneBefore);
    if (afterCapital && (test(ASCII_UPPER, twoBefore) || test(ASCII_UPPER, after))) return false;
  }
  if (/^\p{Lt}$/u.test(character) && test(ASCII_LETTER, oneBefore)) return false;
  if (RARE_LATIN.test(character) && !ORTHOGRAPHY_IPA.has(character)) return false;
  if (/^\p{Sk}$/u.test(character) && besideLetter) return false;
  if (/^\p{Mn}$/u.test(character)) return test(ASCII_LETTER, oneBefore) && COMMON_MARKS.test(character);
  return true;
}

/**
 * Whether the Windows-1252 reading of a lone 2-byte sequence (an accented capital, `Â`, `Þ` or
 * `ß`, then a character of 0x80–0xBF) is text a person writes there: the letter ends a word (an
 * ASCII letter before it) and the character is one text puts after a word (`’ ” » … – —`, a
 * no-break space, `° ™ ® © ² ³ ª º`), not a closing quote or ellipsis run into a letter.
 */
function isPlausibleWindows1252(second: number, { before, after }: PairContext): boolean {
  const character = WINDOWS_1252_HIGH[second - 0x80] ?? '';
  if (!test(ASCII_LETTER, before[1]) || !AFTER_A_WORD.has(character)) return false;
  return !(CLOSING.has(character) && test(ASCII_LETTER, after));
}

/** What a lone 2-byte sequence says of the file's encoding. */
export type PairEvidence = 'utf-8' | 'windows-1252' | 'none';

/**
 * What a lone 2-byte UTF-8 sequence (not led by 0xC3, not beside another 2-byte sequence) says of
 * the encoding: evidence of UTF-8 when its UTF-8 reading is text a person writes there and its
 * Windows-1252 reading is not (`ł` in `Michał`, which Windows-1252 would read `Å‚`; a combining
 * diaeresis after a letter, `Ìˆ`), or when its second byte is one Windows-1252 leaves undefined;
 * evidence of Windows-1252 the other way round (`JOSÉ’S`, which UTF-8 would read `JOSɒS`;
 * `GROß°`, NKo in a Latin word; `CAFÉ…`, a letter no orthography writes), and for a possessive
 * whatever the UTF-8 reading (`ANDRÄ’S`, see `isPossessive`); neither when both readings, or
 * neither, are plausible (`Ä–` is `Ė`; `ΔELTA` is `Î”ELTA`; `ZONE É°` would be an IPA letter, or
 * `É°` after a space: a UTF-8 file of rare letters is not read as Windows-1252 on that alone).
 *
 * @param lead - the sequence's first byte, 0xC2 or 0xC4–0xDF.
 * @param second - its continuation byte, 0x80–0xBF.
 * @param context - the bytes around it.
 * @returns `utf-8`, `windows-1252` or `none`.
 */
export function lonePairEvidence(lead: number, second: number, context: PairContext): PairEvidence {
  if (UNDEFINED_SECOND.has(second)) return 'utf-8';
  if (isPossessive(second, context)) return 'windows-1252';
  const utf8 = isPlausibleUtf8(((lead & 0x1f) << 6) | (second & 0x3f), context);
  const windows1252 = isPlausibleWindows1252(second, context);
  if (utf8 === windows1252) return 'none';
  return utf8 ? 'utf-8' : 'windows-1252';
}

/** Where the first evidence of each encoding stands in a scanned window (offsets in it, -1: none). */
export interface EncodingEvidence {
  /** The first evidence of UTF-8 (see {@link scanEncodingEvidence}). */
  readonly utf8At: number;
  /** The first lone 2-byte sequence that is evidence of Windows-1252 ({@link lonePairEvidence}). */
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
 * a byte 0x80–0xBF in Windows-1252, and is judged by {@link lonePairEvidence}, which may find it
 * evidence of UTF-8 too.
 *
 * @param bytes - the window: context bytes, then the bytes to judge.
 * @param options - `from`: the offset of the first byte to judge (the bytes before it are context
 *   only; default 0); `stopAtUtf8`: stop at the first evidence of UTF-8, which decides the file
 *   (default true); `startsFile`, `endsFile`: whether the window starts or ends the file (default
 *   true). A lone pair whose two bytes before or byte after lie outside a window that does not
 *   start or end the file is not judged: its context is not known (a later window holds it).
 * @returns the offsets (in `bytes`) of the first evidence of each kind at or after `from`.
 */
export function scanEncodingEvidence(
  bytes: Uint8Array,
  options: { from?: number; stopAtUtf8?: boolean; startsFile?: boolean; endsFile?: boolean } = {},
): EncodingEvidence {
  const { from = 0, stopAtUtf8 = true, startsFile = true, endsFile = true } = options;
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
      } else if ((startsFile || i >= 2) && (endsFile || i + 2 < bytes.length)) {
        const context: PairContext = { before: [bytes[i - 2] ?? -1, bytes[i - 1] ?? -1], after: bytes[i + 2] ?? -1 };
        const evidence = lonePairEvidence(lead, second, context);
        if (evidence === 'utf-8') {
          if (utf8At < 0) utf8At = i;
          if (stopAtUtf8) break;
        } else if (evidence === 'windows-1252' && windows1252At < 0) windows1252At = i;
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
