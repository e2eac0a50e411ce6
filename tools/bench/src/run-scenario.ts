import { isMainThread } from 'node:worker_threads';
import { SCENARIOS } from './scenarios';

/**
 * One measurement in its own process (so peak RSS belongs to this step alone):
 * `run-scenario.ts <scenario> <rows>`. Prints one JSON line:
 * `{"rows","bytes","wallSeconds","peakRssMB"}`; wall time covers the timed part only, peak RSS
 * (getrusage's maxrss, from the OS) the whole process, preparation included.
 */
// Layers' worker threads load this bundle too (see `silverBatchRunner`): only the main thread measures.
if (isMainThread) {
  const [name = '', rowsArg = ''] = process.argv.slice(2);
  const scenario = SCENARIOS[name];
  const rows = Number(rowsArg);
  if (!scenario || !Number.isInteger(rows) || rows <= 0) {
    process.stderr.write(`usage: run-scenario.ts <${Object.keys(SCENARIOS).join('|')}> <rows>\n`);
    process.exit(2);
  }
  const { run, close } = await scenario.prepare(rows);
  const started = performance.now();
  const work = await run();
  const wallSeconds = (performance.now() - started) / 1000;
  await close();
  process.stdout.write(`${JSON.stringify({ rows: work.rows, bytes: work.bytes, wallSeconds, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}
