import { mapInOrder } from './map-in-order';
import { inlineRunner, type TaskRunner } from './task-runner';
import { serveTasksOnWorkerOf, workerRunner, type SerializedError } from './worker-runner';
import { workerThreadCount } from './worker-thread-count';

/** How a layer spreads the CSV work of one input over worker threads: the one options type of every layer that does. */
export interface ParallelOptions {
  /** Worker threads for inputs of at least `parallelMinBytes`. @default workerThreadCount() (`MEDALLION_WORKER_THREADS`) */
  readonly threads?: number;
  /** Smallest input (bytes) worth the worker threads; smaller ones run inline. @default the task's own (see {@link WorkerTaskDefinition}) */
  readonly parallelMinBytes?: number;
  /** Batch size (bytes) for `splitCsvStream`. @default 256 KiB */
  readonly batchBytes?: number;
}

/** One kind of task that runs on worker threads: its role, its function, the module that serves it. */
export interface WorkerTaskDefinition<Task, Result> {
  /** The workers' role, e.g. `medallion:silver-batch`: a worker started for it serves `work`. */
  readonly role: string;
  /** The task function: synchronous, structured-cloneable task and result; run inline for 0 threads. */
  readonly work: (task: Task) => Result;
  /**
   * The module the workers load: `new URL(import.meta.url)` of the module that calls
   * {@link defineWorkerTask} at its top level (the Lambda bundle, or the source file through tsx).
   */
  readonly script: URL;
  /** Inputs smaller than this (bytes) run inline unless {@link ParallelOptions.parallelMinBytes} says otherwise. */
  readonly parallelMinBytes: number;
  /** Rebuilds a task error thrown on a worker (e.g. a CsvSyntaxError with its code and line); by default a plain Error. */
  readonly reviveError?: (error: SerializedError) => Error;
}

/** A task kind defined by {@link defineWorkerTask}: runs its tasks over one input's items, in order. */
export interface WorkerTask<Task, Result> {
  /** The workers' role. */
  readonly role: string;
  /**
   * Runs one task per item and yields the results in the items' order, on worker threads when the
   * input is at least the parallel threshold (else inline), keeping two tasks per thread in flight.
   *
   * @param items - e.g. one input's CSV batches.
   * @param taskOf - the task of an item.
   * @param inputBytes - the input's size in bytes: decides the thread count.
   * @param options - threads and threshold.
   * @returns the results in order.
   * @throws the first failed task's error in item order, after the results before it (see `mapInOrder`).
   */
  runInOrder<Item>(
    items: AsyncIterable<Item>,
    taskOf: (item: Item) => Task,
    inputBytes: number,
    options: ParallelOptions,
  ): AsyncGenerator<Result>;
}

/**
 * Defines a task kind and, when the current thread is a worker started for its role, serves it
 * there. Call it at the top level of the module named by `script`, so that the workers that load
 * that module (or the bundle holding it) serve the tasks. The worker threads of each thread count
 * are started on first use and kept, so a warm Lambda environment's next invocations reuse them.
 *
 * @param definition - role, task function, script, parallel threshold (bytes), error reviver.
 * @returns the task kind.
 */
export function defineWorkerTask<Task, Result>(
  definition: WorkerTaskDefinition<Task, Result>,
): WorkerTask<Task, Result> {
  serveTasksOnWorkerOf(definition.role, definition.work);
  const runners = new Map<number, TaskRunner<Task, Result>>();
  const runnerFor = (threads: number): TaskRunner<Task, Result> => {
    if (threads <= 0) return inlineRunner(definition.work);
    let runner = runners.get(threads);
    if (!runner) {
      runner = workerRunner<Task, Result>({
        script: definition.script,
        threads,
        workerData: definition.role,
        ...(definition.reviveError ? { reviveError: definition.reviveError } : {}),
      });
      runners.set(threads, runner);
    }
    return runner;
  };
  return {
    role: definition.role,
    runInOrder: (items, taskOf, inputBytes, options) => {
      const runner = runnerFor(threadsFor(inputBytes, options, definition.parallelMinBytes));
      return mapInOrder(items, (item) => runner.run(taskOf(item)), Math.max(2, 2 * runner.threads));
    },
  };
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
export function threadsFor(inputBytes: number, options: ParallelOptions, defaultMinBytes: number): number {
  return inputBytes >= (options.parallelMinBytes ?? defaultMinBytes) ? (options.threads ?? workerThreadCount()) : 0;
}
