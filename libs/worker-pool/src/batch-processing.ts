import { mapInOrder } from './map-in-order';
import type { TaskRunner } from './task-runner';
import { workerThreadCount } from './worker-thread-count';

/** How a layer spreads the CSV work of one input over worker threads. */
export interface BatchProcessingOptions {
  /** Worker threads for inputs of at least `parallelMinBytes`. @default workerThreadCount() (`MEDALLION_WORKER_THREADS`) */
  readonly threads?: number;
  /** Smallest input (bytes) worth the worker threads; smaller ones run inline. The default is the caller's. */
  readonly parallelMinBytes?: number;
  /** Batch size (bytes) for `splitCsvBatches`. @default 256 KiB */
  readonly batchBytes?: number;
}

/**
 * The worker threads for one input: none below the parallel threshold, else `options.threads` or
 * {@link workerThreadCount}.
 *
 * @param inputBytes - the input's size in bytes.
 * @param options - threads and the threshold.
 * @param defaultMinBytes - the threshold when `options` sets none (bytes).
 * @returns the thread count; 0 runs inline.
 */
export function threadsFor(inputBytes: number, options: BatchProcessingOptions, defaultMinBytes: number): number {
  return inputBytes >= (options.parallelMinBytes ?? defaultMinBytes) ? (options.threads ?? workerThreadCount()) : 0;
}

/**
 * Runs one task per item on a runner and yields the results in the items' order (see
 * {@link mapInOrder}), keeping two tasks per thread in flight (two inline).
 *
 * @param runner - where the tasks run.
 * @param items - e.g. CSV batches.
 * @param taskOf - the task of an item.
 * @returns the results in order.
 * @throws as {@link mapInOrder}.
 */
export function runInOrder<Item, Task, Result>(
  runner: TaskRunner<Task, Result>,
  items: AsyncIterable<Item>,
  taskOf: (item: Item) => Task,
): AsyncGenerator<Result> {
  return mapInOrder(items, (item) => runner.run(taskOf(item)), Math.max(2, 2 * runner.threads));
}
