export { NotOnWorkerThreadError, WorkerPoolError } from './errors';
export { mapInOrder } from './map-in-order';
export { defineWorkerTask, type ParallelOptions, type WorkerTask, type WorkerTaskDefinition } from './worker-task';
export type { SerializedError } from './worker-runner';
export { workerThreadCount } from './worker-thread-count';
