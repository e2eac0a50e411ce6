import { closeSync, openSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Empty files kept ready; enough for a burst of concurrent writes. */
const SPARES = 16;

/**
 * Empty files created ahead of need, in the background: creating a file (a new inode, journaled) is
 * the costliest step of a small write on a journaling file system (0.05-0.7 ms measured here, where
 * writing 1 KiB into an existing file, or renaming it, costs about 0.03 ms), so writes take a ready
 * file and the pool is refilled off the request's path.
 */
export class SpareFiles {
  private readonly ready: string[] = [];
  private made = 0;
  private refilling: Promise<void> | undefined;
  private closed = false;

  /**
   * @param folder - where the spares live (emptied at start); on the store's file system, so a
   *   spare can be renamed into place.
   */
  constructor(readonly folder: string) {}

  /** Empties the folder (spares and writes of a previous run) and fills the pool. */
  async start(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
    await mkdir(this.folder, { recursive: true });
    this.refill();
  }

  /**
   * An empty file to write into (open it with `r+`) and then rename or remove; made on the spot
   * when the pool is empty.
   *
   * @returns the file's path.
   * @throws the file system's error when a file cannot be made.
   */
  take(): string {
    const path = this.ready.pop() ?? this.make();
    this.refill();
    return path;
  }

  /** Stops refilling and waits for a refill under way. */
  async close(): Promise<void> {
    this.closed = true;
    await this.refilling;
  }

  private make(): string {
    const path = this.nextPath();
    closeSync(openSync(path, 'wx'));
    return path;
  }

  private nextPath(): string {
    return join(this.folder, `spare-${(this.made++).toString(36)}`);
  }

  /** Creates spares one at a time (one thread of the pool, not all) until there are enough. */
  private refill(): void {
    if (this.refilling || this.closed) return;
    this.refilling = (async () => {
      while (!this.closed && this.ready.length < SPARES) {
        const path = this.nextPath();
        await (await open(path, 'wx')).close();
        this.ready.push(path);
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        this.refilling = undefined;
      });
  }
}
