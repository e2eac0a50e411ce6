import type { TextEncoding } from '@medallion/csv-io';
import type { SilverCounts } from '@medallion/schemas';

export type { SilverCounts } from '@medallion/schemas';

/** A bronze object silver read and committed: its silver table, customer table, quarantine rows (when any) and manifest. */
export interface SilverProcessed {
  readonly kind: 'processed';
  readonly bronzeKey: string;
  /** How the bronze bytes were decoded: `utf-8`, or `windows-1252` when they were not valid UTF-8. */
  readonly encoding: TextEncoding;
  /** The bronze object's ETag, as read. */
  readonly bronzeETag: string;
  /** Keys written: the silver table, the customer table, the quarantine table (when rows were refused), the manifest (last). */
  readonly outputKeys: string[];
  readonly counts: SilverCounts;
}

/** A bronze object rejected whole: a rejection record and a `rejected` manifest; no silver object. */
export interface SilverRejected {
  readonly kind: 'rejected';
  readonly bronzeKey: string;
  /** How the bronze bytes were decoded (see {@link SilverProcessed.encoding}); `unknown` for a file refused under the `encoding` rule (it is neither). */
  readonly encoding: TextEncoding | 'unknown';
  /** The bronze object's ETag, as read. */
  readonly bronzeETag: string;
  /** Why the file was rejected. */
  readonly reason: string;
  /** The expectation that rejected the file (e.g. `column-names-unique`, `quarantine-threshold`, `well-formed-csv`). */
  readonly rule: string;
  /** Keys written: the rejection record, then the manifest. */
  readonly outputKeys: string[];
  /** No rows: a rejected file adds nothing to silver (the rejection record carries what was counted). */
  readonly counts: SilverCounts;
}

/** An event that was stale (an older version, or an object that has changed since): nothing was written. */
export interface SilverStale {
  readonly kind: 'stale';
  readonly bronzeKey: string;
  /** The bronze ETag as read, else the event's; '' when neither is known. */
  readonly bronzeETag: string;
  /** Why the event was stale. */
  readonly reason: string;
}

/** A deleted bronze object: silver removed its manifest and what it had derived from it. */
export interface SilverRemoved {
  readonly kind: 'removed';
  readonly bronzeKey: string;
}

/** What silver did with one bronze event: processed, rejected, stale or removed (`kind`), with only that kind's fields. */
export type SilverResult = SilverProcessed | SilverRejected | SilverStale | SilverRemoved;

/** Counts of a file that was not read (rejected before its first data record). */
export const NO_ROWS: SilverCounts = {
  dataRecords: 0,
  silverRows: 0,
  quarantinedRows: 0,
  blankRows: 0,
  unknownCountryRows: 0,
  ruleFailures: {},
};

/**
 * The counts a result carries: a processed or rejected file's, {@link NO_ROWS} for a stale event or a removal.
 *
 * @param result - what silver did.
 * @returns the counts (data records, silver, quarantined and blank rows, rule failures).
 */
export function countsOf(result: SilverResult): SilverCounts {
  return result.kind === 'processed' || result.kind === 'rejected' ? result.counts : NO_ROWS;
}
