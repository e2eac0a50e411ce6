/**
 * The aggregate's state would hold more customers than fit in the function's memory: the
 * invocation stops before it runs out of memory. The message names the limit and what to do.
 */
export class AggregateStateTooLargeError extends Error {
  override readonly name = 'AggregateStateTooLargeError';
}

/** A commit's table was replaced while the aggregate read it (a store without versions): the recompute starts over. */
export class CommitChangedError extends Error {
  override readonly name = 'CommitChangedError';
}
