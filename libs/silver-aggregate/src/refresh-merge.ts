import { mergeAllCustomerRecords, mergeCustomerRecords, renumberSources } from '@medallion/customer-records';
import type { Checkpoint } from './checkpoint';
import { baseAfterMerge, mergeWithBase, type BasedState, type StatePart } from './checkpoint-base';
import type { ReadRecords } from './checkpoint-segments';
import type { RefreshPlan } from './refresh-plan';

/**
 * The sets read as state parts: a set that is one commit's customer table names its commit, so it
 * may become the checkpoint's base (named, not copied).
 */
function tablePartsOf(plan: RefreshPlan, readRecords: readonly ReadRecords[]): StatePart[] {
  return readRecords.map(({ records, source }) => ({
    records,
    ...(plan.commits[source]?.table?.format === 'customers' ? { source } : {}),
  }));
}

/**
 * Merges the sets read into the previous checkpoint's state. Unchanged commits keep their records;
 * only their positions in the new list of commits move. A base the previous checkpoint had is kept
 * while it still fits; without one, a large enough customer table read now may become one.
 */
function mergeIntoPrevious(
  plan: RefreshPlan,
  base: Checkpoint,
  readRecords: readonly ReadRecords[],
  tableParts: readonly StatePart[],
  baseMinCustomers: number,
): BasedState {
  const { commits, rank } = plan;
  const sourceOf = new Map(commits.map((commit, source) => [commit.manifestKey, source]));
  const renumber = Uint32Array.from(base.commits, (commit) => sourceOf.get(commit.manifestKey) ?? Number.NaN);
  const previous = renumberSources(base.state, renumber);
  const added = mergeAllCustomerRecords(
    readRecords.map(({ records }) => records),
    rank,
  );
  if (base.base) {
    const kept = baseAfterMerge(base.base, renumber, added, rank);
    return { state: mergeCustomerRecords(previous, added, rank), ...(kept ? { base: kept } : {}) };
  }
  if (tableParts.some((part) => part.source !== undefined && part.records.count >= baseMinCustomers))
    return mergeWithBase([{ records: previous }, ...tableParts], rank, baseMinCustomers);
  return { state: mergeCustomerRecords(previous, added, rank) };
}

/**
 * The refreshed state: for a rebuild the usable segments' sets and the sets read, merged (with a
 * base when one table holds most of it); for a merge, the sets read merged into the previous state.
 *
 * @param plan - the refresh's plan (commits as read).
 * @param readRecords - the sets read, sources = their commit's index.
 * @param baseMinCustomers - the fewest customers of a base (see `checkpointSettings`).
 * @returns the state and its base, if any.
 */
export function mergeRefreshedState(
  plan: RefreshPlan,
  readRecords: readonly ReadRecords[],
  baseMinCustomers: number,
): BasedState {
  const tableParts = tablePartsOf(plan, readRecords);
  if (plan.rebuild || !plan.base) {
    const segmentParts = (plan.usable?.sets ?? []).map((records) => ({ records }));
    return mergeWithBase([...segmentParts, ...tableParts], plan.rank, baseMinCustomers);
  }
  return mergeIntoPrevious(plan, plan.base, readRecords, tableParts, baseMinCustomers);
}
