import { availableParallelism } from 'node:os';
import { readSetting, WORKER_THREADS, type SettingsEnvironment } from '@medallion/settings';

/**
 * How many worker threads a layer uses for CSV work: `MEDALLION_WORKER_THREADS` (0 or more; the
 * infra sets it from the function's memory, since Lambda gives one vCPU per 1,769 MB), else the
 * machine's available parallelism, at most 4. The calling thread's own work (S3 I/O, ordering) is
 * light beside the CSV work (measured: it idles 70% of the time next to one worker), so it needs no
 * core of its own; each worker costs about 60 MB.
 *
 * @param env - the environment to read. @default process.env
 * @returns the thread count; 0 means inline.
 * @throws InvalidSettingError for a value that is not a whole number (never a silent default).
 */
export function workerThreadCount(env: SettingsEnvironment = process.env): number {
  return readSetting(env, WORKER_THREADS) ?? Math.min(4, availableParallelism());
}
