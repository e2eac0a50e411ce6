// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the windows-1252 package's types are not reachable through its exports; the reference makes ours visible to every project that compiles this file
/// <reference path="./windows-1252.d.ts" />
import { decode as decodeWindows1252 } from 'windows-1252';
import { isAscii, isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { firstInvalidUtf8, firstUtf8Evidence, scanEncodingEvidence } from './encoding-evidence';
import { ChanceUtf8Error, NotUtf8Error, UnsupportedEncodingError } from './errors';

/** Text encodings medallion reads: UTF-8 (the expectation), Windows-1252 (the usual spreadsheet export). */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** Bytes Windows-1252 does not define: a file holding them is not Windows-1252. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Length (bytes) of `data`'s longest prefix that does not end inside a UTF-8 sequence; the rest waits for the next chunk. */
function completeSequencesLength(data: Buffer): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 3); i--) {
    const byte = data.readUInt8(i);
    if (byte < 0x80) return data.length;
    if (byte >= 0xc0) {
      const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return i + sequenceLength > data.length ? i : data.length;
    }
  }
  // Only continuation bytes at the end: let validation judge them.
  return data.length;
}

/** Whether the bytes start with a UTF-16 byte order mark (either byte order). */
function startsWithUtf16Bom(data: Buffer): boolean {
  return data.byteLength >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
}

/**
 * Length (bytes) of `data`'s prefix that the UTF-8 validation passes on now: it does not end inside
 * a UTF-8 sequence, nor (so that each 2-byte sequence is judged with the byte after it) on a
 * 2-byte sequence. The rest waits for the next chunk.
 */
function passableLength(data: Buffer): number {
  const end = completeSequencesLength(data);
  const lead = data[end - 2] ?? 0;
  return end >= 2 && lead >= 0xc2 && lead <= 0xdf && ((data[end - 1] ?? 0) & 0xc0) === 0x80 ? end - 2 : end;
}

/**
 * Strict UTF-8 validation of a stream's chunks, weighing the encoding rule as it goes: each chunk
 * is checked up to its last whole character (see {@link passableLength}), the rest carried to the
 * next.
 */
class Utf8Validation {
  /** Bytes (0-based) checked and passed on so far. */
  private offset = 0;
  /** The start of a sequence cut by the previous chunk's end. */
  private carry: Buffer | undefined;
  /** The last two bytes passed on: the context of the next chunk's first bytes. */
  private before = Buffer.alloc(0);
  /** Evidence of UTF-8 (see `scanEncodingEvidence`) was passed on already. */
  private sawUtf8Evidence = false;
  /** Offset (bytes, in the file) of the first lone pair that is evidence of Windows-1252, or -1. */
  private windows1252At = -1;

  /**
   * Checks the next chunk (with what the last one carried), or at the end (`undefined`) what is carried.
   *
   * @returns the bytes checked, ending on a whole character (maybe none).
   * @throws UnsupportedEncodingError for a UTF-16 byte order mark at the start; NotUtf8Error for an
   *   invalid sequence; ChanceUtf8Error at the end of a file without evidence of UTF-8 but with a
   *   lone pair that is evidence of Windows-1252 (`lonePairEvidence`).
   */
  check(chunk: Buffer | undefined): Buffer {
    const { carry } = this;
    const data = carry ? (chunk ? Buffer.concat([carry, chunk]) : carry) : (chunk ?? Buffer.alloc(0));
    if (this.offset === 0 && startsWithUtf16Bom(data)) {
      throw new UnsupportedEncodingError(
        'UTF-16 text (it starts with a UTF-16 byte order mark); save the file as UTF-8',
      );
    }
    // A header starts with text: a NUL in its first two bytes is UTF-16 (or binary) without a mark.
    if (this.offset === 0 && data.length >= 2 && (data[0] === 0 || data[1] === 0)) {
      throw new UnsupportedEncodingError(
        'UTF-16 text without a byte order mark, or not text (a NUL byte in its first two); save the file as UTF-8',
      );
    }
    const end = chunk ? passableLength(data) : data.length;
    const complete = data.subarray(0, end);
    if (!isUtf8(complete)) throw this.fault(complete);
    // Native isAscii first: a chunk of ASCII, or any chunk once evidence was seen, costs no scan.
    if (!this.sawUtf8Evidence && !isAscii(complete)) this.weigh(complete);
    this.carry = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
    this.before = Buffer.from(Buffer.concat([this.before, complete]).subarray(-2));
    this.offset += end;
    if (!chunk && !this.sawUtf8Evidence && this.windows1252At >= 0) throw new ChanceUtf8Error(this.windows1252At);
    return complete;
  }

  /** Weighs the encoding evidence in `complete`, the bytes about to be passed on. */
  private weigh(complete: Buffer): void {
    const window = Buffer.concat([this.before, complete]);
    const { utf8At, windows1252At } = scanEncodingEvidence(window, { from: this.before.length });
    if (utf8At >= 0) this.sawUtf8Evidence = true;
    else if (this.windows1252At < 0 && windows1252At >= 0)
      this.windows1252At = this.offset - this.before.length + windows1252At;
  }

  /** The error for invalid bytes in `data`: at the first invalid byte, saying whether evidence of UTF-8 came before it. */
  private fault(data: Buffer): NotUtf8Error {
    const at = Math.max(0, firstInvalidUtf8(data));
    const evidenceBefore = this.sawUtf8Evidence || firstUtf8Evidence(data.subarray(0, at)) >= 0;
    return new NotUtf8Error(this.offset + at, evidenceBefore);
  }
}

/** Passes on what `check` gives for each chunk and, at the end, for `undefined`; fails the stream with what it throws. */
function checkedPassThrough(check: (chunk: Buffer | undefined) => Buffer): Transform {
  const pass = (chunk: Buffer | undefined, callback: TransformCallback): void => {
    try {
      const bytes = check(chunk);
      callback(null, bytes.length > 0 ? bytes : undefined);
    } catch (error) {
      callback(error as Error);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      pass(chunk, callback);
    },
    flush(callback: TransformCallback) {
      pass(undefined, callback);
    },
  });
}

/** A Transform that passes UTF-8 bytes through, checked (see {@link createTextDecoder}). */
function utf8Validator(): Transform {
  const validation = new Utf8Validation();
  return checkedPassThrough((chunk) => validation.check(chunk));
}

/** The mixed-encodings error: UTF-8 text at byte `at` of a file read as Windows-1252. */
function mixedEncodings(at: number): UnsupportedEncodingError {
  return new UnsupportedEncodingError(
    `mixed encodings: the file has bytes that are not UTF-8, and UTF-8 text (at byte ${at}); repair the file or save it as UTF-8 again`,
  );
}

function windows1252Decoder(): Transform {
  let offset = 0;
  /**
   * The previous chunks' last 5 bytes: a UTF-8 sequence cut by a chunk boundary, and a lone pair
   * at the end of a chunk with the two bytes before it, are judged again with what follows.
   */
  let tail = Buffer.alloc(0);
  const evidenceIn = (window: Buffer, endsFile: boolean): number =>
    scanEncodingEvidence(window, { startsFile: offset === tail.length, endsFile }).utf8At;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      // A single-byte encoding: each chunk decodes on its own. UTF-8 text is named first: it says more.
      if (!isAscii(chunk)) {
        const utf8At = evidenceIn(Buffer.concat([tail, chunk]), false);
        if (utf8At >= 0) {
          callback(mixedEncodings(offset - tail.length + utf8At));
          return;
        }
      }
      const undefinedAt = chunk.findIndex((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte));
      if (undefinedAt >= 0) {
        callback(
          new UnsupportedEncodingError(
            `neither UTF-8 nor Windows-1252 (byte 0x${(chunk[undefinedAt] ?? 0).toString(16)} at ${offset + undefinedAt} is undefined in Windows-1252)`,
          ),
        );
        return;
      }
      tail = Buffer.from(Buffer.concat([tail, chunk]).subarray(-5));
      offset += chunk.byteLength;
      callback(null, Buffer.from(decodeWindows1252(chunk), 'utf8'));
    },
    flush(callback: TransformCallback) {
      // The last lone pair of the file, whose context only the end completes.
      const utf8At = isAscii(tail) ? -1 : evidenceIn(tail, true);
      callback(utf8At >= 0 ? mixedEncodings(offset - tail.length + utf8At) : null);
    },
  });
}

/**
 * A stream that turns the bytes of a text file into checked UTF-8 bytes, ready for csv-parse.
 * - `utf-8`: strict validation, passing the bytes through (csv-parse reads UTF-8 bytes itself, so
 *   no text is decoded here only to be encoded again): the first invalid byte sequence fails the
 *   stream with {@link NotUtf8Error} (so nothing downstream ever sees a U+FFFD replacement
 *   character); a UTF-16 byte order mark fails it with {@link UnsupportedEncodingError}; each
 *   chunk passed on ends on a whole character;
 * - `windows-1252`: decoded, then passed on as UTF-8; every defined byte is a character (the WHATWG table, from the `windows-1252`
 *   package: 0x92 → ’, 0x80 → €; Node's own TextDecoder treats this label as Latin-1 and gets those
 *   bytes wrong); the five bytes Windows-1252 leaves undefined (which WHATWG maps to C1 controls)
 *   fail the stream with {@link UnsupportedEncodingError}, and so does evidence of UTF-8 anywhere in
 *   the file (a well-formed UTF-8 sequence of 3 or 4 bytes, or of 2 led by 0xC2/0xC3: a UTF-8 file
 *   with a bad byte before its first accented character, which reading as Windows-1252 would
 *   garble); a 2-byte sequence led by 0xC4–0xDF is read as Windows-1252 (`Ü’`, `ß°`: text, by chance).
 * The one rule over the whole file: invalid UTF-8 and no evidence of UTF-8 → Windows-1252; both →
 * rejected (`NotUtf8Error` with `afterUtf8Text` when the evidence comes first, else the
 * Windows-1252 read's "mixed encodings"); valid UTF-8 → UTF-8, unless it holds no evidence of UTF-8
 * and a 2-byte sequence that is evidence of Windows-1252 (`lonePairEvidence`: `JOSÉ’S`), which
 * fails the stream at its end with {@link ChanceUtf8Error} (the reader then reads it as Windows-1252).
 *
 * @param encoding - the encoding to decode.
 * @returns a Transform from Buffer chunks to UTF-8 Buffer chunks, each ending on a whole character.
 */
export function createTextDecoder(encoding: TextEncoding): Transform {
  return encoding === 'windows-1252' ? windows1252Decoder() : utf8Validator();
}
