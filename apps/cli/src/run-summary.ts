import type { GoldResult, GoldTableRow } from '@medallion/gold';
import type { LayerInvocationReport } from '@medallion/layer-runtime';
import type { Delivery } from '@medallion/local-s3';
import type { PlatinumResult, PlatinumRow } from '@medallion/platinum';
import type { SilverAggregateResult } from '@medallion/silver-aggregate';
import type { SilverManifest } from '@medallion/schemas';
import type { SilverResult } from '@medallion/silver';
import { ruleNamed } from '@medallion/silver-rules';

/** Row and file counts of one run (rows are data records; see the README's row accounting). */
export interface RunCounts {
  /** Input files given. */
  files: number;
  /** Data records of the files that were read and not rejected. */
  bronzeRows: number;
  silverRows: number;
  quarantinedRows: number;
  blankRows: number;
  /** Silver rows whose country names no known country (Region `Others`). */
  unknownCountryRows: number;
  /** Files rejected whole. */
  rejectedFiles: number;
  /** Files that were not valid UTF-8 and were read as Windows-1252 (rejected files not counted). */
  nonUtf8Files: number;
  /** Rows that failed a rule whose action is `warn` (kept in silver, or quarantined for another rule), per rule, over all files. */
  warnings: Record<string, number>;
  /**
   * The ten country values (trimmed) with most rows that named no known country, over all files, most
   * rows first (ties in code-point order); each file's manifest lists all of its own.
   */
  unknownCountries: Array<{ country: string; rows: number }>;
  /**
   * The ten status values (trimmed) with most rows that are neither subscribed nor not-subscribed
   * values (each counted as not subscribed), over all files, most rows first; each manifest lists all of its own.
   */
  unknownStatuses: Array<{ status: string; rows: number }>;
}

/** How many unknown country or status values the summary shows. */
const UNKNOWN_VALUES_SHOWN = 10;

/** The values with most rows, most first, ties in code-point order. */
function mostRows(rowsByValue: ReadonlyMap<string, number>): Array<[value: string, rows: number]> {
  return [...rowsByValue]
    .sort(([a, rowsA], [b, rowsB]) => rowsB - rowsA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, UNKNOWN_VALUES_SHOWN);
}

/** What happened to one input file, as `--json` lists it in `files`. */
export interface FileOutcome {
  /** The bronze object key, e.g. `bronze/customers.csv`. */
  readonly key: string;
  /** `processed` (its rows are in silver or quarantine), `rejected` (whole; with no counts when silver could write nothing for it, see `object-key-fits`) or `failed` (no manifest: see the problems). */
  readonly outcome: 'processed' | 'rejected' | 'failed';
  /** For a rejected file: the rule and the reason. */
  readonly rule?: string;
  readonly reason?: string;
  /** `utf-8` or `windows-1252`: how its bytes were read (absent for a failed file). */
  readonly encoding?: string;
  /** Its rows (data records) and where they went; absent for a failed file, all zero for a rejected one. */
  readonly counts?: {
    readonly dataRecords: number;
    readonly silverRows: number;
    readonly quarantinedRows: number;
    readonly blankRows: number;
    readonly unknownCountryRows: number;
  };
  /** The quarantine object key, when the file had quarantined rows. */
  readonly quarantineKey?: string;
  /** The file's sections when its header repeats (two exports pasted together; absent for one). */
  readonly sections?: number;
  /** The file's `sep=` lines after its header, skipped (a pasted export's; absent when none). */
  readonly sepLines?: number;
  /** Rows that failed a `warn` rule, per rule (absent when none), e.g. `{ "status-column-present": 3 }`. */
  readonly warnings?: Readonly<Record<string, number>>;
}

/** The run summary `--json` prints: the gold table, the platinum table, the counts and each file's outcome. */
export interface RunSummary {
  /** Gold's rows; `customerIds` (each region's subscribed Customer IDs, in gold's order) is absent after {@link withoutCustomerIds}. */
  readonly gold: ReadonlyArray<{ region: string; subscribedCustomers: number; customerIds?: readonly string[] }>;
  /** Platinum's rows: customers, subscribed customers and the rate (a string such as `66.7`, as in the CSV) per region. */
  readonly platinum: ReadonlyArray<{
    region: string;
    customers: number;
    subscribedCustomers: number;
    subscriptionRate: string;
  }>;
  readonly counts: RunCounts;
  /** Each input file's outcome, in the order given. */
  readonly files: readonly FileOutcome[];
  /**
   * Failed handler invocations, and input files that ended with no manifest (also on stderr): when
   * gold or platinum failed, their tables here are empty or stale, and this says why.
   */
  readonly failures: ReadonlyArray<{ layer: string; key: string; message: string }>;
}

/** What the run noticed besides the summary, for stderr and the exit status. */
export interface RunProblems {
  /** Rejected files with their reasons. */
  readonly rejections: ReadonlyArray<{ key: string; reason: string }>;
  /** Failed handler invocations, and input files that ended with no manifest. */
  readonly failures: ReadonlyArray<{ layer: string; key: string; message: string }>;
}

/** The table rows an aggregate's invocation wrote, unless every event was already covered (then it wrote nothing). */
function lastTable<Row>(report: LayerInvocationReport<SilverAggregateResult<Row>>): readonly Row[] | undefined {
  return report.results.filter((result) => result.action !== 'covered').at(-1)?.rows;
}

/** A file's rows that failed a `warn` rule (kept or quarantined), per rule. */
function warningsOf(manifest: SilverManifest): Record<string, number> {
  return Object.fromEntries(
    Object.entries(manifest.counts.ruleFailures).filter(([rule]) => ruleNamed(rule)?.action === 'warn'),
  );
}

/** Adds a file's value → rows counts (a manifest's `unknownCountries` or `unknownStatuses`) to the run's. */
function addValueRows(total: Map<string, number>, file: Readonly<Record<string, number>> | undefined): void {
  for (const [value, rows] of Object.entries(file ?? {})) total.set(value, (total.get(value) ?? 0) + rows);
}

/** The run's unknown country and status values while files are added: value → rows. */
interface UnknownValues {
  readonly countries: Map<string, number>;
  readonly statuses: Map<string, number>;
}

/** Adds a processed file's rows to the run's counts, its warn-rule failures to `warnings`, its unknown country and status values to `unknown`. */
function addFileCounts(counts: RunCounts, manifest: SilverManifest, unknown: UnknownValues): void {
  addValueRows(unknown.countries, manifest.counts.unknownCountries);
  addValueRows(unknown.statuses, manifest.counts.unknownStatuses);
  counts.bronzeRows += manifest.counts.dataRecords;
  counts.silverRows += manifest.counts.silverRows;
  counts.quarantinedRows += manifest.counts.quarantinedRows;
  counts.blankRows += manifest.counts.blankRows;
  counts.unknownCountryRows += manifest.counts.unknownCountryRows;
  for (const [rule, failures] of Object.entries(warningsOf(manifest)))
    counts.warnings[rule] = (counts.warnings[rule] ?? 0) + failures;
}

/**
 * Silver's rejections that left no manifest (a bronze key whose outputs S3 would refuse), by bronze key.
 *
 * @param deliveries - the run's invocations.
 * @returns bronze key → rule and reason.
 */
function unrecordedRejections(deliveries: readonly Delivery[]): Map<string, { rule: string; reason: string }> {
  const found = new Map<string, { rule: string; reason: string }>();
  for (const delivery of deliveries) {
    if (delivery.route !== 'silver' || delivery.error) continue;
    for (const result of (delivery.result as LayerInvocationReport<SilverResult>).results)
      if (result.kind === 'rejected' && result.outputKeys.length === 0)
        found.set(result.bronzeKey, { rule: result.rule, reason: result.reason });
  }
  return found;
}

/** One file's outcome from its manifest, or from silver's result when it could write none. */
function fileOutcomeOf(
  key: string,
  manifest: SilverManifest | undefined,
  unrecorded: { rule: string; reason: string } | undefined,
): FileOutcome {
  if (!manifest) return unrecorded ? { key, outcome: 'rejected', ...unrecorded } : { key, outcome: 'failed' };
  const { dataRecords, silverRows, quarantinedRows, blankRows, unknownCountryRows } = manifest.counts;
  const quarantineKey = manifest.outputs.quarantine?.key;
  const warnings = warningsOf(manifest);
  return {
    key,
    outcome: manifest.outcome,
    ...(manifest.rejection ? { rule: manifest.rejection.rule, reason: manifest.rejection.reason } : {}),
    encoding: manifest.encoding,
    counts: { dataRecords, silverRows, quarantinedRows, blankRows, unknownCountryRows },
    ...(quarantineKey && quarantinedRows > 0 ? { quarantineKey } : {}),
    ...(Object.keys(warnings).length > 0 ? { warnings } : {}),
    ...(manifest.counts.sections ? { sections: manifest.counts.sections } : {}),
    ...(manifest.counts.sepLines ? { sepLines: manifest.counts.sepLines } : {}),
  };
}

/** The tables the aggregates wrote last, and the failed invocations. */
function readDeliveries(deliveries: readonly Delivery[]): {
  gold: readonly GoldTableRow[];
  platinum: readonly PlatinumRow[];
  failures: Array<{ layer: string; key: string; message: string }>;
} {
  const failures: Array<{ layer: string; key: string; message: string }> = [];
  let gold: readonly GoldTableRow[] = [];
  let platinum: readonly PlatinumRow[] = [];
  for (const delivery of deliveries) {
    if (delivery.error) failures.push({ layer: delivery.route, key: delivery.key, message: delivery.error.message });
    else if (delivery.route === 'gold') gold = lastTable(delivery.result as LayerInvocationReport<GoldResult>) ?? gold;
    else if (delivery.route === 'platinum')
      platinum = lastTable(delivery.result as LayerInvocationReport<PlatinumResult>) ?? platinum;
  }
  return { gold, platinum, failures };
}

/**
 * A run's counts before any file is read: every count 0, no warnings, no unknown countries.
 *
 * @param files - how many files the run has.
 * @returns new counts (mutable: the summary adds to them).
 */
export function emptyRunCounts(files: number): RunCounts {
  return {
    files,
    bronzeRows: 0,
    silverRows: 0,
    quarantinedRows: 0,
    blankRows: 0,
    unknownCountryRows: 0,
    rejectedFiles: 0,
    nonUtf8Files: 0,
    warnings: {},
    unknownCountries: [],
    unknownStatuses: [],
  };
}

/**
 * Builds the run summary from what the lake records: the counts and each file's outcome from each
 * input file's silver manifest, the gold and platinum tables from the last recompute of each (each
 * runs one at a time, so its last one saw all of silver: later invocations found their events
 * covered; its report carries the rows it wrote, IDs unsplit), and the problems.
 *
 * @param inputKeys - the bronze keys of the run's files, in order.
 * @param manifests - the silver manifest of each input key, undefined where none was written.
 * @param deliveries - every finished invocation of the run, in completion order.
 * @returns the summary and the problems.
 */
export function summarizeRun(
  inputKeys: readonly string[],
  manifests: ReadonlyArray<SilverManifest | undefined>,
  deliveries: readonly Delivery[],
): { summary: RunSummary; problems: RunProblems } {
  const counts = emptyRunCounts(inputKeys.length);
  const unknown: UnknownValues = { countries: new Map(), statuses: new Map() };
  const { gold, platinum, failures } = readDeliveries(deliveries);
  const rejections: Array<{ key: string; reason: string }> = [];
  const unrecorded = unrecordedRejections(deliveries);
  const files = inputKeys.map((key, index) => fileOutcomeOf(key, manifests[index], unrecorded.get(key)));
  for (const [index, file] of files.entries()) {
    const manifest = manifests[index];
    if (file.outcome === 'rejected' && !manifest) {
      counts.rejectedFiles++;
      rejections.push({ key: file.key, reason: file.reason ?? 'rejected' });
    } else if (!manifest) {
      if (!failures.some((failure) => failure.key === file.key))
        failures.push({ layer: 'silver', key: file.key, message: 'no silver manifest was written for this file' });
    } else if (manifest.outcome === 'rejected') {
      counts.rejectedFiles++;
      rejections.push({ key: file.key, reason: manifest.rejection?.reason ?? 'rejected' });
    } else {
      if (manifest.encoding !== 'utf-8') counts.nonUtf8Files++;
      addFileCounts(counts, manifest, unknown);
    }
  }
  counts.unknownCountries = mostRows(unknown.countries).map(([country, rows]) => ({ country, rows }));
  counts.unknownStatuses = mostRows(unknown.statuses).map(([status, rows]) => ({ status, rows }));
  const summary: RunSummary = {
    gold: gold.map((row) => ({
      region: row.region,
      subscribedCustomers: row.subscribedCustomers,
      customerIds: row.customerIds,
    })),
    platinum: platinum.map((row) => ({
      region: row.region,
      customers: row.customers,
      subscribedCustomers: row.subscribedCustomers,
      subscriptionRate: row.subscriptionRate,
    })),
    counts,
    files,
    failures,
  };
  return { summary, problems: { rejections, failures } };
}

/**
 * The summary without gold's Customer IDs (`--no-customer-ids`): for a large lake, whose IDs would
 * make the JSON line as long as gold's CSV (a million IDs of 4 characters: over 7 MB).
 *
 * @param summary - a run summary.
 * @returns the same summary, each gold row only its region and count.
 */
export function withoutCustomerIds(summary: RunSummary): RunSummary {
  return {
    ...summary,
    gold: summary.gold.map((row) => ({ region: row.region, subscribedCustomers: row.subscribedCustomers })),
  };
}
