import type { LayerInvocationReport } from '@medallion/layer-runtime';
import type { Delivery } from '@medallion/local-s3';
import type { GoldResult } from '@medallion/gold';
import type { SilverResult } from '@medallion/silver';

/** Row and file counts of one run (rows are data records; see the README's row accounting). */
export interface RunCounts {
  /** Input files given. */
  files: number;
  /** Data records of the files that were read. */
  bronzeRows: number;
  silverRows: number;
  quarantinedRows: number;
  blankRows: number;
  /** Silver rows whose country names no known country (Region `Others`). */
  unknownCountryRows: number;
  /** Files rejected whole. */
  rejectedFiles: number;
  /** Files that were not valid UTF-8 and were read as Windows-1252. */
  nonUtf8Files: number;
}

/** The run summary `--json` prints: the gold table and the counts. */
export interface RunSummary {
  readonly gold: ReadonlyArray<{ region: string; subscribedCustomers: number; customerIds: readonly string[] }>;
  readonly counts: RunCounts;
}

/** What the run noticed besides the summary, for the human report and the exit status. */
export interface RunProblems {
  /** Rejected files with their reasons. */
  readonly rejections: ReadonlyArray<{ key: string; reason: string }>;
  /** Failed handler invocations with their messages. */
  readonly failures: ReadonlyArray<{ layer: string; key: string; message: string }>;
}

/**
 * Sums the silver handlers' reports into run counts, takes the gold table from the last gold
 * recompute (gold runs one at a time, so the last one saw all of silver; its report carries the
 * rows it wrote, IDs unsplit), and collects rejections and failures.
 *
 * @param files - the number of input files.
 * @param deliveries - every finished invocation of the run, in completion order.
 * @returns the summary and the problems.
 */
export function summarizeRun(files: number, deliveries: readonly Delivery[]): { summary: RunSummary; problems: RunProblems } {
  const counts: RunCounts = { files, bronzeRows: 0, silverRows: 0, quarantinedRows: 0, blankRows: 0, unknownCountryRows: 0, rejectedFiles: 0, nonUtf8Files: 0 };
  let gold: GoldResult['rows'] = [];
  const rejections: Array<{ key: string; reason: string }> = [];
  const failures: Array<{ layer: string; key: string; message: string }> = [];
  for (const delivery of deliveries) {
    if (delivery.error) {
      failures.push({ layer: delivery.route, key: delivery.key, message: delivery.error.message });
      continue;
    }
    if (delivery.route === 'gold') {
      for (const result of (delivery.result as LayerInvocationReport<GoldResult>).results) gold = result.rows;
      continue;
    }
    if (delivery.route !== 'silver') continue;
    for (const result of (delivery.result as LayerInvocationReport<SilverResult>).results) {
      if (result.encoding !== 'utf-8') counts.nonUtf8Files++;
      if (result.rejected !== undefined) {
        counts.rejectedFiles++;
        rejections.push({ key: result.bronzeKey, reason: result.rejected });
        continue;
      }
      counts.bronzeRows += result.counts.dataRecords;
      counts.silverRows += result.counts.silverRows;
      counts.quarantinedRows += result.counts.quarantinedRows;
      counts.blankRows += result.counts.blankRows;
      counts.unknownCountryRows += result.counts.unknownCountryRows;
    }
  }
  const summary = {
    gold: gold.map((row) => ({ region: row.region, subscribedCustomers: row.subscribedCustomers, customerIds: row.customerIds })),
    counts,
  };
  return { summary, problems: { rejections, failures } };
}
