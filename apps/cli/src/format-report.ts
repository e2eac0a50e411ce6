import Table from 'cli-table3';
import type { RunProblems, RunSummary } from './run-summary';

/** IDs shown per region on screen; the CSV and `--json` always carry all of them. */
const IDS_ON_SCREEN = 8;

/**
 * Formats the gold table and the run's counts for a person reading a terminal (stdout).
 *
 * @param summary - the run summary.
 * @param elapsedMs - wall time of the run in milliseconds.
 * @returns the text, ending with a newline.
 */
export function formatReport(summary: RunSummary, elapsedMs: number): string {
  const table = new Table({
    head: ['Region', 'Subscribed Customers', 'Customer IDs'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of summary.gold) {
    const ids = row.customerIds;
    const shown = ids.slice(0, IDS_ON_SCREEN).join(', ') + (ids.length > IDS_ON_SCREEN ? `, … (+${ids.length - IDS_ON_SCREEN} more)` : '');
    table.push([row.region, String(row.subscribedCustomers), `[${shown}]`]);
  }
  const c = summary.counts;
  const lines = [
    'Gold: customers by region (gold/customers_by_region.csv)',
    summary.gold.length > 0 ? table.toString() : '(no gold rows)',
    '',
    `${c.files} file(s): ${c.bronzeRows} bronze rows → ${c.silverRows} silver, ${c.quarantinedRows} quarantined, ${c.blankRows} blank; ` +
      `${c.unknownCountryRows} with an unknown country; ${c.rejectedFiles} file(s) rejected` +
      `${c.nonUtf8Files > 0 ? `; ${c.nonUtf8Files} file(s) read as Windows-1252 (not UTF-8)` : ''}. ${(elapsedMs / 1000).toFixed(1)} s.`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Formats rejected files and failed invocations, one line each, for stderr.
 *
 * @param problems - rejections and failures.
 * @returns the text (empty when there are none).
 */
export function formatProblems(problems: RunProblems): string {
  return [
    ...problems.rejections.map((r) => `rejected ${r.key}: ${r.reason}\n`),
    ...problems.failures.map((f) => `FAILED ${f.layer} on ${f.key}: ${f.message}\n`),
  ].join('');
}
