import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/**
 * `npm run bench:cold-start`: for each Lambda app, builds its handler twice with the options of its
 * `build` target (esbuild, ESM, Node 24, minified): with the AWS SDK bundled (what medallion deploys)
 * and with `@aws-sdk/*` and `@smithy/*` left to the runtime. Prints each bundle's size and gzipped
 * size (KB) and its module initialization time (ms, median of 7 fresh `node` processes importing
 * it: parse, compile and top-level code, no invocation; `--runs N` for another count).
 */
const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const out = `${workspace}tmp/bench/cold-start`;
const USAGE = 'usage: npm run bench:cold-start [-- --runs N]   (N fresh processes per bundle, default 7)';
let options;
try {
  options = parseArgs({ options: { runs: { type: 'string', default: '7' }, help: { type: 'boolean' } } }).values;
} catch (error) {
  process.stderr.write(`bench:cold-start: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!/^[1-9]\d*$/.test(options.runs)) {
  process.stderr.write(`bench:cold-start: --runs ${options.runs}: give a whole number of runs, 1 or more\n${USAGE}\n`);
  process.exit(2);
}
/** Fresh processes per bundle. */
const RUNS = Number(options.runs);

function initMilliseconds(bundle: string): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t));`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    );
    if (child.status !== 0) throw new Error(`importing ${bundle} failed:\n${child.stderr}`);
    samples.push(Number(child.stdout));
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

process.stdout.write(`${'bundle'.padEnd(28)} ${'KB'.padStart(8)} ${'KB gzip'.padStart(8)} ${'init ms'.padStart(8)}\n`);
for (const app of ['silver-lambda', 'gold-lambda']) {
  for (const sdk of ['bundled', 'external'] as const) {
    const outfile = `${out}/${app}-sdk-${sdk}/index.mjs`;
    mkdirSync(`${out}/${app}-sdk-${sdk}`, { recursive: true });
    buildSync({
      entryPoints: [`${workspace}apps/${app}/src/main.ts`],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      legalComments: 'none',
      logLevel: 'error',
      external: sdk === 'external' ? ['@aws-sdk/*', '@smithy/*'] : [],
      banner: {
        js: "import { createRequire as __medallionCreateRequire } from 'node:module'; const require = __medallionCreateRequire(import.meta.url);",
      },
    });
    const bytes = statSync(outfile).size;
    const gzipped = gzipSync(readFileSync(outfile), { level: 9 }).length;
    process.stdout.write(
      `${`${app}, SDK ${sdk}`.padEnd(28)} ${(bytes / 1024).toFixed(0).padStart(8)} ${(gzipped / 1024).toFixed(0).padStart(8)} ${initMilliseconds(outfile).toFixed(0).padStart(8)}\n`,
    );
  }
}
