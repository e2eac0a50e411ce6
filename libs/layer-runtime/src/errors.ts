/** One object that failed during an invocation. */
export interface ObjectFailure {
  readonly key: string;
  /** The error's message (never row contents). */
  readonly message: string;
}

/**
 * The base of every error @medallion/layer-runtime throws (besides `RangeError`s for arguments out of range):
 * `instanceof LayerRuntimeError` catches any of them.
 */
export class LayerRuntimeError extends Error {
  override readonly name: string = 'LayerRuntimeError';
}

/**
 * Thrown by a layer handler after it has tried every object of an event, when at least one
 * failed: Lambda then retries the invocation and, after its retries, sends it to the
 * dead-letter destination. Carries each failure.
 */
export class LayerInvocationError extends LayerRuntimeError {
  override readonly name = 'LayerInvocationError';

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
