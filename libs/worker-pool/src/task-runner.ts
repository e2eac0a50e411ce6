/** Runs one kind of task: on worker threads, or inline on the calling thread. */
export interface TaskRunner<Task, Result> {
  /** Worker threads behind the runner; 0 when tasks run inline. */
  readonly threads: number;
  /**
   * Runs one task.
   *
   * @param task - the task (structured-cloneable when the runner uses workers).
   * @returns the task's result.
   * @throws what the task threw (revived, when it ran on a worker).
   */
  run(task: Task): Promise<Result>;
}

/**
 * A runner that runs each task on the calling thread, for one vCPU (a 1,769 MB Lambda) and small inputs.
 *
 * @param work - the task function.
 * @returns a runner with `threads: 0`.
 */
export function inlineRunner<Task, Result>(work: (task: Task) => Result): TaskRunner<Task, Result> {
  return { threads: 0, run: async (task) => work(task) };
}
