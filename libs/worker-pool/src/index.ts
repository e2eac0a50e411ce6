export { mapInOrder } from './map-in-order';
export { inlineRunner, type TaskRunner } from './task-runner';
export {
  serveTasks,
  serveTasksOnWorkerOf,
  workerRunner,
  type SerializedError,
  type WorkerRunnerOptions,
} from './worker-runner';
export { sharedTaskRunner, type SharedTaskRunnerOptions } from './shared-task-runner';
export { workerThreadCount } from './worker-thread-count';
export { runInOrder, threadsFor, type BatchProcessingOptions } from './batch-processing';
