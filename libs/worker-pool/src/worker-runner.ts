import { isMainThread, parentPort, Worker, workerData as currentWorkerData } from 'node:worker_threads';
import type { TaskRunner } from './task-runner';
import { NotOnWorkerThreadError } from './errors';

/** An error thrown by a task on a worker, as it crosses threads: its name, message and own enumerable properties (e.g. `code`, `line`). */
export type SerializedError = { readonly name: string; readonly message: string } & Readonly<Record<string, unknown>>;

/** How to start the workers of a {@link workerRunner}. */
export interface WorkerRunnerOptions {
  /**
   * The module each worker loads: one that calls {@link serveTasks} when it is loaded on a worker
   * whose `workerData` is {@link WorkerRunnerOptions.workerData}. A `.ts` module (source run
   * through tsx: the CLI, tests) is loaded through tsx; a bundle (`.mjs`, on Lambda) as it is.
   */
  readonly script: URL;
  /** Worker threads to start (on first use, one at a time as tasks need them). */
  readonly threads: number;
  /** The workers' `workerData`: tells the script which tasks to serve, e.g. `medallion:silver-batch`. */
  readonly workerData: string;
  /** Rebuilds an error a task threw on a worker; by default a plain `Error` with its name and message. */
  readonly reviveError?: (error: SerializedError) => Error;
}

interface Job {
  readonly task: unknown;
  readonly resolve: (result: never) => void;
  readonly reject: (error: unknown) => void;
}

type Reply = { readonly result: unknown } | { readonly error: SerializedError };

function startWorker(script: URL, workerData: string): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData });
  // Source run through tsx: register tsx's loader in the worker first, then load the script.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function defaultRevive(error: SerializedError): Error {
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

/**
 * A runner whose tasks run on worker threads, one task per worker at a time, queued in order. Idle
 * workers do not keep the process alive (a Lambda environment or the CLI can exit or freeze with
 * them), busy ones do. A worker that dies fails its task and is replaced on the next one.
 *
 * @param options - the script, thread count, role and error reviver.
 * @returns the runner (`threads` as asked).
 */
export function workerRunner<Task, Result>(options: WorkerRunnerOptions): TaskRunner<Task, Result> {
  const pool = new WorkerThreads(options);
  return {
    threads: options.threads,
    run: (task) => pool.run(task) as Promise<Result>,
  };
}

/** The worker threads of one {@link workerRunner}: the queue of jobs, the idle workers, and which job each busy one runs. */
class WorkerThreads {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job>();
  /** Workers started and not lost. */
  private started = 0;
  private readonly revive: (error: SerializedError) => Error;

  constructor(private readonly options: WorkerRunnerOptions) {
    this.revive = options.reviveError ?? defaultRevive;
  }

  /** Queues a task and starts it on an idle worker, or on a new one while fewer than `threads` run. */
  run(task: unknown): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (result: never) => void, reject });
      const worker = this.idle.pop() ?? (this.started < this.options.threads ? this.spawn() : undefined);
      if (worker) this.dispatch(worker);
    });
  }

  /** Gives the worker the next queued job, or lets it idle (not keeping the process alive). */
  private dispatch(worker: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      worker.unref();
      this.idle.push(worker);
      return;
    }
    this.running.set(worker, job);
    worker.ref();
    worker.postMessage({ task: job.task });
  }

  /** Starts a worker: each reply settles its job and frees it for the next; an error or exit loses it. */
  private spawn(): Worker {
    this.started++;
    const worker = startWorker(this.options.script, this.options.workerData);
    worker.on('message', (reply: Reply) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      if (job) {
        if ('error' in reply) job.reject(this.revive(reply.error));
        else job.resolve(reply.result as never);
      }
      this.dispatch(worker);
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => {
      if (this.running.has(worker) || this.idle.includes(worker))
        this.lose(worker, new Error(`worker thread exited with code ${code}`));
    });
    return worker;
  }

  /** Forgets a worker that died, failing the job it was running. */
  private lose(worker: Worker, error: unknown): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    this.started--;
    job?.reject(error instanceof Error ? error : new Error(`worker thread stopped: ${String(error)}`));
  }
}

function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) properties[key] = value;
  return { ...properties, name: error.name, message: error.message };
}

/**
 * The worker side of {@link workerRunner}: answers each task the main thread sends with `work`'s
 * result, or with the error it threw (name, message and own scalar properties).
 *
 * @param work - the task function; synchronous, one task at a time.
 * @throws NotOnWorkerThreadError when called on the main thread.
 */
export function serveTasks<Task, Result>(work: (task: Task) => Result): void {
  const port = parentPort;
  if (isMainThread || !port) throw new NotOnWorkerThreadError('serveTasks runs only on a worker thread');
  port.on('message', (message: { task: Task }) => {
    let reply: Reply;
    try {
      reply = { result: work(message.task) };
    } catch (error) {
      reply = { error: serializeError(error) };
    }
    port.postMessage(reply);
  });
}

/**
 * Serves `work` when the current thread is a worker started for `role` (see {@link workerRunner}'s
 * `workerData`); does nothing on the main thread or on a worker of another role. Call it at the top
 * level of the module whose URL the runner starts workers from, so that loading that module (or
 * the bundle holding it) on a worker makes the worker serve.
 *
 * @param role - the role, e.g. `medallion:silver-batch`.
 * @param work - the task function.
 */
export function serveTasksOnWorkerOf<Task, Result>(role: string, work: (task: Task) => Result): void {
  if (!isMainThread && currentWorkerData === role) serveTasks(work);
}
