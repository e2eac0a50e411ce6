import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** One benchmark result, as `--json` writes it. */
interface BenchResult {
  name: string;
  rows: number;
  bytes: number;
  wallSeconds: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  peakRssMB: number;
  /** The fastest and slowest of the runs (s): the spread the median hides on a noisy machine. */
  minWallSeconds: number;
  maxWallSeconds: number;
  /** The aggregates issue's target for this step (s), when it has one, and whether the median meets it. */
  targetSeconds?: number;
  targetMet?: boolean;
}

const USAGE = `usage: npm run bench -- [--runs N] [--json FILE] [--threads N] [--smoke] [--only NAME,...]
  Measures each step in its own process (after preparing its input and lake in another) and prints
  rows/s, MB/s, wall time and peak RSS (median of N runs, default 3).
  The steps run as one esbuild bundle (minified ESM, as the Lambdas run), not through tsx.
  Steps (size in rows, or in five-row files):
    silver-100k, silver-1m, silver-3m   silver on one bronze file, through the embedded S3
    aggregate-first-1m                  gold and platinum after silver committed 1M customers into an empty lake
    aggregate-incremental-1m            gold and platinum on one more five-row file, their checkpoints holding 1M customers
    aggregate-incremental-steady-1m     the same on functions that made those checkpoints themselves (held in memory)
    aggregate-replace-1000              gold and platinum on a new version of one of 1,000 files (a rebuild)
    aggregate-remove-1000               gold and platinum on the deletion of one of 1,000 files (a rebuild)
    many-files-1000, many-files-4000    medallion run --json on that many files, a fresh lake, as a process of its own
    transform-silver-1m                 silver's transform alone, no S3
    transform-aggregate-1m              a customer table decoded, merged and the gold table formatted, no S3
  --threads N  worker threads for the layers (MEDALLION_WORKER_THREADS); default: the cores, at most 4 (as the layers)
  --smoke      tiny sizes, one run: checks the bench works (part of npm test)`;

function usageError(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      json: { type: 'string' },
      threads: { type: 'string' },
      smoke: { type: 'boolean' },
      only: { type: 'string' },
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
if (!/^[1-9]\d*$/.test(values.runs)) usageError(`--runs ${values.runs}: give a whole number of runs, 1 or more`);
if (values.threads !== undefined && !/^\d+$/.test(values.threads))
  usageError(`--threads ${values.threads}: give a whole number of worker threads, 0 or more`);
const smoke = values.smoke === true;
const runs = smoke ? 1 : Number(values.runs);
const k = smoke ? 0.002 : 1;
/** name → [scenario, size (rows, or files for the steps over many files)] */
const PLAN: Array<[string, string, number]> = [
  ['silver-100k', 'silver', 100_000 * k],
  ['silver-1m', 'silver', 1_000_000 * k],
  ['silver-3m', 'silver', 3_000_000 * k],
  ['aggregate-first-1m', 'aggregate-first', 1_000_000 * k],
  ['aggregate-incremental-1m', 'aggregate-incremental', 1_000_000 * k],
  ['aggregate-incremental-steady-1m', 'aggregate-incremental-steady', 1_000_000 * k],
  ['aggregate-replace-1000', 'aggregate-replace', 1000 * k],
  ['aggregate-remove-1000', 'aggregate-remove', 1000 * k],
  ['many-files-1000', 'many-files', 1000 * k],
  ['many-files-4000', 'many-files', 4000 * k],
  ['transform-silver-1m', 'transform-silver', 1_000_000 * k],
  ['transform-aggregate-1m', 'transform-aggregate', 1_000_000 * k],
];
/**
 * The aggregates issue's targets (wall s of the median run). many-files-4000's is 4.5 × 30 s, or
 * 4.5 times many-files-1000's measured median when that is less (the 4,000 files must scale too).
 */
const TARGET_SECONDS: Record<string, number> = {
  'aggregate-first-1m': 1.5,
  'aggregate-incremental-1m': 1.5,
  'aggregate-incremental-steady-1m': 1.5,
  'aggregate-replace-1000': 3,
  'aggregate-remove-1000': 3,
  'many-files-1000': 30,
  'many-files-4000': 4.5 * 30,
};
const only = values.only?.split(',');
const unknown = only?.filter((name) => !PLAN.some(([step]) => step === name)) ?? [];
if (unknown.length > 0)
  usageError(`--only ${unknown.join(',')}: no such step (steps: ${PLAN.map(([step]) => step).join(', ')})`);
const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const runner = `${workspace}tmp/bench/run-scenario.mjs`;
mkdirSync(`${workspace}tmp/bench`, { recursive: true });
// One bundle, as the Lambdas run: no tsx in the measured process or its worker threads.
buildSync({
  entryPoints: [fileURLToPath(new URL('./run-scenario.ts', import.meta.url))],
  outfile: runner,
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  banner: {
    js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
  },
});
const threads = values.threads ?? String(Math.min(4, availableParallelism()));
process.stdout.write(
  `${availableParallelism()} cores, ${threads} worker thread(s) (MEDALLION_WORKER_THREADS), Node ${process.version}\n`,
);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const results: BenchResult[] = [];
for (const [name, scenario, rows] of PLAN.filter(([name]) => !only || only.includes(name))) {
  const samples: Array<{ rows: number; bytes: number; wallSeconds: number; peakRssMB: number }> = [];
  for (let run = 0; run < runs; run++) {
    const lake = `${workspace}tmp/bench/lake-${name}-${run}`;
    rmSync(lake, { recursive: true, force: true });
    const phase = (which: 'prepare' | 'run') =>
      spawnSync(process.execPath, [runner, scenario, String(Math.round(rows)), which, lake, `${lake}.json`], {
        encoding: 'utf8',
        cwd: workspace,
        env: {
          ...process.env,
          MEDALLION_WORKER_THREADS: threads,
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          POWERTOOLS_METRICS_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        maxBuffer: 16 * 1024 * 1024,
      });
    const prepared = phase('prepare');
    const child = prepared.status === 0 ? phase('run') : prepared;
    rmSync(lake, { recursive: true, force: true });
    rmSync(`${lake}.json`, { force: true });
    if (child.status !== 0) {
      process.stderr.write(`${name} failed (exit ${child.status}):\n${child.stderr}\n`);
      process.exit(1);
    }
    samples.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? ''));
  }
  const wallSeconds = median(samples.map((s) => s.wallSeconds));
  const { rows: done, bytes } = samples[0] ?? { rows: 0, bytes: 0 };
  const walls = samples.map((s) => s.wallSeconds);
  const thousandFiles = results.find((r) => r.name === 'many-files-1000');
  const targetSeconds = smoke
    ? undefined
    : name === 'many-files-4000' && thousandFiles
      ? Math.min(4.5 * thousandFiles.wallSeconds, TARGET_SECONDS[name] ?? Infinity)
      : TARGET_SECONDS[name];
  const result: BenchResult = {
    name,
    rows: done,
    bytes,
    wallSeconds,
    rowsPerSecond: done / wallSeconds,
    mbPerSecond: bytes / 1e6 / wallSeconds,
    peakRssMB: median(samples.map((s) => s.peakRssMB)),
    minWallSeconds: Math.min(...walls),
    maxWallSeconds: Math.max(...walls),
    ...(targetSeconds === undefined ? {} : { targetSeconds, targetMet: wallSeconds <= targetSeconds }),
  };
  results.push(result);
  const spread = runs > 1 ? ` (${result.minWallSeconds.toFixed(2)}–${result.maxWallSeconds.toFixed(2)})` : '';
  const target =
    targetSeconds === undefined
      ? ''
      : `  target ≤ ${targetSeconds.toFixed(1)} s: ${result.targetMet ? 'met' : 'MISSED'}`;
  process.stdout.write(
    `${name.padEnd(32)} ${String(done).padStart(9)} rows ${(bytes / 1e6).toFixed(1).padStart(7)} MB ${wallSeconds.toFixed(2).padStart(7)} s${spread} ` +
      `${Math.round(result.rowsPerSecond).toString().padStart(8)} rows/s ${result.mbPerSecond.toFixed(1).padStart(6)} MB/s ${result.peakRssMB.toFixed(0).padStart(5)} MB peak RSS${target}\n`,
  );
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
