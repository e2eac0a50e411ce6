import iconv from 'iconv-lite';
import { Transform, type TransformCallback } from 'node:stream';

/** Text encodings medallion reads: UTF-8 (the expectation), Windows-1252 (the usual spreadsheet export). */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** The input is not valid UTF-8. Carries the byte offset of the first invalid sequence. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';

  /** @param byteOffset - offset (bytes, 0-based) of the chunk holding the first invalid sequence. */
  constructor(readonly byteOffset: number) {
    super(`not valid UTF-8 (first invalid byte sequence in the chunk at byte ${byteOffset})`);
  }
}

/**
 * A stream that turns bytes into text.
 * - `utf-8`: strict: a BOM is dropped, and the first invalid byte sequence fails the stream with
 *   {@link NotUtf8Error} (never a U+FFFD replacement character);
 * - `windows-1252`: every byte is a character (iconv-lite's table: 0x92 → ’, 0x80 → €); Node's own
 *   TextDecoder treats this label as Latin-1 and gets those bytes wrong.
 *
 * @param encoding - the encoding to decode.
 * @returns a Transform from Buffer chunks to string chunks.
 */
export function createTextDecoder(encoding: TextEncoding): Transform {
  if (encoding === 'windows-1252') return iconv.decodeStream('win1252') as unknown as Transform;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.byteLength;
        callback(null, text.length > 0 ? text : undefined);
      } catch {
        callback(new NotUtf8Error(offset));
      }
    },
    flush(callback: TransformCallback) {
      try {
        const text = decoder.decode();
        callback(null, text.length > 0 ? text : undefined);
      } catch {
        callback(new NotUtf8Error(offset));
      }
    },
  });
}
