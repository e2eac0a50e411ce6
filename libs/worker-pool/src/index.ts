export { mapInOrder } from './map-in-order';
export { inlineRunner, type TaskRunner } from './task-runner';
export { serveTasks, workerRunner, type WorkerRunnerOptions } from './worker-runner';
export { workerThreadCount } from './worker-thread-count';
