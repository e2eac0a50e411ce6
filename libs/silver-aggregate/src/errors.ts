import { MedallionError } from '@medallion/errors';

/**
 * Base class of the errors the aggregates' mechanism raises (gold, platinum and generated customer
 * aggregates): an invocation failing with one is retried by Lambda.
 */
export class SilverAggregateError extends MedallionError {}

/**
 * The aggregate's state would hold more customers than fit in the function's memory: the
 * invocation stops before it runs out of memory. The message names the limit and what to do.
 */
export class AggregateStateTooLargeError extends SilverAggregateError {}

/** A commit's table was replaced while the aggregate read it (a store without versions): the recompute starts over. */
export class CommitChangedError extends SilverAggregateError {}

/** Why a stored checkpoint (or one of its segments) is not used: the state is rebuilt from the commits instead. */
export class UnusableCheckpointError extends SilverAggregateError {}

/**
 * Other invocations won every conditional write for a number of attempts in a row: this one gives
 * up and fails, and the next invocation (Lambda's retry) does the work. The message names the object.
 */
export class ContendedWriteError extends SilverAggregateError {}
