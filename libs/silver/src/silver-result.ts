import type { TextEncoding } from '@medallion/csv-io';
import type { SilverCounts } from '@medallion/schemas';

export type { SilverCounts } from '@medallion/schemas';

/** What silver did with one bronze object. */
export interface SilverResult {
  readonly bronzeKey: string;
  /** How the bronze bytes were decoded: `utf-8`, or `windows-1252` when they were not valid UTF-8. */
  readonly encoding: TextEncoding;
  /** The bronze object's ETag, as read. */
  readonly bronzeETag: string;
  /** Set when the file was rejected whole: the reason. No silver object is written then. */
  readonly rejected: string | undefined;
  /** The expectation that rejected the file (e.g. `column-names-unique`, `quarantine-threshold`, `well-formed-csv`). */
  readonly rejectedBy: string | undefined;
  /** Set when the event was stale (an older version, or an object that has changed since): the reason. Nothing was written. */
  readonly stale: string | undefined;
  /** True when the bronze object was deleted and silver removed what it had derived from it. */
  readonly removed?: boolean;
  /** Keys written: the silver table, the quarantine table or the rejection record, and the manifest (last). */
  readonly outputKeys: string[];
  readonly counts: SilverCounts;
}

/** Counts of a file that was not read (rejected before its first data record). */
export const NO_ROWS: SilverCounts = {
  dataRecords: 0,
  silverRows: 0,
  quarantinedRows: 0,
  blankRows: 0,
  unknownCountryRows: 0,
  ruleFailures: {},
};
