/**
 * Where the store keeps its files under its folder (the folder may hold other files, e.g. the CLI's
 * marker; they are left alone):
 *
 * ```
 * <folder>/buckets/<bucket>/bucket.json                          {"name","creationDate"}: the bucket exists
 * <folder>/buckets/<bucket>/objects/<hh>/<hash>.<version>.obj    one version of an object: its bytes, then its record
 * <folder>/tmp/spare-<n>        empty files made ahead (see `SpareFiles`), versions being written, and the
 *                               parts of multipart uploads in progress (emptied at start)
 * ```
 *
 * `<hash>` is the SHA-256 (hex) of the object key's UTF-8 bytes and `<hh>` its first two characters:
 * no key, however long or strange, becomes part of a file name. The key itself lives in the record.
 *
 * An `.obj` file is the object's bytes followed by its record (see `encodeRecordTrailer`: JSON of
 * key, size, ETag, content type, metadata, last-modified, version; its length; a magic tag). One
 * file per version, so a write costs one file. A write fills a file in `tmp/` and, when it
 * commits, renames it to a new `<version>` (sortable: time, then a counter) of its object; a file is
 * never rewritten in place. The previous version's file is removed after the commit. At start the
 * newest readable version of each hash wins; other files under `objects/` and all of `tmp/` are
 * removed (multipart uploads do not survive a restart).
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** The store's paths under its folder. */
export class StoreLayout {
  private lastTime = 0;
  private counter = 0;
  private readonly processTag = randomBytes(2).toString('hex');

  /** @param folder - the store's folder (absolute or relative to the working directory). */
  constructor(readonly folder: string) {}

  /** The folder of all buckets. */
  get bucketsFolder(): string {
    return join(this.folder, 'buckets');
  }

  /** The folder of files being written: spares, versions not yet committed, parts of multipart uploads. */
  get tmpFolder(): string {
    return join(this.folder, 'tmp');
  }

  /**
   * @param bucket - a valid bucket name (so a safe file name).
   * @returns the file whose presence makes the bucket exist.
   */
  bucketFile(bucket: string): string {
    return join(this.bucketsFolder, bucket, 'bucket.json');
  }

  /**
   * @param bucket - bucket name.
   * @returns the folder of the bucket's object files (holding the `<hh>` folders).
   */
  objectsFolder(bucket: string): string {
    return join(this.bucketsFolder, bucket, 'objects');
  }

  /**
   * The file of one version of an object.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @param version - from {@link StoreLayout.newVersion}.
   * @returns its folder (`…/objects/<hh>`) and its path (`…/<hash>.<version>.obj`).
   */
  objectFile(bucket: string, key: string, version: string): { folder: string; path: string } {
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    const folder = join(this.objectsFolder(bucket), hash.slice(0, 2));
    return { folder, path: join(folder, `${hash}.${version}.obj`) };
  }

  /**
   * A new version name, later than every one this process made before and unique across processes
   * (a random tag): 9 base-36 digits of ms since 1970, 4 of a counter, the tag.
   *
   * @returns e.g. `mhx2k3q0a-0000-3f9c`.
   */
  newVersion(): string {
    const now = Date.now();
    if (now > this.lastTime) {
      this.lastTime = now;
      this.counter = 0;
    } else if (++this.counter >= 36 ** 4) {
      // More than 1.6 million versions within one ms cannot happen; move the clock on rather than repeat.
      this.lastTime++;
      this.counter = 0;
    }
    return `${this.lastTime.toString(36).padStart(9, '0')}-${this.counter.toString(36).padStart(4, '0')}-${this.processTag}`;
  }
}
