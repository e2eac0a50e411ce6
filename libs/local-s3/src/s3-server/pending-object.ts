import { UnsealedWriteError } from '../errors';
import { encodeRecordTrailer, type ObjectAttributes, type StoredObject } from './object-record';

/**
 * A version of an object being written: its bytes go to {@link PendingObject.path} (a file in `tmp/` no
 * reader knows of), followed by the record that {@link PendingObject.seal} returns; `ObjectStore.commit`
 * then makes it the object of its key.
 */
export class PendingObject {
  private record: StoredObject | undefined;

  /**
   * @param bucket - bucket name.
   * @param key - object key.
   * @param version - the version's name (see `StoreLayout.newVersion`).
   * @param files - the empty file the version is written into, and the `.obj` path it commits to.
   */
  constructor(
    readonly bucket: string,
    readonly key: string,
    readonly version: string,
    readonly files: { readonly writing: string; readonly committed: string },
  ) {}

  /** The file the bytes are written to (it exists, empty: open it with `r+`). */
  get path(): string {
    return this.files.writing;
  }

  /**
   * Fixes the object's record once its bytes are known (its last-modified time is now).
   *
   * @param size - bytes written.
   * @param eTag - without quotes.
   * @param attributes - content type, user metadata, stored headers.
   * @returns the record's bytes, to append to the file after the object's bytes.
   */
  seal(size: number, eTag: string, attributes: ObjectAttributes): Buffer {
    const { contentType, metadata, headers } = attributes;
    this.record = {
      key: this.key,
      size,
      eTag,
      lastModified: Date.now(),
      version: this.version,
      contentType,
      metadata,
      headers,
    };
    return encodeRecordTrailer(this.record);
  }

  /**
   * The sealed object.
   *
   * @throws UnsealedWriteError before {@link PendingObject.seal}.
   */
  get object(): StoredObject {
    if (!this.record) throw new UnsealedWriteError(this.key);
    return this.record;
  }
}
