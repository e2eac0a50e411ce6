// Lists every function over 40 lines (blank lines and comments not counted, as the lint rule
// `max-lines-per-function` of eslint.config.mjs counts them) in the libs (src only, not tests),
// longest first: `file:function:lines`.
// Usage: node tools/long-functions.mjs [max=40] [top=all]
import { ESLint } from 'eslint';

const max = Number(process.argv[2] ?? 40);
const top = process.argv[3] === undefined ? Infinity : Number(process.argv[3]);

const eslint = new ESLint({
  overrideConfig: {
    rules: { 'max-lines-per-function': ['error', { max: 0, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
});
const files = ['libs/*/src/**/*.ts'];
const results = await eslint.lintFiles(files);
const rows = [];
for (const result of results) {
  if (/\.test\.ts$|\/tests\/|\.d\.ts$/.test(result.filePath)) continue;
  for (const message of result.messages) {
    if (message.ruleId !== 'max-lines-per-function') continue;
    const match = /^(.*) has too many lines \((\d+)\)/.exec(message.message);
    if (!match) continue;
    const lines = Number(match[2]);
    if (lines <= max) continue;
    const name =
      match[1].replace(/^(Async )?(generator )?(function|method|arrow function)\s*/i, '').replace(/^'|'$/g, '') ||
      '(anonymous)';
    rows.push({ file: `${result.filePath.replace(`${process.cwd()}/`, '')}:${message.line}`, name, lines });
  }
}
rows.sort((a, b) => b.lines - a.lines);
for (const row of rows.slice(0, top)) console.log(`${row.file}:${row.name}:${row.lines}`);
console.log(`${rows.length} function(s) over ${max} lines`);
