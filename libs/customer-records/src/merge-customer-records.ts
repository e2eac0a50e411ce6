import type { TextColumn } from '@medallion/parquet-io';
import { compareCustomerIds } from './compare-customer-ids';
import { NO_CUSTOMER_RECORDS, type CustomerRecords } from './customer-records';
import { TooManyRegionsError } from './errors';

/** Whether a text column's values lie back to back in its bytes, so that a run of them is one copy. */
function isCompact(ids: TextColumn): boolean {
  const { starts, ends } = ids;
  for (let i = 1; i < starts.length; i++) if (starts[i] !== ends[i - 1]) return false;
  return true;
}

/** One side of a merge: its records, its region codes in the output's numbering, whether its IDs are compact. */
interface Side {
  readonly records: CustomerRecords;
  readonly regionCode: Uint16Array;
  readonly compact: boolean;
}

function sideOf(records: CustomerRecords, regions: string[]): Side {
  const regionCode = Uint16Array.from(records.regions, (name) => {
    let code = regions.indexOf(name);
    if (code < 0) {
      if (regions.length === 65_536) throw new TooManyRegionsError();
      code = regions.push(name) - 1;
    }
    return code;
  });
  return { records, regionCode, compact: isCompact(records.ids) };
}

/** The merged records, filled in order. */
class MergedRecords {
  count = 0;
  private bytesUsed = 0;
  readonly bytes: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly region: Uint16Array;
  readonly subscribed: Uint8Array;
  readonly line: Int32Array;
  readonly source: Uint32Array;

  constructor(capacity: number, idBytes: number) {
    this.bytes = new Uint8Array(idBytes);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.region = new Uint16Array(capacity);
    this.subscribed = new Uint8Array(capacity);
    this.line = new Int32Array(capacity);
    this.source = new Uint32Array(capacity);
  }

  /** Appends records `[from, to)` of a side. */
  copy(side: Side, from: number, to: number): void {
    if (to <= from) return;
    const { records, regionCode } = side;
    const { bytes, starts, ends } = records.ids;
    const at = this.count;
    const outStarts = this.starts;
    const outEnds = this.ends;
    const outBytes = this.bytes;
    if (side.compact) {
      const shift = this.bytesUsed - starts[from]!;
      outBytes.set(bytes.subarray(starts[from]!, ends[to - 1]!), this.bytesUsed);
      for (let i = from, o = at; i < to; i++, o++) {
        outStarts[o] = starts[i]! + shift;
        outEnds[o] = ends[i]! + shift;
      }
      this.bytesUsed = ends[to - 1]! + shift;
    } else {
      let used = this.bytesUsed;
      for (let i = from, o = at; i < to; i++, o++) {
        const end = ends[i]!;
        outStarts[o] = used;
        for (let k = starts[i]!; k < end; k++) outBytes[used++] = bytes[k]!;
        outEnds[o] = used;
      }
      this.bytesUsed = used;
    }
    const outRegion = this.region;
    const region = records.region;
    for (let i = from, o = at; i < to; i++, o++) outRegion[o] = regionCode[region[i]!]!;
    this.subscribed.set(records.subscribed.subarray(from, to), at);
    this.line.set(records.line.subarray(from, to), at);
    this.source.set(records.source.subarray(from, to), at);
    this.count += to - from;
  }

  /** The records, trimmed to what was filled. */
  finish(regions: readonly string[]): CustomerRecords {
    const n = this.count;
    return {
      count: n,
      ids: {
        bytes: this.bytes.subarray(0, this.bytesUsed),
        starts: this.starts.subarray(0, n),
        ends: this.ends.subarray(0, n),
      },
      regions,
      region: this.region.subarray(0, n),
      subscribed: this.subscribed.subarray(0, n),
      line: this.line.subarray(0, n),
      source: this.source.subarray(0, n),
    };
  }
}

/**
 * The first index in `[from, count)` of a side whose ID is not below the pivot's, by galloping then
 * bisecting: a run of one side costs O(log run) comparisons.
 */
function skipBelow(side: CustomerRecords, from: number, pivot: CustomerRecords, at: number): number {
  const { bytes, starts, ends } = side.ids;
  const p = pivot.ids;
  const below = (i: number): boolean =>
    compareCustomerIds(bytes, starts[i]!, ends[i]!, p.bytes, p.starts[at]!, p.ends[at]!) < 0;
  let low = from;
  let step = 1;
  let high = from;
  while (high < side.count && below(high)) {
    low = high + 1;
    high = from + step;
    step *= 2;
  }
  high = Math.min(high, side.count);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (below(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function idBytesOf(records: CustomerRecords): number {
  let total = 0;
  for (let i = 0; i < records.count; i++) total += records.ids.ends[i]! - records.ids.starts[i]!;
  return total;
}

/**
 * Merges two sets of customer records (each sorted by Customer ID, one record per ID) into one:
 * every customer of either, and for a customer in both, the record whose source ranks later in
 * ingest order (`rank[source]`; on a tie, `newer`'s). Linear in the records, with runs of one side
 * copied in bulk, so a few new records cost little more than copying the others.
 *
 * @param older - records, e.g. a checkpoint's state.
 * @param newer - records, e.g. one commit's customer table (sources in the same numbering as `older`'s).
 * @param rank - each source's position in ingest order (higher is later), indexed by source.
 * @returns the merged records: IDs compact in one new buffer, Regions of both (older's first).
 * @throws TooManyRegionsError past 65,536 distinct Region values.
 */
export function mergeCustomerRecords(
  older: CustomerRecords,
  newer: CustomerRecords,
  rank: ArrayLike<number>,
): CustomerRecords {
  const regions: string[] = [];
  const a = sideOf(older, regions);
  const b = sideOf(newer, regions);
  const out = new MergedRecords(older.count + newer.count, idBytesOf(older) + idBytesOf(newer));
  let i = 0;
  let j = 0;
  const x = older.ids;
  const y = newer.ids;
  while (i < older.count && j < newer.count) {
    const order = compareCustomerIds(x.bytes, x.starts[i]!, x.ends[i]!, y.bytes, y.starts[j]!, y.ends[j]!);
    if (order < 0) {
      const next = skipBelow(older, i, newer, j);
      out.copy(a, i, next);
      i = next;
    } else if (order > 0) {
      const next = skipBelow(newer, j, older, i);
      out.copy(b, j, next);
      j = next;
    } else {
      if (rank[older.source[i]!]! > rank[newer.source[j]!]!) out.copy(a, i, i + 1);
      else out.copy(b, j, j + 1);
      i++;
      j++;
    }
  }
  out.copy(a, i, older.count);
  out.copy(b, j, newer.count);
  return out.finish(regions);
}

/**
 * Merges any number of record sets as {@link mergeCustomerRecords} merges two, pairwise in a
 * balanced tree (each record is copied about log2(sets) times).
 *
 * @param sets - record sets, sources in one numbering.
 * @param rank - each source's position in ingest order.
 * @returns the merged records.
 */
export function mergeAllCustomerRecords(sets: readonly CustomerRecords[], rank: ArrayLike<number>): CustomerRecords {
  let level = [...sets];
  if (level.length === 0) return NO_CUSTOMER_RECORDS;
  while (level.length > 1) {
    const next: CustomerRecords[] = [];
    for (let k = 0; k < level.length; k += 2)
      next.push(k + 1 < level.length ? mergeCustomerRecords(level[k]!, level[k + 1]!, rank) : level[k]!);
    level = next;
  }
  return level[0]!;
}

/**
 * The same records with their sources renumbered (a source's index moved in its holder's list).
 *
 * @param records - the records.
 * @param renumber - the new index of each old source index.
 * @returns the records, with a new `source` column.
 * @throws RangeError when a record's source has no new index.
 */
export function renumberSources(records: CustomerRecords, renumber: ArrayLike<number>): CustomerRecords {
  const source = new Uint32Array(records.count);
  for (let i = 0; i < records.count; i++) {
    const renumbered = renumber[records.source[i]!];
    if (renumbered === undefined || !Number.isInteger(renumbered))
      throw new RangeError(`record ${i} has source ${records.source[i]}, which has no new number`);
    source[i] = renumbered;
  }
  return { ...records, source };
}
