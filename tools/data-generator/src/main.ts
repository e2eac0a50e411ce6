import { CsvWriter } from '@medallion/csv-io';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { generateCustomerRows } from './generate-customers';
import { GENERATOR_USAGE, GeneratorUsageError, parseGeneratorArguments } from './generator-arguments';

let args;
try {
  args = parseGeneratorArguments(process.argv.slice(2), process.env['INIT_CWD'] ?? process.cwd());
} catch (error) {
  if (!(error instanceof GeneratorUsageError)) throw error;
  process.stderr.write(`error: ${error.message}\n${GENERATOR_USAGE}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${GENERATOR_USAGE}\n`);
  process.exit(0);
}
await mkdir(dirname(args.out), { recursive: true });
const writer = new CsvWriter();
const done = pipeline(writer.output, createWriteStream(args.out));
for (const row of generateCustomerRows(args.rows, args.seed, { status: args.status })) await writer.write(row);
writer.end();
await done;
process.stderr.write(`wrote ${args.rows} rows to ${args.out}${args.status ? '' : ' (no status column)'}\n`);
