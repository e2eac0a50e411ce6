import { hasCsvExtension } from '@medallion/s3-events';
import { settingsHelp } from '@medallion/settings';
import { Command, CommanderError, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputFileError, resolveInputFiles } from './input-files';
import { LakeInUseError } from './lake-lock';
import { ForeignFolderError } from './owned-folder';
import { CLI_SETTINGS } from './settings';
import { reserveStdout } from './stdout-guard';

/** Exit statuses of the `medallion` command. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The folder the user ran `npm start` in (npm runs scripts from the workspace root). */
const CALLER_DIR = process.env['INIT_CWD'] ?? process.cwd();

function usageError(message: string): never {
  throw new CommanderError(EXIT.usage, 'medallion.usage', `error: ${message}`);
}

async function defaultFiles(): Promise<string[]> {
  const dataDir = resolve('data');
  const names = existsSync(dataDir) ? (await readdir(dataDir)).filter((name) => hasCsvExtension(name)).sort() : [];
  if (names.length === 0) usageError(`no FILE given and no .csv files in ${dataDir}; name the CSV files to run`);
  return names.map((name) => join(dataDir, name));
}

interface RunFlags {
  out?: string;
  json?: boolean;
  customerIds: boolean;
  bucket: string;
  lakeDir?: string;
  eventShape: 's3-notification' | 'eventbridge';
  logLevel: string;
}

/** medallion's version: the workspace's package.json (the CLI runs from the workspace, as `npm start`). */
const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const program = new Command('medallion')
  .version(VERSION, '-V, --version', "medallion's version (the workspace's package.json)")
  .description(
    'Medallion data lake on one machine: bronze → silver → gold and platinum on an embedded S3-compatible store.',
  )
  .exitOverride()
  .showHelpAfterError('(add --help for usage)')
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('run')
  .description(
    'upload CSV files to bronze/ and run every layer on them (silver, gold, platinum, and any layer added since); prints the gold and platinum tables',
  )
  .argument(
    '[FILE...]',
    'CSV files, or folders standing for the .csv files directly in them (in name order), uploaded in this order to bronze/<file name> (default: data/*.csv)',
  )
  .option(
    '--out <DIR>',
    "export the bucket's final contents as plain files under DIR (a new or empty folder, or one medallion exported to before)",
  )
  .option('--json', 'print the run summary as one line of JSON, the last line on stdout')
  .option(
    '--no-customer-ids',
    "leave gold's Customer IDs out of what is printed (the tables and --json), for large lakes; gold's files keep them",
  )
  .option('--bucket <NAME>', "bucket name, by S3's naming rules", 'medallion-lake')
  .option(
    '--lake-dir <DIR>',
    'folder of the embedded store, emptied at start (default: .medallion/lake in the workspace)',
  )
  .addOption(
    new Option('--event-shape <SHAPE>', 'event shape delivered to the handlers')
      .choices(['s3-notification', 'eventbridge'])
      .default('s3-notification'),
  )
  .addOption(
    new Option('--log-level <LEVEL>', 'handler log level (logs go to stderr)')
      .choices(['DEBUG', 'INFO', 'WARN', 'ERROR'])
      .default('WARN'),
  )
  .addHelpText('after', `\n${settingsHelp(CLI_SETTINGS)}`)
  .action(async (fileArgs: string[], opts: RunFlags) => {
    let files;
    try {
      files = resolveInputFiles(fileArgs.length > 0 ? fileArgs : await defaultFiles(), CALLER_DIR);
    } catch (error) {
      if (error instanceof InputFileError) usageError(error.message);
      throw error;
    }
    process.env['POWERTOOLS_LOG_LEVEL'] = opts.logLevel;
    // The CLI runs on the machine's Node 20; the Lambdas run on Node 24. The SDK's notice about its
    // future Node floor is not actionable in a local run.
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
    // CloudWatch metrics (EMF lines) mean nothing on a laptop; the summary carries the counts.
    process.env['POWERTOOLS_METRICS_DISABLED'] ??= 'true';
    const { bucketNameProblem, InvalidSettingError, runPipeline } = await import('./run-pipeline');
    const { withoutCustomerIds } = await import('./run-summary');
    const bucketProblem = bucketNameProblem(opts.bucket);
    if (bucketProblem) usageError(`--bucket ${opts.bucket}: ${bucketProblem}`);
    const writeStdout = reserveStdout();
    const { formatProblems, formatReport } = await import('./format-report');
    let outcome;
    try {
      outcome = await runPipeline({
        files,
        lakeDir: opts.lakeDir === undefined ? resolve('.medallion/lake') : resolve(CALLER_DIR, opts.lakeDir),
        lakeDirIsDefault: opts.lakeDir === undefined,
        bucket: opts.bucket,
        outDir: opts.out === undefined ? undefined : resolve(CALLER_DIR, opts.out),
        eventShape: opts.eventShape,
        progress: (line) => process.stderr.write(`${line}\n`),
      });
    } catch (error) {
      // A folder it will not empty or another run holds, or a MEDALLION_* setting with a value it does not accept (checked first).
      if (
        error instanceof ForeignFolderError ||
        error instanceof LakeInUseError ||
        error instanceof InvalidSettingError
      )
        usageError(error.message);
      throw error;
    }
    process.stderr.write(formatProblems(outcome.problems));
    const summary = opts.customerIds ? outcome.summary : withoutCustomerIds(outcome.summary);
    writeStdout(opts.json ? `${JSON.stringify(summary)}\n` : formatReport(summary, outcome.elapsedMs));
    const failed = outcome.summary.counts.rejectedFiles > 0 || outcome.problems.failures.length > 0;
    process.exitCode = failed ? EXIT.failed : EXIT.ok;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.code === 'medallion.usage') process.stderr.write(`${error.message}\n`);
    const usage =
      error.exitCode !== 0 && error.code !== 'commander.helpDisplayed' && error.code !== 'commander.version';
    process.exitCode = usage ? EXIT.usage : EXIT.ok;
  } else {
    process.stderr.write(`medallion: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
