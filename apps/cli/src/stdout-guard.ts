/**
 * Sends everything that would be written to stdout (the handlers' JSON logs included) to stderr,
 * and returns a writer for the real stdout, so that the CLI's own output stays parseable.
 *
 * @returns `(text) => void` writing to the original stdout.
 */
export function reserveStdout(): (text: string) => void {
  const writeStdout = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return (text) => {
    writeStdout(text);
  };
}
