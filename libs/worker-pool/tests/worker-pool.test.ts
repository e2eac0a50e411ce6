import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inlineRunner, mapInOrder, runInOrder, threadsFor, workerRunner, workerThreadCount } from '../src';

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
    expect(workerThreadCount({ MEDALLION_WORKER_THREADS: 'many' })).toBe(Math.min(4, availableParallelism()));
  });
});

describe('threadsFor and runInOrder', () => {
  it('give no threads below the threshold, the asked ones above it, and run tasks in order on a runner', async () => {
    expect(threadsFor(1000, { threads: 3 }, 1024)).toBe(0);
    expect(threadsFor(1024, { threads: 3 }, 1024)).toBe(3);
    expect(threadsFor(10, { threads: 3, parallelMinBytes: 10 }, 1024)).toBe(3);
    expect(
      (
        await collect(
          runInOrder(
            inlineRunner((n: number) => n * 2),
            numbers(5),
            (n) => n + 1,
          ),
        )
      ).values,
    ).toEqual([4, 6, 8, 10, 12]);
  });
});
