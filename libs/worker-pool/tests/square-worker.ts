import { workerData } from 'node:worker_threads';
import { defineWorkerTask } from '../src';
import { serveTasks } from '../src/worker-runner';

function square(n: number): number {
  if (n < 0) throw Object.assign(new RangeError(`negative: ${n}`), { code: 'NEGATIVE' });
  return n * n;
}

/** A worker for the tests: squares numbers, refuses negative ones with a RangeError carrying a code. */
if (workerData === 'test:square') serveTasks(square);

/** The same work as a task kind: inline below 50 bytes of input, else on workers of its own role. */
export const squareTask = defineWorkerTask({
  role: 'test:square-task',
  work: square,
  script: new URL(import.meta.url),
  parallelMinBytes: 50,
  reviveError: (error) => Object.assign(new RangeError(error.message), { code: error['code'] }),
});
