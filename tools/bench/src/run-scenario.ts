import { BENCH_MEMORY, readSetting } from '@medallion/settings';
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { serveAggregateFunction } from './aggregate-functions';
import { SCENARIOS } from './scenarios';

/**
 * One phase of a measurement, each in its own process (so peak RSS belongs to the step alone):
 * - `run-scenario <scenario> <rows> prepare <lake folder> <state file>`: makes the input, fills the lake, writes the state;
 * - `run-scenario <scenario> <rows> run <lake folder> <state file>`: starts the store on the folder and runs the step,
 *   printing one JSON line `{"rows","bytes","wallSeconds","peakRssMB"}`: wall time of the step itself, peak RSS
 *   (getrusage's maxrss, from the OS) of this process (the embedded S3 server included), or of the child process
 *   the step measured (`many-files`: the CLI).
 */
// Layers' worker threads load this bundle too (see `defineWorkerTask`), and so do the aggregate
// functions' threads (`serveAggregateFunction`): only the main thread runs a phase.
if (isMainThread) {
  const [name = '', rowsArg = '', phase = '', lakeDirectory = '', stateFile = ''] = process.argv.slice(2);
  const scenario = SCENARIOS[name];
  const rows = Number(rowsArg);
  if (
    !scenario ||
    !Number.isInteger(rows) ||
    rows <= 0 ||
    !['prepare', 'run'].includes(phase) ||
    !lakeDirectory ||
    !stateFile
  ) {
    process.stderr.write(
      `usage: run-scenario <${Object.keys(SCENARIOS).join('|')}> <rows> prepare|run <lake folder> <state file>\n`,
    );
    process.exit(2);
  }
  if (phase === 'prepare') {
    writeFileSync(stateFile, JSON.stringify(await scenario.prepare(rows, lakeDirectory)));
  } else {
    const { run, close } = await scenario.open(rows, lakeDirectory, JSON.parse(readFileSync(stateFile, 'utf8')));
    // MEDALLION_BENCH_MEMORY=1: also print (stderr) the largest heap and off-heap figures seen during the step.
    const most: Record<string, number> = {};
    const sampler =
      readSetting(process.env, BENCH_MEMORY) === true
        ? setInterval(() => {
            for (const [kind, bytes] of Object.entries(process.memoryUsage()))
              most[kind] = Math.max(most[kind] ?? 0, Math.round(bytes / 2 ** 20));
          }, 20)
        : undefined;
    const started = performance.now();
    const work = await run();
    const wallSeconds = (performance.now() - started) / 1000;
    if (sampler) {
      clearInterval(sampler);
      process.stderr.write(`memory during the step (MiB, largest seen): ${JSON.stringify(most)}\n`);
    }
    await close();
    const peakRssMB = work.peakRssMB ?? process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`${JSON.stringify({ rows: work.rows, bytes: work.bytes, wallSeconds, peakRssMB })}\n`);
  }
} else {
  serveAggregateFunction();
}
