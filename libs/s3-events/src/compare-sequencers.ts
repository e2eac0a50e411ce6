/**
 * Orders two S3 event sequencers of one key as AWS documents: hex strings, the shorter left-padded
 * with zeros, compared as text (case-insensitive).
 *
 * @param a - a sequencer, e.g. `0062A1B2C3D4E5F601`.
 * @param b - another.
 * @returns negative when `a` is older, positive when newer, 0 when equal.
 */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const left = a.toUpperCase().padStart(width, '0');
  const right = b.toUpperCase().padStart(width, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}
