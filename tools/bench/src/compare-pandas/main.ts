import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { goldDisagreement } from './gold-agreement';
import { writeRegionsJson } from './regions-json';
import { GNU_TIME, timedRun, type TimedRun } from './timed-process';

const USAGE = `usage: npm run bench:compare-pandas -- [--rows N] [--rounds N] [--pandas-dir DIR] [--threads N] [--json FILE]
  Times medallion and the pandas reference on the same generated file (npm run generate: the
  original sample schema with a status column, N distinct customers), alternating, and prints the
  medians and the ratio. medallion: npm start --silent -- --json FILE, one process, start-up
  included. pandas: pandas_silver.py, then pandas_gold.py, each a process of its own.
  A benchmark, not a test: skipped with a message where /usr/bin/python3 has no pandas.
  --rows N        rows of the generated file (default 1000000)
  --rounds N      rounds, each running both (default 3; the order alternates)
  --pandas-dir D  the folder of pandas_silver.py and pandas_gold.py (default ../shared/perf)
  --threads N     MEDALLION_WORKER_THREADS for medallion (default: unset, as a user runs it)
  --json FILE     also write the samples and medians as JSON`;

/** The issue's targets: medallion's total at most this share of pandas', and its peak RSS. */
const TARGET_RATIO = 0.8;
const TARGET_PEAK_RSS_MB = 400;
const PYTHON = '/usr/bin/python3';

function usageError(message: string): never {
  process.stderr.write(`bench:compare-pandas: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function skip(why: string): never {
  process.stdout.write(`bench:compare-pandas: skipped: ${why}\n`);
  process.exit(0);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      rounds: { type: 'string', default: '3' },
      'pandas-dir': { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const wholeNumber = (option: string, value: string): number => {
  if (!/^[1-9]\d*$/.test(value)) usageError(`--${option} ${value}: give a whole number, 1 or more`);
  return Number(value);
};
const rows = wholeNumber('rows', values.rows);
const rounds = wholeNumber('rounds', values.rounds);
if (values.threads !== undefined && !/^\d+$/.test(values.threads))
  usageError(`--threads ${values.threads}: give a whole number of worker threads`);

const workspace = fileURLToPath(new URL('../../../../', import.meta.url));
const pandasDir = values['pandas-dir'] ?? `${workspace}../shared/perf`;
const silverScript = `${pandasDir}/pandas_silver.py`;
const goldScript = `${pandasDir}/pandas_gold.py`;
if (!existsSync(silverScript) || !existsSync(goldScript))
  skip(`no pandas_silver.py and pandas_gold.py in ${pandasDir} (give --pandas-dir)`);
if (!existsSync(GNU_TIME)) skip(`${GNU_TIME} (GNU time) is missing: apt-get install -y time`);
if (spawnSync(PYTHON, ['-c', 'import pandas']).status !== 0)
  skip(`${PYTHON} has no pandas: apt-get install -y python3-pandas`);

const work = `${workspace}tmp/compare-pandas`;
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const bronze = `${work}/customers-${rows}.csv`;
const generated = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'tools/data-generator/src/main.ts', '--rows', String(rows), '--out', bronze],
  { cwd: workspace, encoding: 'utf8' },
);
if (generated.status !== 0) throw new Error(`npm run generate failed:\n${generated.stderr}`);
const regions = `${work}/REGIONS.json`;
const spellings = await writeRegionsJson(bronze, regions);

const medallionEnv = {
  ...process.env,
  ...(values.threads === undefined ? {} : { MEDALLION_WORKER_THREADS: values.threads }),
};
const runPandas = (): { silver: TimedRun; gold: TimedRun } => {
  const silver = timedRun(PYTHON, [silverScript, bronze, `${work}/pandas-silver.csv`, regions], { cwd: work });
  const gold = timedRun(PYTHON, [goldScript, `${work}/pandas-silver.csv`, `${work}/pandas-gold.csv`], { cwd: work });
  return { silver, gold };
};
const runMedallion = (): TimedRun =>
  timedRun('npm', ['start', '--silent', '--', '--json', bronze], {
    cwd: workspace,
    env: medallionEnv,
    stdoutFile: `${work}/medallion.json`,
  });

process.stdout.write(
  `${availableParallelism()} cores, Node ${process.version}; ${rows.toLocaleString('en-US')} rows, ${spellings} country spellings; ${rounds} rounds\n`,
);
const samples: Array<{ pandasSilver: TimedRun; pandasGold: TimedRun; medallion: TimedRun }> = [];
for (let round = 0; round < rounds; round++) {
  let pandas: { silver: TimedRun; gold: TimedRun };
  let medallion: TimedRun;
  if (round % 2 === 0) {
    pandas = runPandas();
    medallion = runMedallion();
  } else {
    medallion = runMedallion();
    pandas = runPandas();
  }
  const disagreement = goldDisagreement(`${work}/medallion.json`, `${work}/pandas-gold.csv`);
  if (disagreement !== undefined) throw new Error(`medallion and pandas disagree on gold: ${disagreement}`);
  samples.push({ pandasSilver: pandas.silver, pandasGold: pandas.gold, medallion });
  const pandasTotal = pandas.silver.wallSeconds + pandas.gold.wallSeconds;
  process.stdout.write(
    `round ${round + 1}: pandas ${pandasTotal.toFixed(2)} s, medallion ${medallion.wallSeconds.toFixed(2)} s (gold tables agree)\n`,
  );
}

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
const pandasSilver = median(samples.map((s) => s.pandasSilver.wallSeconds));
const pandasGold = median(samples.map((s) => s.pandasGold.wallSeconds));
const pandasTotal = median(samples.map((s) => s.pandasSilver.wallSeconds + s.pandasGold.wallSeconds));
const pandasPeak = median(samples.map((s) => Math.max(s.pandasSilver.peakRssMB, s.pandasGold.peakRssMB)));
const medallionTotal = median(samples.map((s) => s.medallion.wallSeconds));
const medallionPeak = median(samples.map((s) => s.medallion.peakRssMB));
const ratio = medallionTotal / pandasTotal;
const row = (tool: string, silver: string, gold: string, total: number, peak: number) =>
  `| ${tool.padEnd(44)} | ${silver.padStart(8)} | ${gold.padStart(8)} | ${`${total.toFixed(2)} s`.padStart(8)} | ${`${peak.toFixed(0)} MB`.padStart(8)} |\n`;
process.stdout.write(
  `\n| ${'tool (median of rounds)'.padEnd(44)} |   silver |     gold |    total | peak RSS |\n| ${'-'.repeat(44)} | -------: | -------: | -------: | -------: |\n` +
    row(
      'pandas (pandas_silver.py + pandas_gold.py)',
      `${pandasSilver.toFixed(2)} s`,
      `${pandasGold.toFixed(2)} s`,
      pandasTotal,
      pandasPeak,
    ) +
    row('medallion (npm start --silent -- --json FILE)', '', '', medallionTotal, medallionPeak) +
    `\nmedallion / pandas: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}); ` +
    `medallion peak RSS ${medallionPeak.toFixed(0)} MB (target ≤ ${TARGET_PEAK_RSS_MB}: ${medallionPeak <= TARGET_PEAK_RSS_MB ? 'met' : 'MISSED'})\n`,
);
if (values.json)
  writeFileSync(
    values.json,
    `${JSON.stringify({ rows, rounds, samples, pandasSilver, pandasGold, pandasTotal, pandasPeak, medallionTotal, medallionPeak, ratio }, null, 2)}\n`,
  );
rmSync(work, { recursive: true, force: true });
