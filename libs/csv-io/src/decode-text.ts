// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the windows-1252 package's types are not reachable through its exports; the reference makes ours visible to every project that compiles this file
/// <reference path="./windows-1252.d.ts" />
import { decode as decodeWindows1252 } from 'windows-1252';
import { isAscii, isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { NotUtf8Error, UnsupportedEncodingError } from './errors';

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

/**
 * Length (bytes) of the well-formed UTF-8 multi-byte sequence starting at `at` (Unicode's table
 * of well-formed byte sequences: no overlong forms, no surrogates, nothing past U+10FFFF), or 0
 * when the byte there starts none (ASCII, a stray continuation byte, a bad or cut-off sequence).
 */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
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
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length - 1;
  }
  return -1;
}

/**
 * Offset of the first *evidence of UTF-8* in `bytes`, or -1: a well-formed sequence of 3 or 4
 * bytes; of 2 bytes led by 0xC2 or 0xC3 (U+0080–U+00FF: the accented letters of Western names,
 * no-break space, «, °; read as Windows-1252, a lowercase accented letter followed by two symbols,
 * or `Â`/`Ã` and a symbol: mojibake, not text); or of 2 bytes next to another 2-byte sequence (a
 * word of Greek, Cyrillic, Hebrew, Arabic…; in Windows-1252, accented capital, symbol, accented
 * capital, symbol).
 *
 * Not evidence: a lone 2-byte sequence led by 0xC4–0xDF. In Windows-1252 that is an accented
 * capital (Ä–Ý), Þ or ß followed by a byte 0x80–0xBF (’ “ ” € « » ° a no-break space …), which
 * real Windows-1252 text holds by chance (`MÜLLER’S`, `STRAß°`, `ÉCOLE »`).
 */
function firstUtf8Evidence(bytes: Uint8Array): number {
  let previousPairEnd = -1;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0xc2) continue;
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) continue;
    const inRun = length === 2 && (previousPairEnd === i || utf8SequenceLength(bytes, i + 2) === 2);
    if (length > 2 || lead <= 0xc3 || inRun) return i;
    previousPairEnd = i + 2;
    i += 1;
  }
  return -1;
}

/** Whether the bytes start with a UTF-16 byte order mark (either byte order). */
function startsWithUtf16Bom(data: Buffer): boolean {
  return data.byteLength >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
}

/**
 * Strict UTF-8 validation of a stream's chunks: each chunk is checked up to its last whole
 * character, the cut sequence carried to the next.
 */
class Utf8Validation {
  /** Bytes (0-based) checked and passed on so far. */
  private offset = 0;
  /** The start of a sequence cut by the previous chunk's end. */
  private carry: Buffer | undefined;
  /** Evidence of UTF-8 (see {@link firstUtf8Evidence}) was passed on already. */
  private sawUtf8Evidence = false;

  /**
   * Checks the next chunk (with what the last one carried), or at the end (`undefined`) what is carried.
   *
   * @returns the bytes checked, ending on a whole character (maybe none).
   * @throws UnsupportedEncodingError for a UTF-16 byte order mark at the start; NotUtf8Error for an invalid sequence.
   */
  check(chunk: Buffer | undefined): Buffer {
    const { carry } = this;
    const data = carry ? (chunk ? Buffer.concat([carry, chunk]) : carry) : (chunk ?? Buffer.alloc(0));
    if (this.offset === 0 && startsWithUtf16Bom(data)) {
      throw new UnsupportedEncodingError(
        'UTF-16 text (it starts with a UTF-16 byte order mark); save the file as UTF-8',
      );
    }
    const end = chunk ? completeSequencesLength(data) : data.length;
    const complete = data.subarray(0, end);
    if (!isUtf8(complete)) throw this.fault(complete);
    // Native isAscii first: a chunk of ASCII, or any chunk once evidence was seen, costs no scan.
    if (!this.sawUtf8Evidence && !isAscii(complete) && firstUtf8Evidence(complete) >= 0) this.sawUtf8Evidence = true;
    this.carry = end < data.length ? Buffer.from(data.subarray(end)) : undefined;
    this.offset += end;
    return complete;
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

function windows1252Decoder(): Transform {
  let offset = 0;
  /** The previous chunk's last 3 bytes, so that a UTF-8 sequence cut by a chunk boundary is seen. */
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      // A single-byte encoding: each chunk decodes on its own.
      const undefinedAt = chunk.findIndex((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte));
      if (undefinedAt >= 0) {
        callback(
          new UnsupportedEncodingError(
            `neither UTF-8 nor Windows-1252 (byte 0x${(chunk[undefinedAt] ?? 0).toString(16)} at ${offset + undefinedAt} is undefined in Windows-1252)`,
          ),
        );
        return;
      }
      if (!isAscii(chunk)) {
        const window = Buffer.concat([tail, chunk]);
        const utf8At = firstUtf8Evidence(window);
        if (utf8At >= 0) {
          const at = offset - tail.length + utf8At;
          callback(
            new UnsupportedEncodingError(
              `mixed encodings: the file has bytes that are not UTF-8, and UTF-8 text (at byte ${at}); repair the file or save it as UTF-8 again`,
            ),
          );
          return;
        }
      }
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 3)));
      offset += chunk.byteLength;
      callback(null, Buffer.from(decodeWindows1252(chunk), 'utf8'));
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
 * The one rule over the whole file: no invalid UTF-8 → UTF-8; invalid UTF-8 and no evidence of
 * UTF-8 → Windows-1252; both → rejected (`NotUtf8Error` with `afterUtf8Text` when the evidence
 * comes first, else the Windows-1252 read's "mixed encodings").
 *
 * @param encoding - the encoding to decode.
 * @returns a Transform from Buffer chunks to UTF-8 Buffer chunks, each ending on a whole character.
 */
export function createTextDecoder(encoding: TextEncoding): Transform {
  return encoding === 'windows-1252' ? windows1252Decoder() : utf8Validator();
}
