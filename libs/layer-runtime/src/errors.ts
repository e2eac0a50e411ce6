import { MedallionError } from '@medallion/errors';

/** One object that failed during an invocation. */
export interface ObjectFailure {
  readonly key: string;
  /** The error's message (never row contents). */
  readonly message: string;
}

/**
 * Base class of the errors a layer handler raises itself (not its layer's): today, an invocation in
 * which some object failed.
 */
export class LayerRuntimeError extends MedallionError {}

/**
 * Thrown by a layer handler after it has tried every object of an event, when at least one
 * failed: Lambda then retries the invocation and, after its retries, sends it to the
 * dead-letter destination. Carries each failure.
 */
export class LayerInvocationError extends LayerRuntimeError {
  /**
   * @param layer - the layer's name.
   * @param failures - the failed objects, at least one.
   */
  constructor(
    readonly layer: string,
    readonly failures: readonly ObjectFailure[],
  ) {
    super(`${layer}: ${failures.length} object(s) failed: ${failures.map((f) => `${f.key}: ${f.message}`).join('; ')}`);
  }
}
