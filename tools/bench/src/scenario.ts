import { startTestLake, type TestLake } from '@medallion/local-s3/testing';

/** What a scenario processed in its timed part. */
export interface ScenarioWork {
  /** Data rows processed. */
  readonly rows: number;
  /** Input bytes processed. */
  readonly bytes: number;
  /** Peak RSS (MB) of what was measured, when it ran in a child process (the CLI); else the step's own process is measured. */
  readonly peakRssMB?: number;
}

/** What `prepare` leaves for `open` (JSON: it crosses processes). */
export interface Prepared {
  readonly bytes: number;
  /** The uploaded bronze object's ETag, for steps that deliver its event. */
  readonly eTag?: string;
  /** The event the timed step delivers (real S3 event JSON). */
  readonly event?: unknown;
  /** Rows the timed step processes, when not the step's size. */
  readonly rows?: number;
  /**
   * An event delivered before the timed step, already in the checkpoints (it reads the checkpoint
   * and the listing, and finds them unchanged), after which the functions forget what they hold:
   * they are then warm, as functions that have served before (SDK initialized, connection open),
   * with nothing of the lake in their caches.
   */
  readonly warmUp?: unknown;
}

/**
 * A benchmark step in two processes, so that the measured one holds the step alone: `prepare`
 * (generates the input, fills the embedded store's folder) and then, in a fresh process, `open`
 * (starts the store on that folder, makes the handler) and the timed `run`.
 */
export interface Scenario {
  /** Untimed, in its own process: makes the input and fills the lake in `lakeDirectory`. */
  prepare(rows: number, lakeDirectory: string): Promise<Prepared>;
  /** In the measuring process: everything the timed `run` needs, then `close`. */
  open(
    rows: number,
    lakeDirectory: string,
    prepared: Prepared,
  ): Promise<{ run: () => Promise<ScenarioWork>; close: () => Promise<void> }>;
}

/**
 * Fills a lake folder with `fill`, then stops the store (the folder stays).
 *
 * @param lakeDirectory - the store's folder.
 * @param fill - what to put in it; its result is the step's `Prepared`.
 * @returns what `fill` returned.
 */
export async function withLake(lakeDirectory: string, fill: (lake: TestLake) => Promise<Prepared>): Promise<Prepared> {
  const lake = await startTestLake(undefined, lakeDirectory);
  try {
    return await fill(lake);
  } finally {
    await lake.close();
  }
}
