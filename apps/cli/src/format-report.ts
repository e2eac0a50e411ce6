import Table from 'cli-table3';
import type { FileOutcome, RunProblems, RunSummary } from './run-summary';

/** IDs shown per region on screen; the CSV and `--json` carry all of them (`--no-customer-ids`: none). */
const IDS_ON_SCREEN = 8;

/** A table on screen: a header row, then the rows, no lines between rows. */
function screenTable(head: string[], rows: readonly string[][]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  table.push(...rows);
  return table.toString();
}

/**
 * Formats the gold table, the platinum table and the run's counts for a person reading a terminal
 * (stdout); then the failed layer invocations, each rejected file with its rule and reason, each file with quarantined rows with
 * its quarantine key, and the rows that failed a warn rule, per rule.
 *
 * @param summary - the run summary.
 * @param elapsedMs - wall time of the run in milliseconds.
 * @returns the text, ending with a newline.
 */
export function formatReport(summary: RunSummary, elapsedMs: number): string {
  const withIds = summary.gold.every((row) => row.customerIds !== undefined);
  const gold = summary.gold.map((row) => {
    const ids = row.customerIds ?? [];
    const shown =
      ids.slice(0, IDS_ON_SCREEN).join(', ') +
      (ids.length > IDS_ON_SCREEN ? `, … (+${ids.length - IDS_ON_SCREEN} more)` : '');
    return [row.region, String(row.subscribedCustomers), ...(withIds ? [`[${shown}]`] : [])];
  });
  const platinum = summary.platinum.map((row) => [
    row.region,
    String(row.customers),
    String(row.subscribedCustomers),
    row.subscriptionRate,
  ]);
  const c = summary.counts;
  const lines = [
    'Gold: customers by region (gold/customers_by_region.csv)',
    gold.length > 0
      ? screenTable(['Region', 'Subscribed Customers', ...(withIds ? ['Customer IDs'] : [])], gold)
      : '(no gold rows)',
    '',
    'Platinum: subscription rate by region, % (platinum/subscription_rate_by_region.csv)',
    platinum.length > 0
      ? screenTable(['Region', 'Customers', 'Subscribed Customers', 'Subscription Rate'], platinum)
      : '(no platinum rows)',
    '',
    `${c.files} file(s): ${c.bronzeRows} bronze rows → ${c.silverRows} silver, ${c.quarantinedRows} quarantined, ${c.blankRows} blank; ` +
      `${c.unknownCountryRows} with an unknown country; ${c.rejectedFiles} file(s) rejected` +
      `${c.nonUtf8Files > 0 ? `; ${c.nonUtf8Files} file(s) read as Windows-1252 (not UTF-8)` : ''}. ${(elapsedMs / 1000).toFixed(1)} s.`,
    ...failureLines(summary.failures),
    ...fileLines(summary.files),
    ...warningLines(c.warnings),
    ...valueRowsLines(
      'countries not in the region table',
      c.unknownCountries.map(({ country, rows }) => [country, rows]),
    ),
    ...valueRowsLines(
      'statuses not recognized, counted as not subscribed',
      c.unknownStatuses.map(({ status, rows }) => [status, rows]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The layers that failed, so that tables left empty by a failure do not read as a clean run: one
 * line naming how many, then one per failure (its layer and object key; the message is on stderr).
 */
function failureLines(failures: RunSummary['failures']): string[] {
  if (failures.length === 0) return [];
  return [
    `FAILED: ${failures.length} layer invocation(s) failed, so the tables above may be incomplete (messages on stderr):`,
    ...failures.map((failure) => `  ${failure.layer} on ${failure.key}`),
  ];
}

/** One line per rejected file (its rule and reason), per file with quarantined rows (its quarantine key), per file without a status column. */
function fileLines(files: readonly FileOutcome[]): string[] {
  return files.flatMap((file) => {
    if (file.outcome === 'rejected')
      return [`rejected ${file.key} (${file.rule ?? 'rule unknown'}): ${file.reason ?? ''}`];
    const lines: string[] = [];
    if (file.quarantineKey && file.counts)
      lines.push(`quarantined ${file.counts.quarantinedRows} row(s) of ${file.key} → ${file.quarantineKey}`);
    if (file.sections) lines.push(`${file.key} repeats its header: read as ${file.sections} sections`);
    if (file.sepLines) lines.push(`${file.key} repeats its sep= line: ${file.sepLines} skipped`);
    if (file.encoding === 'windows-1252') lines.push(`${file.key} read as Windows-1252 (not UTF-8)`);
    const unstated = file.warnings?.['status-column-present'];
    if (unstated)
      lines.push(
        `${file.key} has no status column (Subscription Status or Status): its ${unstated} row(s) count as subscribed (status-column-present)`,
      );
    return lines;
  });
}

/** Values with their rows (unknown countries or statuses, most rows first) on one line after `title`, none when there are none; an empty value shows as `(empty)`. */
function valueRowsLines(title: string, values: ReadonlyArray<readonly [value: string, rows: number]>): string[] {
  if (values.length === 0) return [];
  const shown = values.map(([value, rows]) => `${value === '' ? '(empty)' : JSON.stringify(value)} ${rows}`);
  return [`${title} (rows; see each manifest for all): ${shown.join(', ')}`];
}

/** The rows that failed a `warn` rule (kept in silver, or quarantined for another rule), per rule, on one line (none when there are none). */
function warningLines(warnings: Readonly<Record<string, number>>): string[] {
  const entries = Object.entries(warnings).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length > 0 ? [`warnings (rows): ${entries.map(([rule, rows]) => `${rule} ${rows}`).join(', ')}`] : [];
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
