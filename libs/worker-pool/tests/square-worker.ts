import { workerData } from 'node:worker_threads';
import { serveTasks } from '../src';

/** A worker for the tests: squares numbers, refuses negative ones with a RangeError carrying a code. */
if (workerData === 'test:square') {
  serveTasks((n: number) => {
    if (n < 0) throw Object.assign(new RangeError(`negative: ${n}`), { code: 'NEGATIVE' });
    return n * n;
  });
}
