import { MedallionError } from '@medallion/errors';

/** Errors of the pool itself; a task's own error reaches the caller revived by its task's `reviveError`, not as one of these. */
export class WorkerPoolError extends MedallionError {}

/** A worker-side entry point was called on the main thread. */
export class NotOnWorkerThreadError extends WorkerPoolError {}
