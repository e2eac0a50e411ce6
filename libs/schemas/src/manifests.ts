import { PREFIXES } from '@medallion/lake-layout';
import { ManifestFormatError } from './errors';

/** Where silver writes one manifest per bronze object: `silver/_manifests/<path>.json`. */
export const SILVER_MANIFEST_PREFIX = PREFIXES.silverManifests;

/**
 * Where silver writes each bronze object's customer table (`silver-customers/<path>.parquet`: each
 * Customer ID's latest record in the file, sorted), a prefix of its own so that a catalog table can
 * point at it. Gold and platinum read these instead of the wide silver tables.
 */
export const SILVER_CUSTOMERS_PREFIX = PREFIXES.silverCustomers;

/** Where gold writes the manifest of its table. */
export const GOLD_MANIFEST_KEY = 'gold/_manifests/customers_by_region.json';

/** Row counts of one bronze file; `dataRecords = silverRows + quarantinedRows + blankRows` always. */
export interface SilverCounts {
  /** Records after the header (rows). */
  readonly dataRecords: number;
  /** Rows written to silver. */
  readonly silverRows: number;
  /** Rows written to quarantine. */
  readonly quarantinedRows: number;
  /** Records whose fields are all empty after trimming: skipped. */
  readonly blankRows: number;
  /** Silver rows whose country named no known country (Region `Others`). */
  readonly unknownCountryRows: number;
  /** Failures per expectation name (warnings and quarantines), e.g. `{ "customer-id-present": 2 }`. */
  readonly ruleFailures: Readonly<Record<string, number>>;
  /**
   * The country values that named no known country (Region `Others`), trimmed, with their silver
   * rows, e.g. `{ "Atlantis": 3, "": 1 }`: what fell through the region table. Absent when there are
   * none. At most {@link MAX_UNKNOWN_COUNTRIES} distinct values a file; the rows of any further ones
   * are counted under {@link MORE_UNKNOWN_COUNTRIES}.
   */
  readonly unknownCountries?: Readonly<Record<string, number>>;
  /**
   * The status values that are neither subscribed nor not-subscribed values (`status-recognized`
   * warns; each counts as not subscribed), trimmed, with their silver rows, e.g. `{ "Aktiv": 3, "": 1 }`.
   * Absent when there are none. Bounded as {@link unknownCountries} is.
   */
  readonly unknownStatuses?: Readonly<Record<string, number>>;
  /**
   * Sections of the file, present only when there is more than one: two exports pasted together
   * repeat the header, and each repeated header record starts a section read by its own column
   * order. A repeated header record is neither a data record nor a blank one: the file's records
   * are its headers (the first one plus `sections - 1` repeats), its `sep=` lines and its
   * `dataRecords`.
   */
  readonly sections?: number;
  /**
   * `sep=` lines after the header (a pasted export's spreadsheet directive before its repeated
   * header, whatever delimiter it names), present only when there are any: neither data nor blank
   * records, skipped. A `sep=` first line is not counted (it is part of the header).
   */
  readonly sepLines?: number;
}

/** The most distinct unknown country values a file's counts keep (a file of unique garbage must not grow its manifest without bound). */
export const MAX_UNKNOWN_COUNTRIES = 1000;

/** The key under which the rows of unknown country values past {@link MAX_UNKNOWN_COUNTRIES} are counted. */
export const MORE_UNKNOWN_COUNTRIES = '(more values)';

/** An object version a manifest points at. */
export interface ManifestObject {
  readonly key: string;
  /** ETag without quotes. */
  readonly eTag: string;
  /** The S3 version, when the bucket is versioned. */
  readonly versionId?: string;
}

/**
 * The manifest entry of a stored object: its key and ETag, and its version only when it has one
 * (so the JSON holds no empty `versionId`).
 *
 * @param stored - a written or read object, e.g. `putObject`'s answer (`versionId` undefined on an unversioned store).
 * @returns e.g. `{ key: 'gold/customers_by_region.csv', eTag: '8b23…' }`.
 */
export function manifestObjectOf(stored: {
  readonly key: string;
  readonly eTag: string;
  readonly versionId?: string | undefined;
}): ManifestObject {
  return { key: stored.key, eTag: stored.eTag, ...(stored.versionId ? { versionId: stored.versionId } : {}) };
}

/**
 * Silver's record of one bronze object, written after its outputs: silver's commit record. Gold
 * reads only the silver tables that a `processed` manifest names, at the named version, so a silver
 * object written by a failed invocation (without its manifest) is never counted.
 */
export interface SilverManifest {
  readonly layer: 'silver';
  /** The code that wrote it (see `codeVersion`). */
  readonly codeVersion: string;
  /** The bronze object and its event: gold orders records across files by `eventTime`, then `sequencer`. */
  readonly source: {
    readonly key: string;
    readonly eTag: string;
    readonly eventTime: string;
    readonly sequencer: string;
  };
  /** `utf-8`, `windows-1252` when the bronze bytes were not valid UTF-8, or `unknown` for a file rejected under the `encoding` rule (it is neither). */
  readonly encoding: string;
  readonly outcome: 'processed' | 'rejected';
  /** For a rejected file: the rule and the reason. */
  readonly rejection?: { readonly rule: string; readonly reason: string };
  /** Row counts (rows are data records); all zero for a rejected file. */
  readonly counts: SilverCounts;
  /**
   * What silver wrote: the silver table, its customer table (absent in lakes written before customer
   * tables existed: readers then read the silver table) and the quarantine table (absent when none),
   * or the rejection record.
   */
  readonly outputs: {
    readonly silver?: ManifestObject;
    readonly customers?: ManifestObject;
    readonly quarantine?: ManifestObject;
    readonly rejection?: ManifestObject;
  };
  /**
   * What the manifest this one replaced named at keys this one does not (an earlier version's
   * quarantine rows or rejection record, its tables when this version is rejected): silver deletes
   * them after the commit, each only while it has the ETag given. Kept in the manifest so a retry
   * after a failure in between still knows them. Absent when there are none.
   */
  readonly replacedOutputs?: readonly ManifestObject[];
}

/**
 * Checks that a parsed JSON value is a silver manifest (the fields gold and the CLI use).
 *
 * @param value - parsed JSON.
 * @returns the manifest.
 * @throws Error naming what is missing.
 */
export function asSilverManifest(value: unknown): SilverManifest {
  const manifest = value as Partial<SilverManifest> | undefined;
  if (
    manifest?.layer !== 'silver' ||
    typeof manifest.source?.key !== 'string' ||
    !manifest.counts ||
    !manifest.outputs
  ) {
    throw new ManifestFormatError('not a silver manifest (needs layer "silver", source.key, counts and outputs)');
  }
  return manifest as SilverManifest;
}
