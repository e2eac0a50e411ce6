/**
 * The base of every error @medallion/worker-pool throws itself (a task's own error is revived by its task's reviver):
 * `instanceof WorkerPoolError` catches any of them.
 */
export class WorkerPoolError extends Error {
  override readonly name: string = 'WorkerPoolError';
}

/** A worker-side entry point was called on the main thread. */
export class NotOnWorkerThreadError extends WorkerPoolError {
  override readonly name = 'NotOnWorkerThreadError';
}
