import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapInOrder, workerThreadCount } from '../src';
import { inlineRunner } from '../src/task-runner';
import { workerRunner } from '../src/worker-runner';
import { threadsFor } from '../src/worker-task';
import { squareTask } from './square-worker';

async function* numbers(count: number, failAfter?: number): AsyncGenerator<number> {
  for (let i = 1; i <= count; i++) {
    if (i === failAfter) throw new Error(`source failed at ${i}`);
    yield i;
  }
}

async function collect<T>(results: AsyncIterable<T>): Promise<{ values: T[]; error?: unknown }> {
  const values: T[] = [];
  try {
    for await (const value of results) values.push(value);
  } catch (error) {
    return { values, error };
  }
  return { values };
}

describe('mapInOrder', () => {
  it('yields results in task order however long each task takes', async () => {
    const slowFirst = (n: number) => sleep((10 - n) * 3).then(() => n * 10);
    expect((await collect(mapInOrder(numbers(9), slowFirst, 4))).values).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('keeps at most maxInFlight tasks started and not yet consumed', async () => {
    let running = 0;
    let most = 0;
    const task = async (n: number) => {
      most = Math.max(most, ++running);
      await sleep(2);
      running--;
      return n;
    };
    await collect(mapInOrder(numbers(20), task, 3));
    expect(most).toBe(3);
  });

  it('gives the results before a failed task, then its error; and when the source fails, what was started first', async () => {
    const failOn5 = async (n: number) => {
      if (n === 5) throw new Error('task 5 failed');
      return n;
    };
    expect(await collect(mapInOrder(numbers(9), failOn5, 3))).toEqual({
      values: [1, 2, 3, 4],
      error: new Error('task 5 failed'),
    });
    expect(await collect(mapInOrder(numbers(9, 7), async (n) => n, 4))).toEqual({
      values: [1, 2, 3, 4, 5, 6],
      error: new Error('source failed at 7'),
    });
  });
});

describe('workerRunner', () => {
  const script = new URL('./square-worker.ts', import.meta.url);

  it('runs tasks on worker threads and gives the same results as inline', async () => {
    const runner = workerRunner<number, number>({ script, threads: 2, workerData: 'test:square' });
    const inline = inlineRunner((n: number) => n * n);
    const onWorkers = await collect(mapInOrder(numbers(40), (n) => runner.run(n), 4));
    expect(onWorkers.values).toEqual((await collect(mapInOrder(numbers(40), (n) => inline.run(n), 4))).values);
    expect(onWorkers.values.slice(0, 5)).toEqual([1, 4, 9, 16, 25]);
  });

  it('revives a task error with its name, message and scalar properties', async () => {
    const runner = workerRunner<number, number>({
      script,
      threads: 1,
      workerData: 'test:square',
      reviveError: (error) => Object.assign(new RangeError(error.message), { code: error['code'] }),
    });
    await expect(runner.run(-3)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'negative: -3',
      code: 'NEGATIVE',
    });
    expect(await runner.run(7)).toBe(49);
  });
});

describe('workerThreadCount', () => {
  it('reads MEDALLION_WORKER_THREADS, else takes the cores, at most 4', () => {
    expect(workerThreadCount({ MEDALLION_WORKER_THREADS: '0' })).toBe(0);
    expect(workerThreadCount({ MEDALLION_WORKER_THREADS: ' 3 ' })).toBe(3);
    expect(workerThreadCount({ MEDALLION_WORKER_THREADS: '' })).toBe(Math.min(4, availableParallelism()));
    expect(workerThreadCount({})).toBe(Math.min(4, availableParallelism()));
  });

  it('refuses a MEDALLION_WORKER_THREADS that is not a whole number, never falling back in silence', () => {
    for (const bad of ['many', '-1', '1.5', '65'])
      expect(() => workerThreadCount({ MEDALLION_WORKER_THREADS: bad })).toThrow(
        `MEDALLION_WORKER_THREADS=${bad}: give a whole number of worker threads, 0 to 64`,
      );
  });
});

describe('threadsFor', () => {
  it('gives no threads below the threshold and the asked ones at or above it', () => {
    expect(threadsFor(1000, { threads: 3 }, 1024)).toBe(0);
    expect(threadsFor(1024, { threads: 3 }, 1024)).toBe(3);
    expect(threadsFor(10, { threads: 3, parallelMinBytes: 10 }, 1024)).toBe(3);
  });
});

describe('defineWorkerTask', () => {
  it('runs a small input inline and a large one on its workers, with the same results in order', async () => {
    const inline = await collect(squareTask.runInOrder(numbers(30), (n) => n + 1, 10, { threads: 2 }));
    const onWorkers = await collect(squareTask.runInOrder(numbers(30), (n) => n + 1, 100, { threads: 2 }));
    expect(inline.values.slice(0, 4)).toEqual([4, 9, 16, 25]);
    expect(onWorkers.values).toEqual(inline.values);
    expect(onWorkers.values).toHaveLength(30);
  });

  it('revives a task error from a worker with its reviver, and inline throws the task error itself', async () => {
    const failing = (n: number) => (n === 3 ? -1 : n);
    expect(await collect(squareTask.runInOrder(numbers(5), failing, 100, { threads: 1 }))).toEqual({
      values: [1, 4],
      error: Object.assign(new RangeError('negative: -1'), { code: 'NEGATIVE' }),
    });
    const inline = await collect(squareTask.runInOrder(numbers(5), failing, 10, { threads: 1 }));
    expect(inline.values).toEqual([1, 4]);
    expect(inline.error).toMatchObject({ name: 'RangeError', message: 'negative: -1', code: 'NEGATIVE' });
  });
});
