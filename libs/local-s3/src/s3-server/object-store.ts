import { readFileSync, renameSync, unlinkSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { bucketNameProblem } from '../bucket-name-rules';
import type { LocalObjectChange } from '../start-local-s3';
import { decodeRecord, RECORD_FOOTER_BYTES, recordLengthOf, type StoredObject } from './object-record';
import { PendingObject } from './pending-object';
import { S3Error } from '../errors';
import { SortedKeys } from './sorted-keys';
import { SpareFiles } from './spare-files';
import { StoreLayout } from './store-layout';
import { checkWriteCondition, type WriteCondition } from './write-conditions';

/** One bucket: its objects by key, and its keys in listing order. */
export interface Bucket {
  readonly name: string;
  /** ms since 1970. */
  readonly creationDate: number;
  readonly objects: Map<string, StoredObject>;
  readonly keys: SortedKeys;
}

/** The tail of an `.obj` file read at start in one go: the record of almost any object fits. */
const TAIL_BYTES = 4096;

const isMissing = (error: unknown): boolean => (error as { code?: string }).code === 'ENOENT';

/**
 * The objects of every bucket: an in-memory index (so HeadObject and listings never touch the disk)
 * over immutable version files in the store's folder (layout: see `StoreLayout`).
 *
 * Atomicity: a write streams its bytes (and then its record) into a file in `tmp/` no reader knows of;
 * {@link ObjectStore.commit} then, in one synchronous step (JavaScript runs nothing else meanwhile),
 * checks the write's conditions against the index, renames the file to its `.obj` name and swaps
 * the index entry. A reader therefore sees the old version or the new one, whole (bytes, ETag and
 * metadata together), and two conditional writers of one key cannot both pass their check. The
 * previous version's file is removed only after the swap; a reader that looked the key up before it
 * and finds the file gone looks again.
 */
export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly listeners = new Set<(change: LocalObjectChange) => void>();
  private readonly housekeeping = new Set<Promise<unknown>>();
  private readonly foldersMade = new Set<string>();
  /** Empty files to write new versions and parts into. */
  readonly spares: SpareFiles;

  private constructor(readonly layout: StoreLayout) {
    this.spares = new SpareFiles(layout.tmpFolder);
  }

  /**
   * Opens the store on a folder: creates it when missing, loads the buckets and objects a previous
   * run left there, removes unfinished writes and multipart uploads, and creates the buckets asked for.
   *
   * @param folder - the store's folder.
   * @param buckets - bucket names to create when missing.
   * @returns the open store.
   * @throws S3Error `InvalidBucketName` for a name S3 refuses; file-system errors.
   */
  static async open(folder: string, buckets: readonly string[]): Promise<ObjectStore> {
    const store = new ObjectStore(new StoreLayout(folder));
    await store.spares.start();
    await mkdir(store.layout.bucketsFolder, { recursive: true });
    for (const name of await readdir(store.layout.bucketsFolder)) await store.loadBucket(name);
    for (const name of buckets) await store.createBucket(name);
    return store;
  }

  /**
   * Calls `listener` after each change of an object, once readers see it, in the order of the changes.
   *
   * @param listener - receives the change; an exception it throws is reported as a process warning.
   * @returns a function that removes the listener.
   */
  onChange(listener: (change: LocalObjectChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** @returns every bucket, by name. */
  listBuckets(): Bucket[] {
    return [...this.buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /**
   * @param name - bucket name.
   * @returns the bucket.
   * @throws S3Error `NoSuchBucket` (404).
   */
  bucket(name: string): Bucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw new S3Error('NoSuchBucket', undefined, { BucketName: name });
    return bucket;
  }

  /**
   * Creates a bucket (nothing when it exists, as S3 in us-east-1 answers its owner).
   *
   * @param name - bucket name.
   * @throws S3Error `InvalidBucketName` (400).
   */
  async createBucket(name: string): Promise<void> {
    if (bucketNameProblem(name) !== undefined) throw new S3Error('InvalidBucketName', undefined, { BucketName: name });
    if (this.buckets.has(name)) return;
    await mkdir(this.layout.objectsFolder(name), { recursive: true });
    const creationDate = Date.now();
    await writeFile(this.layout.bucketFile(name), JSON.stringify({ name, creationDate }));
    this.buckets.set(name, { name, creationDate, objects: new Map(), keys: new SortedKeys() });
  }

  /**
   * Deletes an empty bucket.
   *
   * @param name - bucket name.
   * @throws S3Error `NoSuchBucket` (404), `BucketNotEmpty` (409).
   */
  async deleteBucket(name: string): Promise<void> {
    if (this.bucket(name).objects.size > 0) throw new S3Error('BucketNotEmpty', undefined, { BucketName: name });
    this.buckets.delete(name);
    await rm(join(this.layout.bucketsFolder, name), { recursive: true, force: true });
  }

  /**
   * The object a key holds now, from memory.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @returns the object, or undefined when the key is absent.
   * @throws S3Error `NoSuchBucket`.
   */
  head(bucket: string, key: string): StoredObject | undefined {
    return this.bucket(bucket).objects.get(key);
  }

  /**
   * Opens the file of the object a key holds now: the object and its open file agree (the file of a
   * replaced version stays readable once open). Its first `object.size` bytes are the object's.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @returns the object and its file (close it), or undefined when the key is absent.
   * @throws S3Error `NoSuchBucket`; `InternalError` when the object's file vanished from the folder.
   */
  async openObject(bucket: string, key: string): Promise<{ object: StoredObject; file: FileHandle } | undefined> {
    for (;;) {
      const object = this.head(bucket, key);
      if (!object) return undefined;
      try {
        return { object, file: await open(this.layout.objectFile(bucket, key, object.version).path, 'r') };
      } catch (error) {
        this.checkVanished(error, bucket, key, object);
      }
    }
  }

  /**
   * Reads the whole object a key holds now, synchronously (for small objects: cheaper than an
   * asynchronous open, read and close); the object and the bytes agree.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @returns the object and its bytes, or undefined when the key is absent.
   * @throws S3Error `NoSuchBucket`; `InternalError` when the object's file vanished or is short.
   */
  readObject(bucket: string, key: string): { object: StoredObject; bytes: Buffer } | undefined {
    for (;;) {
      const object = this.head(bucket, key);
      if (!object) return undefined;
      let bytes: Buffer;
      try {
        bytes = readFileSync(this.layout.objectFile(bucket, key, object.version).path);
      } catch (error) {
        this.checkVanished(error, bucket, key, object);
        continue;
      }
      if (bytes.length < object.size + RECORD_FOOTER_BYTES)
        throw new S3Error('InternalError', `The file of ${key} is shorter than its object`);
      return { object, bytes: bytes.subarray(0, object.size) };
    }
  }

  /**
   * Starts a new version of an object: an empty file in `tmp/` to write its bytes and record into.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @returns the pending version (the folder it commits to exists).
   * @throws S3Error `NoSuchBucket`.
   */
  async newObjectFile(bucket: string, key: string): Promise<PendingObject> {
    this.bucket(bucket);
    const version = this.layout.newVersion();
    const { folder, path } = this.layout.objectFile(bucket, key, version);
    if (!this.foldersMade.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.foldersMade.add(folder);
    }
    return new PendingObject(bucket, key, version, { writing: this.spares.take(), committed: path });
  }

  /**
   * Makes a sealed pending version the object of its key, if the write's conditions hold now: checks
   * them, renames the file into place, swaps the index entry and announces the change, in one
   * synchronous step; then removes the previous version's file. On failure the pending file is removed.
   *
   * @param pending - written and sealed.
   * @param condition - `If-Match` / `If-None-Match` of the request.
   * @param eventName - e.g. `ObjectCreated:Put`.
   * @returns the stored object.
   * @throws S3Error `PreconditionFailed`, `NoSuchKey` (see `checkWriteCondition`), `NoSuchBucket`.
   */
  commit(pending: PendingObject, condition: WriteCondition, eventName: string): StoredObject {
    const { bucket, key, object } = pending;
    try {
      const { objects, keys } = this.bucket(bucket);
      const previous = objects.get(key);
      checkWriteCondition(previous?.eTag, condition, key);
      renameSync(pending.files.writing, pending.files.committed);
      objects.set(key, object);
      if (!previous) keys.add(key);
      this.announce({ eventName, bucket, key, size: object.size, eTag: object.eTag });
      if (previous) this.tidy(unlink(this.layout.objectFile(bucket, key, previous.version).path));
      return object;
    } catch (error) {
      this.discard(pending.path);
      throw error;
    }
  }

  /**
   * Removes a file that will not be committed (a failed upload), in the background.
   *
   * @param path - e.g. {@link PendingObject.path}.
   */
  discard(path: string): void {
    this.tidy(unlink(path));
  }

  /**
   * Deletes the object of a key (DeleteObject), announcing `ObjectRemoved:Delete` when there was one.
   * With `ifMatch` (S3's conditional delete), only the object of that ETag is deleted, checked in the
   * same synchronous step as the delete.
   *
   * @param bucket - bucket name.
   * @param key - object key.
   * @param ifMatch - the request's `If-Match` header (quoted ETags, or `*`), when it has one.
   * @returns whether the key held an object.
   * @throws S3Error `NoSuchBucket`; `PreconditionFailed` (412) when the key holds another ETag,
   *   `NoSuchKey` (404) when it holds nothing, under `ifMatch`.
   */
  delete(bucket: string, key: string, ifMatch?: string): boolean {
    const { objects, keys } = this.bucket(bucket);
    const previous = objects.get(key);
    if (ifMatch !== undefined) checkWriteCondition(previous?.eTag, { ifMatch }, key);
    if (!previous) return false;
    try {
      unlinkSync(this.layout.objectFile(bucket, key, previous.version).path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    objects.delete(key);
    keys.delete(key);
    this.announce({ eventName: 'ObjectRemoved:Delete', bucket, key, size: 0, eTag: '' });
    return true;
  }

  /**
   * Runs a removal of files in the background; {@link ObjectStore.close} waits for them.
   *
   * @param work - the removal (its failure, e.g. a file already gone, is ignored).
   */
  tidy(work: Promise<unknown>): void {
    const task = work.catch(() => undefined);
    this.housekeeping.add(task);
    void task.then(() => this.housekeeping.delete(task));
  }

  /** Stops making spare files and waits for the background removals, so the folder can be deleted after. */
  async close(): Promise<void> {
    await this.spares.close();
    while (this.housekeeping.size > 0) await Promise.all(this.housekeeping);
  }

  /** After a failed open of an object's file: returns when the key changed meanwhile (look again), else throws. */
  private checkVanished(error: unknown, bucket: string, key: string, object: StoredObject): void {
    // Replaced or deleted since the look-up (its file goes only after the index changed): look again.
    if (isMissing(error) && this.head(bucket, key) !== object) return;
    throw isMissing(error)
      ? new S3Error('InternalError', `The file of ${key} is missing from the store's folder`)
      : error;
  }

  private announce(change: LocalObjectChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        process.emitWarning(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  /** Loads one bucket folder of a previous run (a folder without a readable `bucket.json` is not a bucket). */
  private async loadBucket(name: string): Promise<void> {
    let creationDate: number;
    try {
      creationDate = Number(
        (JSON.parse(await readFile(this.layout.bucketFile(name), 'utf8')) as { creationDate?: unknown }).creationDate,
      );
    } catch {
      return;
    }
    if (bucketNameProblem(name) !== undefined || !Number.isFinite(creationDate)) return;
    const objects = new Map<string, StoredObject>();
    const folder = this.layout.objectsFolder(name);
    const hashFolders = await readdir(folder).catch(() => []);
    await Promise.all(hashFolders.map(async (hh) => this.loadObjects(join(folder, hh), objects)));
    this.buckets.set(name, { name, creationDate, objects, keys: SortedKeys.of(objects.keys()) });
  }

  /** Loads the newest readable version of each object in one `<hh>` folder and removes every other file. */
  private async loadObjects(folder: string, objects: Map<string, StoredObject>): Promise<void> {
    this.foldersMade.add(folder);
    const files = await readdir(folder);
    const versions = files
      .filter((file) => file.endsWith('.obj'))
      .sort()
      .reverse();
    const loaded = new Set<string>();
    const leftovers = files.filter((file) => !file.endsWith('.obj'));
    for (const file of versions) {
      const [hash = '', version = ''] = file.slice(0, -'.obj'.length).split('.');
      const object = loaded.has(hash) ? undefined : await readVersion(join(folder, file), version);
      if (object) {
        loaded.add(hash);
        objects.set(object.key, object);
      } else {
        leftovers.push(file);
      }
    }
    // Older versions, unreadable ones and writes cut by the end of a run.
    await Promise.all(leftovers.map((file) => unlink(join(folder, file)).catch(() => undefined)));
  }
}

/** The object of an `.obj` file, from the record at its end; undefined when the file is not a complete version. */
async function readVersion(path: string, version: string): Promise<StoredObject | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size < RECORD_FOOTER_BYTES) return undefined;
    const tailBytes = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(tailBytes);
    await file.read(tail, 0, tailBytes, size - tailBytes);
    const recordBytes = recordLengthOf(tail.subarray(tailBytes - RECORD_FOOTER_BYTES));
    if (recordBytes === undefined || recordBytes > size - RECORD_FOOTER_BYTES) return undefined;
    const end = tailBytes - RECORD_FOOTER_BYTES;
    if (recordBytes <= end) return decodeRecord(tail.subarray(end - recordBytes, end), size, version);
    const record = Buffer.alloc(recordBytes);
    await file.read(record, 0, recordBytes, size - RECORD_FOOTER_BYTES - recordBytes);
    return decodeRecord(record, size, version);
  } finally {
    await file.close();
  }
}
