import {
  mergeAllCustomerRecords,
  mergeCustomerRecords,
  NO_CUSTOMER_RECORDS,
  renumberSources,
  type CustomerRecords,
} from '@medallion/customer-records';
import type { CheckpointBase } from './checkpoint';

/** A base is kept while the delta holds at most this share of the base's customers; past it the checkpoint holds the whole state again. */
const BASE_MAX_DELTA_SHARE = 0.25;

/** One set of records to merge; `source` set when it is one commit's customer table (a base candidate). */
export interface StatePart {
  readonly records: CustomerRecords;
  readonly source?: number;
}

/** A merged state, and the base it is stored with, if any. */
export interface BasedState {
  readonly state: CustomerRecords;
  readonly base?: CheckpointBase;
}

function fitsBase(delta: CustomerRecords, baseCustomers: number): boolean {
  return delta.count <= baseCustomers * BASE_MAX_DELTA_SHARE;
}

/**
 * Merges record sets into one state, choosing a base when one commit's customer table holds most of
 * it: the largest table of at least `minCustomers` customers whose merge with all the other sets
 * (the delta) holds at most a quarter as many records. The state is the same either way.
 *
 * @param parts - the sets, sources in the checkpoint's numbering.
 * @param rank - each source's position in ingest order.
 * @param minCustomers - the fewest customers of a base (see `checkpointSettings`).
 * @returns the state and, when chosen, its base (commit, customers, delta).
 */
export function mergeWithBase(parts: readonly StatePart[], rank: ArrayLike<number>, minCustomers: number): BasedState {
  let candidate: StatePart | undefined;
  for (const part of parts) {
    if (
      part.source !== undefined &&
      part.records.count >= minCustomers &&
      part.records.count > (candidate?.records.count ?? 0)
    )
      candidate = part;
  }
  if (candidate?.source === undefined)
    return {
      state: mergeAllCustomerRecords(
        parts.map((part) => part.records),
        rank,
      ),
    };
  const delta = mergeAllCustomerRecords(
    parts.filter((part) => part !== candidate).map((part) => part.records),
    rank,
  );
  const state = delta.count === 0 ? candidate.records : mergeCustomerRecords(candidate.records, delta, rank);
  return fitsBase(delta, candidate.records.count)
    ? { state, base: { commit: candidate.source, customers: candidate.records.count, delta } }
    : { state };
}

/**
 * The base after new commits are merged into a checkpoint that has one: the same base table (its
 * commit renumbered), the new records merged into the delta; none when the delta grew past a
 * quarter of the base.
 *
 * @param previous - the checkpoint's base.
 * @param renumber - the new index of each of the checkpoint's old commit indices.
 * @param added - the new commits' records, merged.
 * @param rank - each source's position in ingest order.
 * @returns the new base, or undefined.
 */
export function baseAfterMerge(
  previous: CheckpointBase,
  renumber: ArrayLike<number>,
  added: CustomerRecords,
  rank: ArrayLike<number>,
): CheckpointBase | undefined {
  const commit = renumber[previous.commit];
  if (commit === undefined || !Number.isInteger(commit)) return undefined;
  const delta = mergeCustomerRecords(
    previous.delta.count === 0 ? NO_CUSTOMER_RECORDS : renumberSources(previous.delta, renumber),
    added,
    rank,
  );
  return fitsBase(delta, previous.customers) ? { commit, customers: previous.customers, delta } : undefined;
}
