import { inlineRunner, type TaskRunner } from './task-runner';
import { workerRunner, type SerializedError } from './worker-runner';

/** A task kind: its role, its function, the module that serves it, and how to revive its errors. */
export interface SharedTaskRunnerOptions<Task, Result> {
  /** The workers' role; the module at `script` calls `serveTasksOnWorkerOf(role, work)` at its top level. */
  readonly role: string;
  /** The task function (run inline for 0 threads). */
  readonly work: (task: Task) => Result;
  /** The module the workers load: normally `new URL(import.meta.url)` of the module that serves the role. */
  readonly script: URL;
  /** Rebuilds a task error thrown on a worker. */
  readonly reviveError?: (error: SerializedError) => Error;
}

const runners = new Map<string, TaskRunner<never, unknown>>();

/**
 * The runner for a task kind with a thread count: inline for 0, else worker threads, made once per
 * role and count and kept, so the threads of a warm Lambda environment serve its next invocations.
 *
 * @param options - role, task function, script, error reviver.
 * @param threads - worker threads; 0 (or less) runs tasks on the calling thread.
 * @returns the runner.
 */
export function sharedTaskRunner<Task, Result>(
  options: SharedTaskRunnerOptions<Task, Result>,
  threads: number,
): TaskRunner<Task, Result> {
  if (threads <= 0) return inlineRunner(options.work);
  const key = `${options.role}/${threads}`;
  let runner = runners.get(key) as TaskRunner<Task, Result> | undefined;
  if (!runner) {
    runner = workerRunner<Task, Result>({
      script: options.script,
      threads,
      workerData: options.role,
      ...(options.reviveError ? { reviveError: options.reviveError } : {}),
    });
    runners.set(key, runner as TaskRunner<never, unknown>);
  }
  return runner;
}
