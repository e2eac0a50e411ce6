/**
 * Runs tasks with up to `maxInFlight` at once and yields their results in the tasks' order, so a
 * consumer sees the same sequence as a sequential loop. Reading of tasks pauses while `maxInFlight`
 * results wait (back-pressure: memory is bounded by `maxInFlight` tasks and results).
 *
 * @param tasks - the tasks, in order.
 * @param run - starts one task.
 * @param maxInFlight - tasks running or waiting to be consumed at once (at least 1).
 * @returns the results in order.
 * @throws the first failed task's error, in task order, after the results before it; when the task
 *   source itself fails, the results of the tasks already started come first, then its error.
 */
export async function* mapInOrder<Task, Result>(
  tasks: AsyncIterable<Task>,
  run: (task: Task) => Promise<Result>,
  maxInFlight: number,
): AsyncGenerator<Result> {
  const inFlight: Promise<Result>[] = [];
  const source = tasks[Symbol.asyncIterator]();
  let sourceDone = false;
  try {
    for (;;) {
      let next: IteratorResult<Task>;
      try {
        next = await source.next();
      } catch (error) {
        sourceDone = true;
        // The source failed: the tasks already started come first, as in a sequential loop.
        yield* drainInOrder(inFlight);
        throw error;
      }
      if (next.done) break;
      const result = run(next.value);
      // Handled when its turn comes; until then a failure must not count as unhandled.
      result.catch(() => undefined);
      inFlight.push(result);
      const oldest = inFlight.length >= Math.max(1, maxInFlight) ? inFlight.shift() : undefined;
      if (oldest) yield await oldest;
    }
    sourceDone = true;
    yield* drainInOrder(inFlight);
  } finally {
    // A consumer that stops early (or a failed task) closes the source too.
    if (!sourceDone) await source.return?.();
  }
}

/** Yields each pending result, oldest first, until none is left. */
async function* drainInOrder<Result>(inFlight: Promise<Result>[]): AsyncGenerator<Result> {
  for (let oldest = inFlight.shift(); oldest; oldest = inFlight.shift()) yield await oldest;
}
