// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the windows-1252 package's types are not reachable through its exports; the reference makes ours visible to every project that compiles this file
/// <reference path="./windows-1252.d.ts" />
import { decode as decodeWindows1252 } from 'windows-1252';
import { Transform, type TransformCallback } from 'node:stream';

/** Text encodings medallion reads: UTF-8 (the expectation), Windows-1252 (the usual spreadsheet export). */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** The input is not valid UTF-8. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';

  /**
   * @param byteOffset - offset (bytes, 0-based) of the chunk holding the first invalid sequence.
   * @param afterUtf8Text - valid multi-byte UTF-8 came before the fault: the file is UTF-8 with a bad
   *   byte, not a Windows-1252 file (reading it as Windows-1252 would garble all of its text).
   */
  constructor(
    readonly byteOffset: number,
    readonly afterUtf8Text: boolean,
  ) {
    super(`not valid UTF-8 (first invalid byte sequence in the chunk at byte ${byteOffset})`);
  }
}

/** The input is in an encoding medallion does not read (UTF-16, or bytes Windows-1252 leaves undefined). */
export class UnsupportedEncodingError extends Error {
  override readonly name = 'UnsupportedEncodingError';
}

/** Text holding a character beyond ASCII. */
const NON_ASCII = /[^\p{ASCII}]/u;

/** Bytes Windows-1252 does not define: a file holding them is not Windows-1252. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function utf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let sawMultibyte = false;
  const decode = (chunk?: Buffer): string => {
    if (offset === 0 && chunk && chunk.byteLength >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new UnsupportedEncodingError('UTF-16 text (it starts with a UTF-16 byte order mark); save the file as UTF-8');
    }
    try {
      const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      if (!sawMultibyte && NON_ASCII.test(text)) sawMultibyte = true;
      if (chunk) offset += chunk.byteLength;
      return text;
    } catch {
      // Was there valid multi-byte text before the fault in this chunk? Decode it leniently to see.
      const lenient = chunk ? new TextDecoder('utf-8').decode(chunk) : '';
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      throw new NotUtf8Error(offset, sawMultibyte || NON_ASCII.test(before));
    }
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        const text = decode(chunk);
        callback(null, text.length > 0 ? text : undefined);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        const text = decode();
        callback(null, text.length > 0 ? text : undefined);
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

function windows1252Decoder(): Transform {
  let offset = 0;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      // A single-byte encoding: each chunk decodes on its own.
      const undefinedAt = chunk.findIndex((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte));
      if (undefinedAt >= 0) {
        callback(new UnsupportedEncodingError(`neither UTF-8 nor Windows-1252 (byte 0x${chunk[undefinedAt]!.toString(16)} at ${offset + undefinedAt} is undefined in Windows-1252)`));
        return;
      }
      offset += chunk.byteLength;
      callback(null, decodeWindows1252(chunk));
    },
  });
}

/**
 * A stream that turns bytes into text.
 * - `utf-8`: strict: a BOM is dropped; the first invalid byte sequence fails the stream with
 *   {@link NotUtf8Error} (never a U+FFFD replacement character); a UTF-16 byte order mark fails it
 *   with {@link UnsupportedEncodingError};
 * - `windows-1252`: every defined byte is a character (the WHATWG table, from the `windows-1252`
 *   package: 0x92 → ’, 0x80 → €; Node's own TextDecoder treats this label as Latin-1 and gets those
 *   bytes wrong); the five bytes Windows-1252 leaves undefined (which WHATWG maps to C1 controls)
 *   fail the stream with {@link UnsupportedEncodingError}.
 *
 * @param encoding - the encoding to decode.
 * @returns a Transform from Buffer chunks to string chunks.
 */
export function createTextDecoder(encoding: TextEncoding): Transform {
  return encoding === 'windows-1252' ? windows1252Decoder() : utf8Decoder();
}
