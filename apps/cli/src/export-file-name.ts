import { createHash } from 'node:crypto';

/** The longest file name most file systems take (ext4, APFS, NTFS), in bytes. */
export const MAX_FILE_NAME_BYTES = 255;

/** An extension kept through shortening: a dot and up to 15 letters or digits (`.parquet`, `.csv`). */
const EXTENSION = /\.[A-Za-z0-9]{1,15}$/;

/**
 * The file name one segment of an object key is exported under: the segment itself when it fits in
 * {@link MAX_FILE_NAME_BYTES} bytes of UTF-8; else its start, `~`, the first 16 hex digits of the
 * segment's SHA-256 and its extension, cut at a character boundary to 255 bytes. Different long
 * segments get different names (the hash), and the same segment always the same one.
 *
 * @param segment - one `/`-separated part of an object key, e.g. a 300-byte file name.
 * @returns a file name of at most 255 bytes.
 */
export function exportFileNameFor(segment: string): string {
  if (Buffer.byteLength(segment, 'utf8') <= MAX_FILE_NAME_BYTES) return segment;
  const extension = EXTENSION.exec(segment)?.[0] ?? '';
  const tag = `~${createHash('sha256').update(segment, 'utf8').digest('hex').slice(0, 16)}${extension}`;
  const budget = MAX_FILE_NAME_BYTES - Buffer.byteLength(tag, 'utf8');
  let stem = '';
  let bytes = 0;
  for (const character of segment.slice(0, segment.length - extension.length)) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > budget) break;
    stem += character;
  }
  return stem + tag;
}
