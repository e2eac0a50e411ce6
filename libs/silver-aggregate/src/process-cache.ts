import type { Checkpoint } from './checkpoint';

/** A checkpoint as this process last read or wrote it, with the stored object's ETag, version and generation. */
export interface HeldCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly eTag: string;
  readonly versionId?: string;
  readonly generation: number;
}

/** An object this process last wrote: its ETag and the generation it was made from. */
export interface HeldWrite {
  readonly eTag: string;
  readonly generation: number;
}

const checkpoints = new Map<string, HeldCheckpoint>();
const writes = new Map<string, HeldWrite>();

/**
 * What this process remembers between invocations (a warm Lambda environment, the local runner):
 * the checkpoint it last read or wrote, so an unchanged one is not downloaded and decoded again,
 * and the ETags of the outputs it last wrote, so a write can name the ETag it replaces without a
 * HeadObject first. Nothing here is trusted alone: a checkpoint is re-validated with a
 * conditional GET, a write is conditional on the held ETag and falls back to reading the object.
 */
export const processCache = {
  /** The checkpoint held for `bucket/key`, if any. */
  checkpoint(bucket: string, key: string): HeldCheckpoint | undefined {
    return checkpoints.get(`${bucket}/${key}`);
  },
  /** Holds a checkpoint read or written (one per key; it replaces the previous). */
  holdCheckpoint(bucket: string, key: string, held: HeldCheckpoint): void {
    checkpoints.set(`${bucket}/${key}`, held);
  },
  /** Forgets a checkpoint that turned out stale or unusable. */
  dropCheckpoint(bucket: string, key: string): void {
    checkpoints.delete(`${bucket}/${key}`);
  },
  /** The write held for `bucket/key`, if any. */
  write(bucket: string, key: string): HeldWrite | undefined {
    return writes.get(`${bucket}/${key}`);
  },
  /** Holds what was just written at `bucket/key` (or learned of it). */
  holdWrite(bucket: string, key: string, held: HeldWrite): void {
    writes.set(`${bucket}/${key}`, held);
  },
};

/** Forgets every checkpoint and write held (tests that start a function cold). */
export function forgetProcessCache(): void {
  checkpoints.clear();
  writes.clear();
}
