import { availableParallelism } from 'node:os';

/**
 * How many worker threads a layer uses for CSV work: `MEDALLION_WORKER_THREADS` (0 or more; the
 * infra sets it from the function's memory, since Lambda gives one vCPU per 1,769 MB), else one
 * fewer than the machine's available parallelism (the calling thread does the I/O).
 *
 * @param env - the environment to read. @default process.env
 * @returns the thread count; 0 means inline.
 */
export function workerThreadCount(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = env['MEDALLION_WORKER_THREADS'];
  if (configured !== undefined && /^\d+$/.test(configured.trim())) return Number(configured.trim());
  return Math.max(0, availableParallelism() - 1);
}
