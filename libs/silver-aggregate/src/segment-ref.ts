/**
 * A checkpoint's reference to one of its segments: an immutable object under
 * `<output>_checkpoint/segments/` holding the merged records of a group of the checkpoint's commits
 * (those whose `segment` is this reference's index).
 */
export interface SegmentRef {
  /** The object's key, e.g. `gold/_checkpoint/segments/1764633600000-3f2a9c1e-0.parquet`. */
  readonly key: string;
  /** Its ETag (without quotes). */
  readonly eTag: string;
  /** Its version, where the bucket has versions. */
  readonly versionId?: string;
  /** How many commits it holds (commits). */
  readonly commits: number;
}

/**
 * Whether a value read from a checkpoint's footer is a {@link SegmentRef}.
 *
 * @param value - the parsed JSON value.
 * @returns true for `{ key: string, eTag: string, versionId?: string, commits: positive integer }`.
 */
export function isSegmentRef(value: unknown): value is SegmentRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  return (
    typeof ref['key'] === 'string' &&
    typeof ref['eTag'] === 'string' &&
    (ref['versionId'] === undefined || typeof ref['versionId'] === 'string') &&
    Number.isInteger(ref['commits']) &&
    (ref['commits'] as number) > 0
  );
}
