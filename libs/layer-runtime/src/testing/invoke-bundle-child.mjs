// The child process of invokeBundle (invoke-bundle.ts): imports the bundle (argv[2]), invokes its
// handler once per event (argv[3], a JSON array), in order, and writes the answers as one JSON
// array to file descriptor 3 (stdout and stderr carry the handler's logs).
import { writeSync } from 'node:fs';
const [bundle, events] = process.argv.slice(2);
const { handler } = await import(bundle);
const answers = [];
for (const event of JSON.parse(events)) {
  try {
    const result = await handler(event);
    answers.push({ node: process.version, result: { ...result }, response: JSON.parse(JSON.stringify(result)) });
  } catch (error) {
    answers.push({ node: process.version, error: { name: error.name, message: error.message } });
  }
}
writeSync(3, JSON.stringify(answers));
