import { MedallionError } from '@medallion/errors';

/** Base class of the errors silver raises itself (its rules' errors are @medallion/silver-rules'). */
export class SilverError extends MedallionError {}

/** An object key silver has no outputs for: outside its input prefix, or not a `.csv` object (any case). */
export class NotABronzeKeyError extends SilverError {
  /**
   * @param key - the object key.
   * @param why - what is wrong with it, e.g. `is outside bronze/`.
   */
  constructor(
    readonly key: string,
    why: string,
  ) {
    super(`key ${key} ${why}`);
  }
}

/**
 * Other invocations changed a bronze object's manifest under every conditional write (or delete) of
 * this one, a number of times in a row: it fails, and Lambda's retry does the work.
 */
export class ContendedManifestError extends SilverError {
  /**
   * @param manifestKey - the manifest's object key.
   * @param attempts - how many conditional requests in a row lost.
   * @param requests - what they were, e.g. `conditional writes`.
   */
  constructor(
    readonly manifestKey: string,
    attempts: number,
    requests: string,
  ) {
    super(`silver: the manifest ${manifestKey} changed under ${attempts} ${requests} in a row`);
  }
}
