import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_EXPECTATIONS, ROW_EXPECTATIONS } from './expectations';
import { RULE_REGISTRY, ruleNamed, SILVER_RULES } from './rules';

const ROOT = join(import.meta.dirname, '../../..');

/** The rows of the README's "Data quality" table: rule, applies to, action. */
function readmeRules(): { name: string; level: string; action: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Data quality\n')[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((row) => {
    const [name, level, action] = row
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    return { name: name!.replace(/^`|`$/g, ''), level: level!, action: action! };
  });
}

/** Every `.ts` file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the rule registry', () => {
  it('is the README "Data quality" table, row for row: names, levels and actions', () => {
    expect(readmeRules()).toEqual(
      RULE_REGISTRY.map((rule) => ({ name: rule.name, level: rule.level, action: rule.action })),
    );
  });

  it('names each rule once, and the header and record checks are its file and row rules', () => {
    expect(new Set(RULE_REGISTRY.map((rule) => rule.name)).size).toBe(RULE_REGISTRY.length);
    for (const rule of [...FILE_EXPECTATIONS, ...ROW_EXPECTATIONS]) {
      expect(ruleNamed(rule.name)).toMatchObject({ level: rule.level, action: rule.action });
    }
    expect(ROW_EXPECTATIONS.map((rule) => rule.name)).toEqual(
      RULE_REGISTRY.filter((rule) => rule.level === 'row').map((rule) => rule.name),
    );
    expect(ruleNamed('required-columns')).toBeUndefined();
    expect(ruleNamed('readable-table')).toBeUndefined();
  });

  it('is the only place a rule name is written in silver source (everything else goes through SILVER_RULES)', () => {
    const files = [
      ...sourceFiles(join(ROOT, 'libs/silver/src')),
      ...sourceFiles(join(ROOT, 'libs/silver-rules/src')).filter((file) => !file.endsWith('rules.ts')),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const { name } of Object.values(SILVER_RULES)) {
        expect(text, `${file} writes '${name}'`).not.toMatch(new RegExp(`['"]${name}['"]`));
      }
    }
  });
});
